//! How to load: size limits, archive caps and a forced encoding.

use super::encoding::TextEncoding;

/// Files larger than this are refused unless the caller sets another limit.
pub const DEFAULT_SIZE_LIMIT: u64 = 512 * 1024 * 1024;

/// Total bytes an EPUB or DOCX may unpack to, unless the caller sets another cap.
pub const DEFAULT_MAX_UNPACKED: u64 = 256 * 1024 * 1024;

/// Largest compression ratio accepted for a member of an EPUB or DOCX (past its first MiB).
pub const DEFAULT_MAX_RATIO: u64 = 200;

/// How to load: limits and, optionally, a forced encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Largest file accepted, in bytes.
    pub size_limit: u64,
    /// Decode text formats (text, HTML, Markdown, JSON) with this encoding instead of detecting one
    /// ("Reopen with encoding").
    pub encoding: Option<TextEncoding>,
    /// Cap on the bytes an archive (EPUB, DOCX) may unpack to in total, counted while unpacking.
    pub max_unpacked: u64,
    /// Cap on how much one archive member may expand relative to its compressed size.
    pub max_ratio: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            size_limit: DEFAULT_SIZE_LIMIT,
            encoding: None,
            max_unpacked: DEFAULT_MAX_UNPACKED,
            max_ratio: DEFAULT_MAX_RATIO,
        }
    }
}
