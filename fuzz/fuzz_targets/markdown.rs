//! Fuzzes the .md loader: any bytes must give a document or a `LoadError`, never a panic or hang.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use qari_core::document::{LoadOptions, TextEncoding, load_bytes_all};

fuzz_target!(|data: &[u8]| {
    let options = LoadOptions::default();
    let _ = load_bytes_all(Path::new("fuzz.md"), data, &options);
    // The same bytes with a forced encoding, and with the format left to sniffing.
    if let Some((&first, rest)) = data.split_first() {
        let encoding = TextEncoding::ALL[usize::from(first) % TextEncoding::ALL.len()];
        let forced = LoadOptions {
            encoding: Some(encoding),
            ..options
        };
        let _ = load_bytes_all(Path::new("fuzz.md"), rest, &forced);
        let _ = load_bytes_all(Path::new("fuzz"), rest, &options);
    }
});
