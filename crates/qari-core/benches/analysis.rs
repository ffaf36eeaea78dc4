//! Throughput of `analyze` on Arabic news text (the sample's paragraphs repeated) and on
//! hostile shapes (colon after colon in one paragraph, many tiny quote paragraphs, a wall of
//! hashtags, a whole article on one line), each at growing sizes: with linear cost the
//! throughput (MB/s) stays the same as the size doubles.
#![expect(
    missing_docs,
    reason = "criterion's macros generate undocumented items"
)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use qari_core::analysis::{Tagger, analyze};
use qari_core::document::{Document, parse_plain_text};

fn big_document() -> Document {
    news_document(1_000_000, false)
}

/// The sample's paragraphs repeated up to `bytes`, as paragraphs or on a single line.
fn news_document(bytes_wanted: usize, single_line: bool) -> Document {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/000_f28f254fb6dd51e1.txt"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|_| {
        "وقال المتحدث باسم الوزارة أحمد علي إن \"الوضع في المدينة مستقر\".".to_string()
    });
    let sample = parse_plain_text(&text);
    let paras: Vec<String> = sample.paragraphs().map(str::to_string).collect();
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < bytes_wanted && !paras.is_empty() {
        for p in &paras {
            bytes += p.len();
            out.push(p.clone());
        }
    }
    if single_line {
        out = vec![out.join(" ")];
    }
    Document::new(sample.title, out)
}

/// A hostile shape of about `bytes`.
fn shape(name: &str, bytes: usize) -> Document {
    let repeat = |unit: &str| unit.repeat(bytes / unit.len() + 1);
    let paragraphs = match name {
        "colons" => vec![repeat("وقال الرئيس: ")],
        "short_quotes" => vec!["قال زيد: \"نعم\".".to_string(); bytes / 24 + 1],
        "hashtags" => {
            let mut s = String::new();
            let mut i = 0;
            while s.len() < bytes {
                s.push_str(&format!("#وسم_{i} "));
                i += 1;
            }
            vec![s]
        }
        _ => return news_document(bytes, name == "one_line"),
    };
    Document::new("عنوان", paragraphs)
}

fn growing(c: &mut Criterion) {
    let _ = Tagger::default_model();
    for name in ["news", "one_line", "colons", "short_quotes", "hashtags"] {
        let mut g = c.benchmark_group(format!("growing_{name}"));
        g.sample_size(10);
        for kb in [250, 500, 1000, 2000] {
            let doc = shape(name, kb * 1000);
            let bytes: usize = doc.paragraphs().map(str::len).sum();
            g.throughput(Throughput::Bytes(bytes as u64));
            g.bench_with_input(BenchmarkId::from_parameter(kb), &doc, |b, doc| {
                b.iter(|| analyze(std::hint::black_box(doc)))
            });
        }
        g.finish();
    }
}

fn bench(c: &mut Criterion) {
    let doc = big_document();
    let bytes: usize = doc.paragraphs().map(str::len).sum();
    // Load the model outside the measurement.
    let _ = Tagger::default_model();
    let mut g = c.benchmark_group("analysis");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("analyze_1mb", |b| {
        b.iter(|| analyze(std::hint::black_box(&doc)))
    });
    g.finish();
    c.bench_function("model_load", |b| {
        b.iter(|| {
            Tagger::from_bytes(std::hint::black_box(include_bytes!(
                "../../../assets/models/ner.bin"
            )))
        })
    });
}

criterion_group!(benches, bench, growing);
criterion_main!(benches);
