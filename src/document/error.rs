//! Why a document could not be opened, in words a reader understands.

use std::path::PathBuf;

/// A document that could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file does not exist.
    #[error("file not found: {}", .0.display())]
    NotFound(PathBuf),
    /// The OS refused access.
    #[error("permission denied: {}", .0.display())]
    PermissionDenied(PathBuf),
    /// A directory was given where a file was expected.
    #[error("this is a folder, not a document: {}", .0.display())]
    IsDirectory(PathBuf),
    /// A device, pipe or socket: reading it could block forever.
    #[error("not a regular file: {}", .0.display())]
    NotRegularFile(PathBuf),
    /// The file is bigger than the configured limit.
    #[error("file is too large ({size} bytes, limit {limit}): {}", .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The file holds no text at all.
    #[error("the file is empty: {}", .0.display())]
    Empty(PathBuf),
    /// Binary data such as an image or a program.
    #[error("not a text document: {}", .0.display())]
    NotText(PathBuf),
    /// Any other read failure.
    #[error("could not read the file ({source}): {}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}
