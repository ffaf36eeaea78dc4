//! The document layer stays free of UI code, unsafe code and panicking shortcuts.

use std::path::Path;

fn sources() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/document");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((path.display().to_string(), text));
        }
    }
    assert!(out.len() >= 10, "document sources found: {}", out.len());
    out
}

#[test]
fn document_code_uses_no_ui_crates() {
    for (path, text) in sources() {
        for forbidden in ["egui", "eframe", "rfd", "cosmic_text", "cosmic-text"] {
            assert!(!text.contains(forbidden), "{path} mentions {forbidden}");
        }
    }
}

#[test]
fn every_document_file_starts_with_a_module_doc() {
    for (path, text) in sources() {
        assert!(text.starts_with("//!"), "{path} has no //! line first");
    }
}

#[test]
fn document_code_never_panics_on_purpose() {
    for (path, text) in sources() {
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for forbidden in [
            "panic!(",
            ".unwrap()",
            ".expect(",
            "unreachable!(",
            "todo!(",
            "unimplemented!(",
        ] {
            assert!(!code.contains(forbidden), "{path} uses {forbidden}");
        }
    }
}
