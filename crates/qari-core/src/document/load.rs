//! Loads a file into `Document`s: picks the format (extension, else content) and dispatches to its reader.

use std::path::Path;

use super::binary::{has_binary_signature, is_mostly_text, looks_binary};
use super::docx::load_docx;
use super::encoding::decode_html;
use super::encoding::{Decoded, decode_as, decode_auto};
use super::epub::load_epub;
use super::error::{LoadError, one_line};
use super::format::Format;
use super::html::parse_html;
use super::json::{JsonError, parse_json};
use super::markdown::parse_markdown;
use super::model::Document;
use super::pdf::load_pdf;
use super::plain_text::parse_plain_text;
use super::read_file::read_regular_file;
use super::warning::Warning;

pub use super::options::{
    DEFAULT_MAX_RATIO, DEFAULT_MAX_UNPACKED, DEFAULT_SIZE_LIMIT, LoadOptions,
};

/// Loads the document at `path`.
///
/// A JSON file holding several articles gives the first, with a warning saying how many
/// more there are (see [`load_documents`] for all of them).
pub fn load_path(path: &Path, options: &LoadOptions) -> Result<Document, LoadError> {
    first_of(load_documents(path, options)?, path)
}

/// Loads every document in the file at `path`: several for a JSON file of articles, else one.
pub fn load_documents(path: &Path, options: &LoadOptions) -> Result<Vec<Document>, LoadError> {
    let bytes = read_regular_file(path, options.size_limit)?;
    let mut docs = load_bytes_all(path, &bytes, options)?;
    for doc in &mut docs {
        doc.source = Some(path.to_path_buf());
    }
    Ok(docs)
}

/// Parses an in-memory file; `path` names it in messages and its extension picks the format.
pub fn load_bytes(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<Document, LoadError> {
    first_of(load_bytes_all(path, bytes, options)?, path)
}

/// Parses an in-memory file into all the documents it holds (see [`load_documents`]).
pub fn load_bytes_all(
    path: &Path,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Vec<Document>, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    if bytes.len() as u64 > options.size_limit {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: options.size_limit,
        });
    }
    let by_extension = Format::from_path(path);
    let format = match by_extension {
        Some(format) => Some(format),
        None if bytes.starts_with(b"%PDF-") => Some(Format::Pdf),
        None if bytes.starts_with(b"PK\x03\x04") => match Format::sniff_archive(bytes) {
            Some(format) => Some(format),
            None => return Err(LoadError::NotText(path.to_path_buf())),
        },
        None => None,
    };
    let docs = match format {
        Some(Format::Epub) => vec![load_epub(path, bytes, options)?],
        Some(Format::Docx) => vec![load_docx(path, bytes, options)?],
        Some(Format::Pdf) => vec![load_pdf(path, bytes, options)?],
        text_format => load_text(path, bytes, text_format, options)?,
    };
    let docs: Vec<Document> = docs.into_iter().filter(|d| !is_blank(d)).collect();
    if docs.is_empty() {
        return Err(LoadError::NoContent {
            path: path.to_path_buf(),
            format: format.unwrap_or(Format::PlainText),
        });
    }
    Ok(docs)
}

/// Text formats: refuse binary data, decode, then parse (sniffing the format if unknown).
fn load_text(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    options: &LoadOptions,
) -> Result<Vec<Document>, LoadError> {
    if options.encoding.is_none() && (looks_binary(bytes) || has_binary_signature(bytes)) {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    let decoded = match (format, options.encoding) {
        (Some(Format::Html), forced) => decode_html(bytes, forced),
        (_, Some(forced)) => decode_as(bytes, forced),
        (None, None) => {
            let decoded = decode_auto(bytes);
            if Format::sniff_text(&decoded.text) == Format::Html {
                decode_html(bytes, None)
            } else {
                decoded
            }
        }
        (_, None) => decode_auto(bytes),
    };
    if decoded.text.trim().is_empty() {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    if !is_mostly_text(&decoded.text) {
        return Err(LoadError::NotText(path.to_path_buf()));
    }
    let format = format.unwrap_or_else(|| Format::sniff_text(&decoded.text));
    let mut docs = match format {
        Format::Html => vec![parse_html(&decoded.text)],
        Format::Markdown => vec![parse_markdown(&decoded.text)],
        Format::Json => match parse_json(&decoded.text) {
            Ok(docs) => docs,
            // Sniffed as JSON only because it starts with a bracket: read it as text.
            Err(_) if by_content(path) => vec![parse_plain_text(&decoded.text)],
            Err(JsonError::Syntax(reason)) => {
                return Err(LoadError::Malformed {
                    path: path.to_path_buf(),
                    format: Format::Json,
                    reason: one_line(&reason),
                });
            }
            Err(JsonError::NoArticle) => {
                return Err(LoadError::NoContent {
                    path: path.to_path_buf(),
                    format: Format::Json,
                });
            }
        },
        Format::PlainText | Format::Epub | Format::Docx | Format::Pdf => {
            vec![parse_plain_text(&decoded.text)]
        }
    };
    for doc in &mut docs {
        add_decoding_warning(doc, &decoded);
    }
    Ok(docs)
}

/// Whether the format of `path` was sniffed from its content rather than named by its extension.
fn by_content(path: &Path) -> bool {
    Format::from_path(path).is_none()
}

/// A document with neither a title nor any text.
fn is_blank(doc: &Document) -> bool {
    doc.title.trim().is_empty()
        && doc.paragraphs().all(|p| p.trim().is_empty())
        && doc.sections.iter().all(|s| s.heading.is_none())
}

/// The first document, with a note on how many more the file holds.
fn first_of(docs: Vec<Document>, path: &Path) -> Result<Document, LoadError> {
    let more = docs.len().saturating_sub(1);
    let mut first = docs
        .into_iter()
        .next()
        .ok_or_else(|| LoadError::Empty(path.to_path_buf()))?;
    if more > 0 {
        first.warnings.push(Warning::MoreArticles { count: more });
    }
    Ok(first)
}

fn add_decoding_warning(doc: &mut Document, decoded: &Decoded) {
    if decoded.replaced > 0 {
        doc.warnings.push(Warning::InvalidBytes {
            count: decoded.replaced,
            encoding: decoded.encoding.to_string(),
        });
    }
}
