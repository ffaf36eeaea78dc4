//! Fuzzes the analysis: any text must analyse without a panic, every entity mention, quote and
//! speaker span lying inside its paragraph with the paragraph's text. Seeded with whole real
//! articles (4 KB and more) so that paragraphs, quotes and names are exercised, not just
//! short strings; run with `-max_len=16384`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qari_core::invariants::analysis_spans;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = analysis_spans(data) {
        panic!("{broken}");
    }
});
