//! Why a document could not be opened, in words a reader understands.

use std::path::PathBuf;

use super::format::Format;

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
    /// A PDF that needs a password to open.
    #[error("this PDF is locked with a password: {}", .0.display())]
    Encrypted(PathBuf),
    /// A PDF of page images (a scan) with no text layer.
    #[error("this PDF holds page images, no text (a scan): {}", .0.display())]
    ScannedPdf(PathBuf),
    /// A PDF whose fonts do not say which letters their glyphs are (no map, private codes).
    #[error("this PDF's fonts do not say which letters they draw, so its text cannot be read: {}", .0.display())]
    PdfWithoutLetters(PathBuf),
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
    /// A zip-based document (EPUB, DOCX) whose archive is truncated or damaged.
    #[error("the {format} file is damaged or truncated ({reason}): {}", .path.display())]
    CorruptArchive {
        /// The file.
        path: PathBuf,
        /// Which format was expected.
        format: Format,
        /// What was wrong, in one line.
        reason: String,
    },
    /// An archive that unpacks to more than the allowed total (a possible zip bomb).
    #[error("the {format} file unpacks to more than {limit} bytes, refusing to open it: {}", .path.display())]
    UnpackedTooLarge {
        /// The file.
        path: PathBuf,
        /// Which format was expected.
        format: Format,
        /// The cap on decompressed bytes.
        limit: u64,
    },
    /// An archive member that expands far more than real documents do (a zip bomb).
    #[error("the {format} file is suspiciously compressed (over {limit}:1), refusing to open it: {}", .path.display())]
    CompressionRatio {
        /// The file.
        path: PathBuf,
        /// Which format was expected.
        format: Format,
        /// The largest ratio allowed.
        limit: u64,
    },
    /// The file is in the expected format but lacks a required part or cannot be parsed.
    #[error("not a valid {format} file ({reason}): {}", .path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// The format it claimed to be.
        format: Format,
        /// What was wrong, in one line.
        reason: String,
    },
    /// The file parsed but holds no readable text (e.g. JSON without any article).
    #[error("no readable text found in this {format} file: {}", .path.display())]
    NoContent {
        /// The file.
        path: PathBuf,
        /// Its format.
        format: Format,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Self::NotFound(p)
            | Self::PermissionDenied(p)
            | Self::IsDirectory(p)
            | Self::NotRegularFile(p)
            | Self::Empty(p)
            | Self::NotText(p)
            | Self::Encrypted(p)
            | Self::ScannedPdf(p)
            | Self::PdfWithoutLetters(p) => p,
            Self::TooLarge { path, .. }
            | Self::Io { path, .. }
            | Self::CorruptArchive { path, .. }
            | Self::UnpackedTooLarge { path, .. }
            | Self::CompressionRatio { path, .. }
            | Self::Malformed { path, .. }
            | Self::NoContent { path, .. } => path,
        }
    }
}

/// Makes a message fit on one short line: control characters become spaces, long text is cut.
pub(crate) fn one_line(message: &str) -> String {
    const MAX_CHARS: usize = 160;
    let mut out = String::new();
    let mut last_space = false;
    let mut count = 0usize;
    for c in message.chars() {
        let c = if c.is_control() || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if c == ' ' && last_space {
            continue;
        }
        last_space = c == ' ';
        if count >= MAX_CHARS {
            out.push('…');
            break;
        }
        out.push(c);
        count += 1;
    }
    out.trim().to_string()
}
