//! Reads a file from disk into a `Document`, refusing what is not a readable text file.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::encoding::{Decoded, decode_auto, decode_with};
use super::error::LoadError;
use super::model::Document;
use super::plain_text::parse_plain_text;

/// Files larger than this are refused unless the caller sets another limit.
pub const DEFAULT_SIZE_LIMIT: u64 = 512 * 1024 * 1024;

/// How to load: size limit and, optionally, a forced encoding.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Largest file accepted, in bytes.
    pub size_limit: u64,
    /// Decode with this encoding instead of detecting one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            size_limit: DEFAULT_SIZE_LIMIT,
            encoding: None,
        }
    }
}

/// Loads the document at `path`.
pub fn load_path(path: &Path, options: &LoadOptions) -> Result<Document, LoadError> {
    let bytes = read_regular_file(path, options.size_limit)?;
    let mut doc = load_bytes(path, &bytes, options)?;
    doc.source = Some(path.to_path_buf());
    Ok(doc)
}

/// Parses an in-memory file; `path` names it in messages and picks the format.
pub fn load_bytes(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<Document, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    let decoded = match options.encoding {
        Some(enc) => decode_with(bytes, enc),
        None => {
            if looks_binary(bytes) {
                return Err(LoadError::NotText(path.to_path_buf()));
            }
            decode_auto(bytes)
        }
    };
    if decoded.text.trim().is_empty() {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    if !is_mostly_text(&decoded.text) {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    let mut doc = parse_plain_text(&decoded.text);
    add_decoding_warning(&mut doc, &decoded);
    Ok(doc)
}

fn add_decoding_warning(doc: &mut Document, decoded: &Decoded) {
    if decoded.replaced > 0 {
        doc.warnings.push(format!(
            "{} invalid byte sequence(s) in {} were replaced with �",
            decoded.replaced, decoded.encoding
        ));
    }
}

/// Opens only regular files, so FIFOs and devices such as `/dev/zero` never block or flood.
fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
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

/// NUL bytes outside UTF-16 mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let utf16_bom = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    !utf16_bom && bytes.iter().take(64 * 1024).any(|&b| b == 0)
}

/// Text has few control characters besides line breaks and tabs.
fn is_mostly_text(text: &str) -> bool {
    let sample = text.chars().take(64 * 1024);
    let (mut total, mut odd) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{fffd}' {
            odd += 1;
        }
    }
    odd * 10 < total.max(1)
}
