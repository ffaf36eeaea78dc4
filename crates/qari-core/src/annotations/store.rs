//! Saving highlights per document in the user's data directory, atomically, never losing any.
//!
//! Each document's highlights live in `<data>/highlights/<content-hash>.json`, with the path
//! it was opened from; `index.json` maps paths to hashes so highlights follow a file that was
//! edited. Writes go to a temporary file renamed over the old one, so a crash mid-write leaves
//! the previous version intact. A store that cannot be read is set aside under a new name,
//! never overwritten.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::anchor::DocText;
use super::atomic;
use super::highlight::Highlight;

/// Why highlights could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file operation failed.
    #[error("could not {action} highlights ({source}): {}", .path.display())]
    Io {
        /// What was being done ("save", "read", "set aside").
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

/// On-disk form of one document's highlights.
#[derive(Debug, Serialize, Deserialize)]
struct StoreFile {
    version: u32,
    #[serde(default)]
    path: Option<PathBuf>,
    #[serde(default)]
    title: String,
    highlights: Vec<Highlight>,
}

/// Highlights read for a document, and anything the user should be told about them.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The highlights (anchors not yet resolved against the current text).
    pub highlights: Vec<Highlight>,
    /// They were saved for another version of this file (found by its path).
    pub from_earlier_version: bool,
    /// A plain sentence for the user (a damaged store set aside, …).
    pub notice: Option<String>,
}

/// Where highlights are kept.
#[derive(Debug, Clone)]
pub struct HighlightStore {
    dir: PathBuf,
}

const VERSION: u32 = 1;

impl HighlightStore {
    /// A store under a data directory (created when first saved).
    pub fn new(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("highlights"),
        }
    }

    /// The user's data directory for qari (`$QARI_DATA_DIR` overrides it).
    pub fn default_data_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("QARI_DATA_DIR").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("", "", "qari").map(|p| p.data_dir().to_path_buf())
    }

    /// The hash a document's highlights are filed under: SHA-256 of its text.
    pub fn content_hash(text: &DocText) -> String {
        let mut hasher = Sha256::new();
        hasher.update(text.slice(0..text.len()).as_bytes());
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn file_for(&self, hash: &str) -> PathBuf {
        self.dir.join(format!("{hash}.json"))
    }

    fn index_file(&self) -> PathBuf {
        self.dir.join("index.json")
    }

    /// Reads the highlights of a document: by content hash, else by the path it was opened from.
    pub fn load(&self, hash: &str, path: Option<&Path>) -> Loaded {
        let file = self.file_for(hash);
        if file.exists() {
            return self.read(&file, false);
        }
        let Some(path) = path else {
            return Loaded::default();
        };
        let index = self.read_index().unwrap_or_default();
        match index.get(&path_key(path)) {
            Some(old) if old != hash => self.read(&self.file_for(old), true),
            _ => Loaded::default(),
        }
    }

    fn read(&self, file: &Path, from_earlier_version: bool) -> Loaded {
        let parsed = std::fs::read(file)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                serde_json::from_slice::<StoreFile>(&bytes).map_err(|e| e.to_string())
            });
        match parsed {
            Ok(store) => Loaded {
                highlights: store.highlights,
                from_earlier_version,
                notice: None,
            },
            Err(reason) => {
                let notice = match set_aside(file) {
                    Ok(kept) => format!(
                        "The saved highlights could not be read ({reason}); the file was kept as {}",
                        kept.display()
                    ),
                    Err(err) => err.to_string(),
                };
                Loaded {
                    highlights: Vec::new(),
                    from_earlier_version,
                    notice: Some(notice),
                }
            }
        }
    }

    /// Saves a document's highlights atomically and records its path.
    pub fn save(
        &self,
        hash: &str,
        path: Option<&Path>,
        title: &str,
        highlights: &[Highlight],
    ) -> Result<(), StoreError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| StoreError::Io {
            action: "save",
            path: self.dir.clone(),
            source,
        })?;
        atomic::remove_stale_temps(&self.dir);
        let store = StoreFile {
            version: VERSION,
            path: path.map(Path::to_path_buf),
            title: title.to_string(),
            highlights: highlights.to_vec(),
        };
        let json = serde_json::to_vec_pretty(&store).unwrap_or_default();
        write_atomically(&self.file_for(hash), &json)?;
        if let Some(path) = path {
            let mut index = self.read_index().unwrap_or_default();
            if index.get(&path_key(path)).map(String::as_str) != Some(hash) {
                index.insert(path_key(path), hash.to_string());
                let json = serde_json::to_vec_pretty(&index).unwrap_or_default();
                write_atomically(&self.index_file(), &json)?;
            }
        }
        Ok(())
    }

    /// The path → hash index; a damaged index is set aside and rebuilt.
    fn read_index(&self) -> Option<BTreeMap<String, String>> {
        let file = self.index_file();
        let bytes = std::fs::read(&file).ok()?;
        match serde_json::from_slice(&bytes) {
            Ok(index) => Some(index),
            Err(_) => {
                let _ = set_aside(&file);
                None
            }
        }
    }
}

fn path_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// [`atomic::write_atomically`] with the error saying which highlights file failed.
pub(crate) fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    atomic::write_atomically(target, bytes).map_err(|source| StoreError::Io {
        action: "save",
        path: target.to_path_buf(),
        source,
    })
}

/// Renames an unreadable file to `NAME.damaged-N.json` so nothing overwrites it.
fn set_aside(file: &Path) -> Result<PathBuf, StoreError> {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = file.parent().unwrap_or(Path::new("."));
    let mut n = 1;
    let kept = loop {
        let candidate = dir.join(format!("{stem}.damaged-{n}.json"));
        if !candidate.exists() {
            break candidate;
        }
        n += 1;
    };
    std::fs::rename(file, &kept).map_err(|source| StoreError::Io {
        action: "set aside",
        path: file.to_path_buf(),
        source,
    })?;
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Anchor, HighlightColor};

    fn highlight(text: &DocText, range: std::ops::Range<usize>) -> Highlight {
        Highlight {
            id: 1,
            anchor: Anchor::new(text, range),
            color: HighlightColor::Green,
            note: "ملاحظة".into(),
            created: 0,
        }
    }

    #[test]
    fn saves_and_loads_by_hash() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = HighlightStore::new(dir.path());
        let text = DocText::from_blocks(&["عنوان", "نص الفقرة"]);
        let hash = HighlightStore::content_hash(&text);
        let h = highlight(&text, 6..8);
        store.save(&hash, None, "عنوان", std::slice::from_ref(&h))?;
        let loaded = store.load(&hash, None);
        assert_eq!(loaded.highlights, vec![h]);
        assert!(loaded.notice.is_none() && !loaded.from_earlier_version);
        Ok(())
    }

    #[test]
    fn an_edited_file_finds_its_highlights_by_path() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let doc_path = dir.path().join("article.txt");
        std::fs::write(&doc_path, "x")?;
        let store = HighlightStore::new(&dir.path().join("data"));
        let old = DocText::from_blocks(&["عنوان", "نص الفقرة"]);
        store.save(
            &HighlightStore::content_hash(&old),
            Some(&doc_path),
            "عنوان",
            &[highlight(&old, 6..8)],
        )?;
        let new = DocText::from_blocks(&["عنوان", "مقدمة. نص الفقرة"]);
        let loaded = store.load(&HighlightStore::content_hash(&new), Some(&doc_path));
        assert!(loaded.from_earlier_version);
        assert_eq!(loaded.highlights.len(), 1);
        Ok(())
    }

    #[test]
    fn a_damaged_store_is_set_aside_not_overwritten() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = HighlightStore::new(dir.path());
        let text = DocText::from_blocks(&["عنوان"]);
        let hash = HighlightStore::content_hash(&text);
        std::fs::create_dir_all(dir.path().join("highlights"))?;
        let file = dir.path().join("highlights").join(format!("{hash}.json"));
        std::fs::write(&file, b"{ not json")?;
        let loaded = store.load(&hash, None);
        assert!(loaded.highlights.is_empty());
        let notice = loaded.notice.unwrap_or_default();
        assert!(notice.contains("damaged-1.json"), "{notice}");
        let kept = dir
            .path()
            .join("highlights")
            .join(format!("{hash}.damaged-1.json"));
        assert_eq!(std::fs::read(kept)?, b"{ not json");
        assert!(!file.exists());
        Ok(())
    }
}
