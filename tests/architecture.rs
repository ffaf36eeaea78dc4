//! The layering of the crate holds: model code is free of GUI and layout crates and never
//! panics on purpose, `state` names neither `ui` nor `app`, `ui` never names `app`, and every
//! source file starts with a module doc.

use std::path::{Path, PathBuf};

/// The model: pure, testable alone.
const MODEL_DIRS: [&str; 5] = [
    "src/document",
    "src/analysis",
    "src/annotations",
    "src/search",
    "src/arabic",
];
const GUI_CRATES: [&str; 4] = ["egui", "eframe", "rfd", "cosmic_text"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every Rust file under the given `src/` folders, with its text.
fn sources(dirs: &[&str]) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for dir in dirs {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(!files.is_empty(), "sources found under {dirs:?}");
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            (f, text)
        })
        .collect()
}

/// Whether `line` names `krate` as a path root (`egui::`, `use egui`, `egui;`).
fn mentions(line: &str, krate: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    code.match_indices(krate).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + krate.len()..].chars().next();
        let starts = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let ends = after.is_none_or(|c| c == ':' || c == ';' || c == ' ' || c == ',' || c == '}');
        starts && ends
    })
}

/// Lines of `files` (outside comments) that name any of `paths`, as `file:line: text`.
fn offences(files: &[(PathBuf, String)], paths: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (file, text) in files {
        for (n, line) in text.lines().enumerate() {
            if paths.iter().any(|p| mentions(line, p)) {
                out.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    out
}

#[test]
fn model_code_imports_no_gui_or_layout_crate() {
    let found = offences(&sources(&MODEL_DIRS), &GUI_CRATES);
    assert!(
        found.is_empty(),
        "model code imports GUI crates:\n{}",
        found.join("\n")
    );
}

#[test]
fn model_code_names_no_layer_above_it() {
    let above = [
        "crate::text",
        "crate::state",
        "crate::ui",
        "crate::app",
        "crate::cli",
    ];
    let found = offences(&sources(&MODEL_DIRS), &above);
    assert!(found.is_empty(), "model code names:\n{}", found.join("\n"));
}

#[test]
fn state_names_neither_ui_nor_app() {
    let found = offences(&sources(&["src/state"]), &["crate::ui", "crate::app"]);
    assert!(found.is_empty(), "state names:\n{}", found.join("\n"));
}

#[test]
fn ui_never_names_app() {
    let found = offences(&sources(&["src/ui"]), &["crate::app"]);
    assert!(found.is_empty(), "ui names app:\n{}", found.join("\n"));
}

#[test]
fn model_code_never_panics_on_purpose() {
    for (path, text) in sources(&MODEL_DIRS) {
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for forbidden in [
            "panic!(",
            ".unwrap()",
            ".expect(",
            "unreachable!(",
            "todo!(",
            "unimplemented!(",
        ] {
            assert!(
                !code.contains(forbidden),
                "{} uses {forbidden}",
                path.display()
            );
        }
    }
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    for (path, text) in sources(&["src"]) {
        assert!(
            text.starts_with("//!"),
            "{} has no //! line first",
            path.display()
        );
    }
}

#[test]
fn the_checker_sees_an_import() {
    assert!(mentions("use egui::Color32;", "egui"));
    assert!(mentions(
        "    let x = cosmic_text::Buffer::new();",
        "cosmic_text"
    ));
    assert!(mentions("use crate::app::Command;", "crate::app"));
    assert!(!mentions("// egui is not used here", "egui"));
    assert!(!mentions("let my_egui_thing = 1;", "egui"));
    assert!(!mentions("use crate::application;", "crate::app"));
}
