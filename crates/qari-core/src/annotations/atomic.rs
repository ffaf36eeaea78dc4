//! Writing a file so that a crash at any moment leaves either the old or the new version, whole.

use std::io::Write as _;
use std::path::Path;

/// Prefix of the temporary files [`write_atomically`] creates next to its target, so stale
/// ones left by a killed process can be recognised and removed.
pub const TEMP_PREFIX: &str = ".qari-tmp-";

/// Replaces `target` with `bytes` atomically and durably.
///
/// The bytes go to a temporary file in the same folder, which is synced, renamed over
/// `target`, and then the folder itself is synced so the rename survives a power cut too.
/// Readers see the old file or the new one, never a mixture or an empty file. The folder
/// must exist.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Makes a rename or creation in `dir` durable (a no-op where folders cannot be opened).
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Removes temporary files that a killed writer left in `dir` (older than a minute, so a
/// write in progress in another process is left alone). Returns how many were removed.
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let minute = std::time::Duration::from_secs(60);
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > minute)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("positions.json");
        write_atomically(&file, b"old")?;
        write_atomically(&file, b"new")?;
        assert_eq!(std::fs::read(&file)?, b"new");
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn only_old_temporaries_are_removed() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let fresh = dir.path().join(format!("{TEMP_PREFIX}fresh.tmp"));
        let old = dir.path().join(format!("{TEMP_PREFIX}old.tmp"));
        let other = dir.path().join("other.json");
        for f in [&fresh, &old, &other] {
            std::fs::write(f, b"x")?;
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&old)?
            .set_modified(hour_ago)?;
        assert_eq!(remove_stale_temps(dir.path()), 1);
        assert!(fresh.exists() && other.exists() && !old.exists());
        Ok(())
    }
}
