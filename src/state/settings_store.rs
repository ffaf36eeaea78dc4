//! The settings file: `settings.json` in the data directory, written atomically whenever the
//! settings change and when the window closes, so a restart finds what the reader chose.

use std::path::{Path, PathBuf};

use crate::annotations::atomic::write_atomically;
use crate::state::settings::Settings;

/// Why the settings could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file or its folder could not be read or written.
    #[error("could not {action} the settings ({source}): {}", .path.display())]
    Io {
        /// What was being done ("read", "save").
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not settings qari wrote.
    #[error("the settings file is damaged ({source}): {}", .path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What the JSON reader found.
        source: serde_json::Error,
    },
}

/// Where the settings live.
#[derive(Debug, Clone)]
pub struct SettingsStore {
    file: PathBuf,
}

impl SettingsStore {
    /// The store in a data directory (`settings.json` inside it).
    pub fn new(data_dir: &Path) -> Self {
        Self {
            file: data_dir.join("settings.json"),
        }
    }

    /// The settings file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The saved settings; `None` when none were saved yet.
    pub fn load(&self) -> Result<Option<Settings>, SettingsError> {
        let bytes = match std::fs::read(&self.file) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(SettingsError::Io {
                    action: "read",
                    path: self.file.clone(),
                    source,
                });
            }
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|source| SettingsError::Damaged {
                path: self.file.clone(),
                source,
            })
    }

    /// Writes the settings atomically, creating the data directory if needed.
    pub fn save(&self, settings: &Settings) -> Result<(), SettingsError> {
        let io = |source| SettingsError::Io {
            action: "save",
            path: self.file.clone(),
            source,
        };
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let json = serde_json::to_vec_pretty(settings)
            .map_err(std::io::Error::other)
            .map_err(io)?;
        write_atomically(&self.file, &json).map_err(io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Theme;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("qari-settings-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn saved_settings_come_back() -> Result<(), SettingsError> {
        let store = SettingsStore::new(&scratch("round").join("nested"));
        assert!(store.load()?.is_none(), "nothing saved yet");
        let mut settings = Settings {
            theme: Theme::Dark,
            zoom: 1.3,
            ..Settings::default()
        };
        settings.remember(Path::new("/tmp/مقال.txt"));
        store.save(&settings)?;
        assert_eq!(store.load()?, Some(settings));
        Ok(())
    }

    #[test]
    fn a_damaged_file_is_reported_not_ignored() {
        let dir = scratch("damaged");
        std::fs::create_dir_all(&dir).ok();
        let store = SettingsStore::new(&dir);
        std::fs::write(store.file(), b"{ not json").ok();
        let err = store
            .load()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("the settings file is damaged"), "{err}");
        assert!(err.ends_with("settings.json"), "path last: {err}");
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error() {
        let file = scratch("blocked");
        std::fs::write(&file, b"a file where the data folder should be").ok();
        let store = SettingsStore::new(&file);
        let err = store
            .save(&Settings::default())
            .err()
            .map(|e| e.to_string());
        assert!(
            err.as_deref()
                .is_some_and(|e| e.starts_with("could not save the settings")),
            "{err:?}"
        );
    }
}
