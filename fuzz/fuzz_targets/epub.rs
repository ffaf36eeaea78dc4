//! Fuzzes the EPUB loader: raw archives, and well-formed archives with fuzzed parts.
#![no_main]

use std::io::Write;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use qari_core::document::{LoadOptions, load_bytes_all};
use zip::write::SimpleFileOptions;

const CONTAINER: &str = r#"<?xml version="1.0"?><container><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;
const OPF: &str = r#"<package><metadata><dc:title>T</dc:title></metadata><manifest><item id="a" href="a.xhtml"/><item id="b" href="b%20c.xhtml"/></manifest><spine><itemref idref="a"/><itemref idref="b"/></spine></package>"#;

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
        1 => archive(&[
            ("META-INF/container.xml", CONTAINER.as_bytes()),
            ("OPS/book.opf", OPF.as_bytes()),
            ("OPS/a.xhtml", rest),
            ("OPS/b c.xhtml", b"<p>x</p>"),
        ]),
        2 => archive(&[
            ("META-INF/container.xml", CONTAINER.as_bytes()),
            ("OPS/book.opf", rest),
            ("OPS/a.xhtml", b"<h1>a</h1><p>x</p>"),
        ]),
        _ => archive(&[
            ("META-INF/container.xml", rest),
            ("OPS/book.opf", OPF.as_bytes()),
        ]),
    };
    let _ = load_bytes_all(Path::new("fuzz.epub"), &bytes, &options);
});
