//! Throughput of `analyze` on ~1 MB of Arabic news text (the sample's paragraphs repeated).
#![expect(
    missing_docs,
    reason = "criterion's macros generate undocumented items"
)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use qari::analysis::{Tagger, analyze};
use qari::document::{Document, parse_plain_text};

fn big_document() -> Document {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_f28f254fb6dd51e1.txt"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|_| {
        "وقال المتحدث باسم الوزارة أحمد علي إن \"الوضع في المدينة مستقر\".".to_string()
    });
    let sample = parse_plain_text(&text);
    let paras: Vec<String> = sample.paragraphs().map(str::to_string).collect();
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < 1_000_000 && !paras.is_empty() {
        for p in &paras {
            bytes += p.len();
            out.push(p.clone());
        }
    }
    Document::new(sample.title, out)
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
                "../assets/models/ner.bin"
            )))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
