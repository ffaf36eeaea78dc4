//! Reads members of a zip-based document (EPUB, DOCX) under caps that defeat zip bombs.
//!
//! Sizes in the zip headers are never trusted: bytes are counted while they are
//! decompressed, against a total budget for the whole archive and a per-member
//! compression-ratio limit.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use zip::ZipArchive;
use zip::result::ZipError;

use super::error::{LoadError, one_line};
use super::format::Format;
use super::options::LoadOptions;

/// A member may expand this much before the ratio check applies (small files compress well).
const RATIO_GRACE_BYTES: u64 = 1024 * 1024;

/// Decompression chunk size.
const CHUNK: usize = 64 * 1024;

/// An opened archive with a decompression budget.
pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    archive_len: u64,
    path: PathBuf,
    format: Format,
    /// Decompressed bytes still allowed for the whole archive.
    budget: u64,
    /// The total cap, for messages.
    total_limit: u64,
    max_ratio: u64,
    /// Lower-cased member name → stored name, for lenient lookups.
    folded: HashMap<String, String>,
}

impl<'a> Archive<'a> {
    /// Opens the zip in `bytes`; fails with `CorruptArchive` if it is not a readable zip.
    pub(crate) fn open(
        path: &Path,
        bytes: &'a [u8],
        format: Format,
        options: &LoadOptions,
    ) -> Result<Self, LoadError> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| corrupt(path, format, &describe(&e)))?;
        let mut folded = HashMap::new();
        for name in zip.file_names().flatten() {
            folded
                .entry(name.to_lowercase())
                .or_insert_with(|| name.to_string());
        }
        let total_limit = options.max_unpacked;
        Ok(Self {
            zip,
            archive_len: bytes.len() as u64,
            path: path.to_path_buf(),
            format,
            budget: total_limit,
            total_limit,
            max_ratio: options.max_ratio.max(1),
            folded,
        })
    }

    /// The stored name matching `name` exactly, or else ignoring case.
    pub(crate) fn resolve(&self, name: &str) -> Option<String> {
        if self.zip.index_for_name(name).is_some() {
            return Some(name.to_string());
        }
        self.folded.get(&name.to_lowercase()).cloned()
    }

    /// The first stored member name satisfying `pred`, in archive order.
    pub(crate) fn find_name(&self, pred: impl Fn(&str) -> bool) -> Option<String> {
        self.zip
            .file_names()
            .flatten()
            .find(|n| pred(n))
            .map(|n| n.to_string())
    }

    /// Reads a member in full; `Ok(None)` if the archive has no such member.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, LoadError> {
        let Some(name) = self.resolve(name) else {
            return Ok(None);
        };
        let (path, format) = (self.path.clone(), self.format);
        let mut member = match self.zip.by_name(&name) {
            Ok(member) => member,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(corrupt(&path, format, &describe(&e))),
        };
        if member.is_dir() {
            return Ok(None);
        }
        let compressed = member.compressed_size().clamp(1, self.archive_len.max(1));
        let mut out = Vec::new();
        let mut chunk = vec![0u8; CHUNK];
        loop {
            let n = match member.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(corrupt(&path, format, &e.to_string())),
            };
            let produced = out.len() as u64 + n as u64;
            if produced > self.budget {
                return Err(LoadError::UnpackedTooLarge {
                    path,
                    format,
                    limit: self.total_limit,
                });
            }
            if produced > RATIO_GRACE_BYTES && produced / compressed > self.max_ratio {
                return Err(LoadError::CompressionRatio {
                    path,
                    format,
                    limit: self.max_ratio,
                });
            }
            out.extend_from_slice(&chunk[..n]);
        }
        self.budget = self.budget.saturating_sub(out.len() as u64);
        Ok(Some(out))
    }

    /// Reads a member and decodes it as XML/XHTML text (UTF-8 unless a UTF-16 BOM says otherwise).
    pub(crate) fn read_text(&mut self, name: &str) -> Result<Option<String>, LoadError> {
        Ok(self.read(name)?.map(|bytes| xml_bytes_to_string(&bytes)))
    }

    /// The error for a member that cannot be parsed.
    pub(crate) fn malformed(&self, reason: &str) -> LoadError {
        LoadError::Malformed {
            path: self.path.clone(),
            format: self.format,
            reason: one_line(reason),
        }
    }
}

/// Decodes the bytes of an XML part: a BOM decides, else UTF-8 (invalid bytes replaced).
pub(crate) fn xml_bytes_to_string(bytes: &[u8]) -> String {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            text.into_owned()
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn corrupt(path: &Path, format: Format, reason: &str) -> LoadError {
    LoadError::CorruptArchive {
        path: path.to_path_buf(),
        format,
        reason: one_line(reason),
    }
}

fn describe(e: &ZipError) -> String {
    match e {
        ZipError::InvalidArchive(_) => format!("not a readable zip archive: {e}"),
        ZipError::UnsupportedArchive(_) => format!("unsupported zip feature: {e}"),
        other => other.to_string(),
    }
}
