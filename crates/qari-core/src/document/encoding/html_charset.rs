//! Decodes a web page's bytes: a forced encoding, else a BOM, else the charset the page
//! declares (`<meta charset>`, an XML declaration), else detection.

use encoding_rs::Encoding;

use super::choice::TextEncoding;
use super::detect::{Decoded, decode_as, decode_auto, decode_with};

/// Decodes the bytes of an HTML page: forced encoding, else BOM, else `<meta charset>`
/// (or an XML declaration), else UTF-8 if valid, else detection.
pub fn decode_html(bytes: &[u8], forced: Option<TextEncoding>) -> Decoded {
    if let Some(encoding) = forced {
        return decode_as(bytes, encoding);
    }
    if Encoding::for_bom(bytes).is_some() {
        return decode_auto(bytes);
    }
    match declared_charset(bytes) {
        Some(Declared::Cp720) => decode_as(bytes, TextEncoding::Cp720),
        Some(Declared::Encoding(encoding)) => decode_with(bytes, encoding),
        None => decode_auto(bytes),
    }
}

enum Declared {
    Encoding(&'static Encoding),
    Cp720,
}

/// Finds `charset=` in a `<meta>` tag or `encoding=` in an XML declaration near the start.
fn declared_charset(bytes: &[u8]) -> Option<Declared> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut labels = Vec::new();
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>").unwrap_or(lower.len());
        if let Some(label) = attr_label(&lower[..end], b"encoding") {
            labels.push(label);
        }
    }
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        if let Some(label) = attr_label(&lower[start..end], b"charset") {
            labels.push(label);
        }
        from = end.max(start + 1);
    }
    labels.into_iter().find_map(|label| {
        let label = String::from_utf8_lossy(&label).into_owned();
        if TextEncoding::from_label(&label) == Some(TextEncoding::Cp720) {
            return Some(Declared::Cp720);
        }
        let encoding = Encoding::for_label(label.as_bytes())?;
        // As browsers do: a UTF-16 label in an ASCII-compatible page means UTF-8.
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            return Some(Declared::Encoding(encoding_rs::UTF_8));
        }
        Some(Declared::Encoding(encoding))
    })
}

/// The value after `name` `=` (optionally quoted) within a tag.
fn attr_label(tag: &[u8], name: &[u8]) -> Option<Vec<u8>> {
    let at = find(tag, name)?;
    let rest = &tag[at + name.len()..];
    let rest = trim_ascii_start(rest);
    let rest = trim_ascii_start(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let label: Vec<u8> = rest
        .iter()
        .copied()
        .take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
        .collect();
    (!label.is_empty()).then_some(label)
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}
