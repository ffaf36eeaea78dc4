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
    /// Why it was shown (e.g. no system picker).
    pub reason: Option<String>,
    /// The typed path.
    pub path_input: String,
    /// The folder listed.
    pub dir: PathBuf,
    /// Its entries: folders first, then files, by name.
    pub entries: Vec<Entry>,
    /// Why the folder could not be listed.
    pub error: Option<String>,
}

impl OpenPanel {
    /// Lists `dir`, replacing the current listing.
    pub fn browse(&mut self, dir: &Path) {
        self.dir = dir.to_path_buf();
        self.path_input = format!("{}/", dir.display()).replace("//", "/");
        self.entries.clear();
        self.error = None;
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
            Err(err) => {
                self.error = Some(format!(
                    "Cannot list this folder ({err}): {}",
                    dir.display()
                ))
            }
        }
    }
}
