//! The in-app file chooser's state: a folder listing and a typed path, for desktops without a picker.

use std::path::{Path, PathBuf};

/// One listed folder entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// File or folder name.
    pub name: String,
    /// Full path.
    pub path: PathBuf,
    /// A folder (opens the folder instead of a document).
    pub is_dir: bool,
}

/// State of the open panel.
#[derive(Debug, Default)]
pub struct OpenPanel {
    /// Shown in the window.
    pub visible: bool,
    /// Shown because the desktop has no system file picker.
    pub no_picker: bool,
    /// The typed path.
    pub path_input: String,
    /// The folder listed.
    pub dir: PathBuf,
    /// Its entries: folders first, then files, by name.
    pub entries: Vec<Entry>,
    /// The folder could not be listed.
    pub unreadable: bool,
    /// List every file, not only the formats qari opens.
    pub all_files: bool,
}

impl OpenPanel {
    /// The entries to show: folders, and files qari opens (every file with `all_files`).
    pub fn shown(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| {
            e.is_dir || self.all_files || crate::document::Format::from_path(&e.path).is_some()
        })
    }

    /// Lists `dir`, replacing the current listing.
    pub fn browse(&mut self, dir: &Path) {
        self.dir = dir.to_path_buf();
        self.path_input = format!("{}/", dir.display()).replace("//", "/");
        self.entries.clear();
        self.unreadable = false;
        match std::fs::read_dir(dir) {
            Ok(read) => {
                for entry in read.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                    self.entries.push(Entry {
                        name,
                        path: entry.path(),
                        is_dir,
                    });
                }
                self.entries
                    .sort_by(|a, b| b.is_dir.cmp(&a.is_dir).then_with(|| a.name.cmp(&b.name)));
            }
            Err(_) => self.unreadable = true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_supported_files_unless_all_are_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.epub", "c.png", "d.jsonl"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let mut panel = OpenPanel::default();
        panel.browse(dir.path());
        let names = |p: &OpenPanel| p.shown().map(|e| e.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&panel), ["sub", "a.txt", "b.epub", "d.jsonl"]);
        panel.all_files = true;
        assert_eq!(
            names(&panel),
            ["sub", "a.txt", "b.epub", "c.png", "d.jsonl"]
        );
        assert!(!panel.unreadable);
        panel.browse(&dir.path().join("missing"));
        assert!(panel.unreadable);
    }
}
