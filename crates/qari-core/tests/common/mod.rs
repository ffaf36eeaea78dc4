//! The one helper module of the model's integration tests, also included by the application's
//! (`tests/common/`): the bundled sample, fixture paths, scratch directories, and zip archives
//! (EPUB, DOCX) built in memory.

use std::io::Write;
use std::path::{Path, PathBuf};

use qari_core::document::{Document, LoadOptions, load_path};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The workspace root, where `seeds/` and `tests/fixtures/` are (these helpers are compiled
/// into both the model's and the application's tests, from different crate folders).
pub fn root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .find(|dir| dir.join("seeds").is_dir())
        .unwrap_or(here)
        .to_path_buf()
}

/// The value of `result`, or a test failure naming `what` and the error.
pub fn must<T, E: std::fmt::Display>(result: Result<T, E>, what: &str) -> T {
    match result {
        Ok(value) => value,
        Err(err) => panic!("{what}: {err}"),
    }
}

/// A file under `tests/fixtures/` (e.g. `formats/x.html`, `encoding/sample.txt`).
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The bundled sample article.
pub fn sample_path() -> PathBuf {
    seed("txt")
}

/// The sample, loaded; panics (failing the test) if it cannot be.
pub fn sample() -> Document {
    match load_path(&sample_path(), &LoadOptions::default()) {
        Ok(doc) => doc,
        Err(err) => panic!("the bundled sample must load: {err}"),
    }
}

/// A fresh directory that outlives the test's harness.
pub fn scratch_dir() -> PathBuf {
    match tempfile::tempdir() {
        Ok(dir) => dir.keep(),
        Err(err) => panic!("a temporary directory is needed: {err}"),
    }
}

/// A seed file, by extension suffix (e.g. `html`, `windows-1256.txt`).
pub fn seed(suffix: &str) -> PathBuf {
    root().join(format!("seeds/000_f28f254fb6dd51e1.{suffix}"))
}

/// A zip archive of `(name, bytes, deflate?)` members.
pub fn zip_bytes(members: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data, deflate) in members {
        let method = if *deflate {
            CompressionMethod::Deflated
        } else {
            CompressionMethod::Stored
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(data.len() > u32::MAX as usize / 2);
        must(zip.start_file(*name, options), "zip member starts");
        must(zip.write_all(data), "zip member written");
    }
    must(zip.finish(), "zip finishes").into_inner()
}

/// The standard OPF/container scaffolding of an EPUB, with the given chapters.
///
/// `chapters` are `(href, Some(xhtml))` for chapters present in the archive and
/// `(href, None)` for chapters listed in the spine but left out.
pub fn epub_bytes(title: &str, chapters: &[(&str, Option<&str>)]) -> Vec<u8> {
    let container = r#"<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;
    let mut manifest = String::new();
    let mut spine = String::new();
    for (i, (href, _)) in chapters.iter().enumerate() {
        manifest.push_str(&format!(
            r#"<item id="c{i}" href="{href}" media-type="application/xhtml+xml"/>"#
        ));
        spine.push_str(&format!(r#"<itemref idref="c{i}"/>"#));
    }
    let opf = format!(
        r#"<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:language>ar</dc:language></metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>"#
    );
    let mut members: Vec<(String, Vec<u8>, bool)> = vec![
        ("mimetype".into(), b"application/epub+zip".to_vec(), false),
        (
            "META-INF/container.xml".into(),
            container.as_bytes().to_vec(),
            true,
        ),
        ("OPS/book.opf".into(), opf.into_bytes(), true),
    ];
    for (href, body) in chapters {
        if let Some(body) = body {
            members.push((format!("OPS/{href}"), body.as_bytes().to_vec(), true));
        }
    }
    let refs: Vec<(&str, &[u8], bool)> = members
        .iter()
        .map(|(n, d, c)| (n.as_str(), d.as_slice(), *c))
        .collect();
    zip_bytes(&refs)
}

/// A minimal DOCX whose `word/document.xml` is `document` and `word/styles.xml` is `styles`.
pub fn docx_bytes(document: &str, styles: Option<&str>) -> Vec<u8> {
    let mut members: Vec<(&str, &[u8], bool)> = vec![
        ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#, true),
        ("word/document.xml", document.as_bytes(), true),
    ];
    if let Some(styles) = styles {
        members.push(("word/styles.xml", styles.as_bytes(), true));
    }
    zip_bytes(&members)
}

/// Wraps paragraphs XML in a `w:document`.
pub fn word_document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
}

/// Writes `bytes` to `name` in a fresh temporary directory, returning both.
pub fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = must(tempfile::tempdir(), "temp dir");
    let path = dir.path().join(name);
    must(std::fs::write(&path, bytes), "temp file written");
    (dir, path)
}

/// Shorthand for `Path::new`.
pub fn p(name: &str) -> &Path {
    Path::new(name)
}
