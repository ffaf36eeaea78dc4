//! Where the reader stopped in each document, kept in the data directory under the
//! document's content hash (like highlights), as a block and a character so the place
//! survives another window width or font size.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::store::{StoreError, write_atomically};

/// A reading position: the block (title, heading or paragraph) and the char at the top of
/// the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingPosition {
    /// Block index on the document's page.
    pub block: usize,
    /// Char index within the block.
    pub char: usize,
    /// When it was saved, in seconds since the Unix epoch (the oldest are dropped first).
    #[serde(default)]
    pub saved_at: u64,
}

/// The positions file.
#[derive(Debug, Clone)]
pub struct PositionStore {
    file: PathBuf,
}

/// Most documents remembered; the least recently read are forgotten first.
const MAX_DOCUMENTS: usize = 1000;

impl PositionStore {
    /// The store in a data directory (`positions.json` inside it).
    pub fn new(data_dir: &Path) -> Self {
        Self {
            file: data_dir.join("positions.json"),
        }
    }

    fn read_all(&self) -> BTreeMap<String, ReadingPosition> {
        std::fs::read(&self.file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// The position saved for a document, if any (an unreadable file counts as none).
    pub fn load(&self, hash: &str) -> Option<ReadingPosition> {
        self.read_all().get(hash).copied()
    }

    /// Saves a document's position atomically; the oldest entries beyond the limit go.
    pub fn save(&self, hash: &str, position: ReadingPosition) -> Result<(), StoreError> {
        let mut all = self.read_all();
        all.insert(hash.to_string(), position);
        while all.len() > MAX_DOCUMENTS {
            let oldest = all
                .iter()
                .min_by_key(|(_, p)| p.saved_at)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => all.remove(&k),
                None => break,
            };
        }
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                action: "save",
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let bytes = serde_json::to_vec(&all).unwrap_or_default();
        write_atomically(&self.file, &bytes)
    }
}

/// Seconds since the Unix epoch, for `saved_at`.
pub fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_per_document() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = PositionStore::new(&dir.path().join("data"));
        assert_eq!(store.load("a"), None);
        let p = ReadingPosition {
            block: 7,
            char: 42,
            saved_at: 1,
        };
        store.save("a", p)?;
        store.save(
            "b",
            ReadingPosition {
                block: 1,
                char: 0,
                saved_at: 2,
            },
        )?;
        assert_eq!(store.load("a"), Some(p));
        assert_eq!(store.load("b").map(|p| p.block), Some(1));
        Ok(())
    }

    #[test]
    fn a_damaged_file_reads_as_empty_and_is_replaced() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("positions.json"), b"{not json")?;
        let store = PositionStore::new(dir.path());
        assert_eq!(store.load("a"), None);
        let p = ReadingPosition {
            block: 2,
            char: 3,
            saved_at: 0,
        };
        store.save("a", p)?;
        assert_eq!(store.load("a"), Some(p));
        Ok(())
    }
}
