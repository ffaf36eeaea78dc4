//! Reads a file from disk, refusing what is not a regular file or is over the size limit.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::error::LoadError;

/// Opens only regular files, so FIFOs and devices such as `/dev/zero` never block or flood.
pub(crate) fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let io_err = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied(path.to_path_buf()),
        _ => LoadError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    };
    let meta = std::fs::metadata(path).map_err(io_err)?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory(path.to_path_buf()));
    }
    if !meta.is_file() {
        return Err(LoadError::NotRegularFile(path.to_path_buf()));
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit,
        });
    }
    let file = File::open(path).map_err(io_err)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may have grown since stat: never read past the limit.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}
