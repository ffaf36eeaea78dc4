//! Replays the fuzz corpora kept in `fuzz/corpus/` (and the seeds in `fuzz/seeds/`) as
//! regression tests: every input the fuzzers found interesting still loads or is refused
//! without a panic, analyses with every span inside its paragraph, and anchors resolve to
//! their own text. CI runs this; the fuzzers themselves need nightly and libFuzzer.

use std::path::{Path, PathBuf};

use qari_core::document::{LoadOptions, TextEncoding, load_bytes_all};
use qari_core::invariants::{analysis_spans, anchor_resolution};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The inputs of one target: its kept corpus and its seeds.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["corpus", "seeds"] {
        let Ok(entries) = std::fs::read_dir(fuzz_dir().join(dir).join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if let Ok(bytes) = std::fs::read(&path) {
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn format_corpora_load_or_are_refused() {
    let options = LoadOptions {
        max_unpacked: 16 * 1024 * 1024,
        ..LoadOptions::default()
    };
    let mut total = 0;
    for (target, ext) in [
        ("plain_text", "txt"),
        ("html", "html"),
        ("markdown", "md"),
        ("json", "json"),
        ("epub", "epub"),
        ("docx", "docx"),
        ("pdf", "pdf"),
    ] {
        let files = inputs(target);
        assert!(!files.is_empty(), "no corpus or seeds for {target}");
        for (_, bytes) in &files {
            // Errors are fine; a panic fails the test.
            let _ = load_bytes_all(Path::new(&format!("fuzz.{ext}")), bytes, &options);
            if let Some((&first, rest)) = bytes.split_first() {
                let encoding = TextEncoding::ALL[usize::from(first) % TextEncoding::ALL.len()];
                let forced = LoadOptions {
                    encoding: Some(encoding),
                    ..options
                };
                let _ = load_bytes_all(Path::new(&format!("fuzz.{ext}")), rest, &forced);
                let _ = load_bytes_all(Path::new("fuzz"), rest, &options);
            }
        }
        total += files.len();
    }
    eprintln!("{total} format inputs replayed");
}

#[test]
fn analysis_corpus_keeps_every_span_inside_its_paragraph() {
    let files = inputs("analysis");
    assert!(files.len() >= 5, "analysis corpus: {} inputs", files.len());
    let mut quotes = 0;
    for (path, bytes) in &files {
        match analysis_spans(bytes) {
            Ok(analysis) => quotes += analysis.quotes.len(),
            Err(broken) => panic!("{}: {broken}", path.display()),
        }
    }
    // The seeds are real articles: the corpus reaches quotes, not only short strings.
    assert!(quotes > 0, "no quote found in {} inputs", files.len());
}

#[test]
fn anchor_corpus_resolves_to_its_own_text() {
    let files = inputs("anchor");
    assert!(!files.is_empty(), "anchor corpus is empty");
    for (path, bytes) in &files {
        if let Err(broken) = anchor_resolution(bytes) {
            panic!("{}: {broken}", path.display());
        }
    }
}
