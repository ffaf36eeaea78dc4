//! Encoding detection: the sample re-encoded in legacy and UTF-16 forms decodes to the same text.

#[expect(dead_code, reason = "each test file uses some of the shared helpers")]
mod common;

use qari_core::document::encoding::decode_auto;
use qari_core::document::{LoadOptions, load_path};

fn expected() -> String {
    std::fs::read_to_string(common::fixture("encoding/sample.expected.txt")).unwrap_or_default()
}

#[test]
fn each_encoding_decodes_to_the_same_text() {
    for (file, encoding) in [
        ("sample.windows-1256.txt", "windows-1256"),
        ("sample.iso-8859-6.txt", "ISO-8859-6"),
        ("sample.utf-16le.txt", "UTF-16LE"),
        ("sample.utf-16be.txt", "UTF-16BE"),
        ("sample.expected.txt", "UTF-8"),
    ] {
        let bytes = std::fs::read(common::fixture(&format!("encoding/{file}"))).unwrap();
        let decoded = decode_auto(&bytes);
        assert_eq!(decoded.encoding, encoding, "{file}");
        assert_eq!(decoded.text, expected(), "{file}");
        assert_eq!(decoded.replaced, 0);
    }
}

#[test]
fn legacy_files_load_into_the_same_document() {
    let want = common::sample();
    for file in [
        "sample.windows-1256.txt",
        "sample.iso-8859-6.txt",
        "sample.utf-16be.txt",
    ] {
        let doc = load_path(
            &common::fixture(&format!("encoding/{file}")),
            &LoadOptions::default(),
        )
        .unwrap();
        assert_eq!(doc.title, want.title, "{file}");
        assert_eq!(doc.sections, want.sections, "{file}");
    }
}

#[test]
fn utf8_with_bom_loads_without_the_bom() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.txt");
    std::fs::write(
        &path,
        [b"\xef\xbb\xbf".as_slice(), expected().as_bytes()].concat(),
    )
    .unwrap();
    let doc = load_path(&path, &LoadOptions::default()).unwrap();
    assert_eq!(doc.title, common::sample().title);
}

#[test]
fn binary_and_unreadable_files_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("image.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let err = load_path(&png, &LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("not a text document") && err.ends_with("image.png"),
        "{err}"
    );
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let err = load_path(&empty, &LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("empty"), "{err}");
    let err = load_path(dir.path(), &LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("folder"), "{err}");
    let err = load_path(&dir.path().join("missing.txt"), &LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("not found"), "{err}");
    #[cfg(unix)]
    {
        let err = load_path(std::path::Path::new("/dev/zero"), &LoadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a regular file"), "{err}");
    }
}
