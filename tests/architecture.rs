//! The model modules stay free of GUI and layout crates, so they can be tested and reused alone.

use std::path::Path;

const MODEL_DIRS: [&str; 4] = [
    "src/document",
    "src/analysis",
    "src/annotations",
    "src/search",
];
const FORBIDDEN: [&str; 4] = ["egui", "eframe", "rfd", "cosmic_text"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
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

#[test]
fn model_code_imports_no_gui_or_layout_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in MODEL_DIRS {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(!files.is_empty(), "model sources found");
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for krate in FORBIDDEN {
                if mentions(line, krate) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "model code imports GUI crates:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_checker_sees_an_import() {
    assert!(mentions("use egui::Color32;", "egui"));
    assert!(mentions(
        "    let x = cosmic_text::Buffer::new();",
        "cosmic_text"
    ));
    assert!(!mentions("// egui is not used here", "egui"));
    assert!(!mentions("let my_egui_thing = 1;", "egui"));
}
