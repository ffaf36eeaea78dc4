//! Fuzzes the DOCX loader: raw archives, and well-formed archives with fuzzed XML parts.
#![no_main]

use std::io::Write;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use qari_core::document::{LoadOptions, load_bytes_all};
use zip::write::SimpleFileOptions;

const DOCUMENT: &str = r#"<w:document><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/><w:bidi/></w:pPr><w:r><w:t>h</w:t></w:r></w:p><w:p><w:r><w:t>p</w:t></w:r></w:p></w:body></w:document>"#;

fn archive(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in members {
        let options = SimpleFileOptions::default();
        if zip.start_file(*name, options).is_err() || zip.write_all(data).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let options = LoadOptions {
        max_unpacked: 16 * 1024 * 1024,
        ..LoadOptions::default()
    };
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = match mode % 4 {
        0 => rest.to_vec(),
        1 => archive(&[("word/document.xml", rest)]),
        2 => archive(&[
            ("word/document.xml", DOCUMENT.as_bytes()),
            ("word/styles.xml", rest),
        ]),
        _ => archive(&[
            ("_rels/.rels", rest),
            ("word/document.xml", DOCUMENT.as_bytes()),
            ("docProps/core.xml", rest),
        ]),
    };
    let _ = load_bytes_all(Path::new("fuzz.docx"), &bytes, &options);
});
