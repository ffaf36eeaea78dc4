//! The layering holds: the model crate (`qari-core`) has no GUI or layout crate anywhere in
//! its dependency tree and never panics on purpose, `state` names neither `ui` nor `app`, `ui`
//! never names `app`, and every source file starts with a module doc. That the model names no
//! layer above it is the compiler's to check: `qari-core` does not depend on `qari`.

use std::path::{Path, PathBuf};

/// The model: pure, testable alone.
const MODEL_DIRS: [&str; 1] = ["crates/qari-core/src"];
/// Packages of the GUI and of text layout, which the model's dependency tree must not hold.
const GUI_PACKAGES: [&str; 10] = [
    "egui",
    "eframe",
    "egui-winit",
    "egui_glow",
    "winit",
    "glow",
    "rfd",
    "cosmic-text",
    "fontdb",
    "wayland-client",
];

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

/// The `[[package]]` entries of `Cargo.lock`: name → names of its dependencies.
fn lock_packages() -> std::collections::BTreeMap<String, Vec<String>> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap_or_default();
    let mut packages = std::collections::BTreeMap::new();
    for entry in lock.split("[[package]]").skip(1) {
        let mut name = String::new();
        let mut deps = Vec::new();
        let mut in_deps = false;
        for line in entry.lines() {
            let line = line.trim();
            if let Some(n) = line.strip_prefix("name = ") {
                name = n.trim_matches('"').to_string();
            } else if line.starts_with("dependencies = [") {
                in_deps = true;
            } else if in_deps && line.starts_with(']') {
                in_deps = false;
            } else if in_deps {
                // `"name"` or `"name version"` (when two versions are locked).
                let dep = line.trim_matches(|c| c == '"' || c == ',');
                deps.push(dep.split(' ').next().unwrap_or(dep).to_string());
            }
        }
        packages.entry(name).or_insert_with(Vec::new).extend(deps);
    }
    packages
}

/// Every package `start` depends on, directly or not, as `Cargo.lock` records it.
fn closure(start: &str) -> std::collections::BTreeSet<String> {
    let packages = lock_packages();
    let mut seen = std::collections::BTreeSet::new();
    let mut todo = vec![start.to_string()];
    while let Some(name) = todo.pop() {
        if seen.insert(name.clone()) {
            todo.extend(packages.get(&name).cloned().unwrap_or_default());
        }
    }
    seen
}

#[test]
fn the_model_crate_has_no_gui_crate_in_its_tree() {
    let tree = closure("qari-core");
    assert!(tree.contains("serde"), "Cargo.lock read: {tree:?}");
    let found: Vec<&str> = GUI_PACKAGES
        .iter()
        .copied()
        .filter(|p| tree.contains(*p))
        .collect();
    assert!(found.is_empty(), "qari-core depends on {found:?}");
    // The check would see one: the application's tree holds them.
    assert!(closure("qari").contains("egui"));
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
    for (path, text) in sources(&["src", "crates"]) {
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
