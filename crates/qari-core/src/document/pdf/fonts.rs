//! A PDF font as the text extractor needs it: how its codes split, what text each code stands for, how wide it is.

use std::collections::HashMap;

use lopdf::{Dictionary, Document as PdfDocument, Encoding, Object};

use super::MAX_STREAM_BYTES;
use super::to_unicode::ToUnicode;

/// Width, in thousandths of the font size, used when a font gives none for a code.
const DEFAULT_WIDTH: f32 = 500.0;
/// Longest `/W` or `/Widths` array read; real fonts stay far below it.
const MAX_WIDTH_ENTRIES: usize = 70_000;

/// One font of a page, resolved once.
pub(crate) struct PdfFont<'a> {
    /// Composite (Type0) fonts use two-byte codes; simple fonts one byte.
    two_byte: bool,
    /// The font's own code-to-text map, which wins over its encoding.
    to_unicode: Option<ToUnicode>,
    encoding: Option<Encoding<'a>>,
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Whether the font's name says it is bold (headings are often set bold, not larger).
    pub(crate) bold: bool,
}

impl<'a> PdfFont<'a> {
    /// Reads a font dictionary; a font it cannot understand still yields widths and replacement text.
    pub(crate) fn new(doc: &'a PdfDocument, dict: &'a Dictionary) -> Self {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let to_unicode = dict
            .get_deref(b"ToUnicode", doc)
            .and_then(Object::as_stream)
            .ok()
            .and_then(|s| s.get_plain_content_with_limit(MAX_STREAM_BYTES).ok())
            .map(|data| ToUnicode::parse(&data))
            .filter(|map| !map.is_empty());
        // A symbolic font with neither a map nor an encoding numbers its glyphs privately
        // (a subset's codes): any letters read from a standard encoding would be made up.
        let symbolic = dict
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
            .and_then(|d| d.get(b"Flags"))
            .and_then(Object::as_i64)
            .is_ok_and(|flags| flags & 4 != 0);
        let encoding = if symbolic && dict.get(b"Encoding").is_err() {
            None
        } else {
            dict.get_font_encoding_with_limit(doc, MAX_STREAM_BYTES)
                .ok()
        };
        let base_font = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let bold =
            contains_ignore_case(base_font, b"bold") || contains_ignore_case(base_font, b"black");
        let (widths, default_width) = if two_byte {
            composite_widths(doc, dict)
        } else {
            (simple_widths(doc, dict), DEFAULT_WIDTH)
        };
        Self {
            two_byte,
            to_unicode,
            encoding,
            widths,
            default_width,
            bold,
        }
    }

    /// Splits a shown string into its character codes.
    pub(crate) fn codes<'s>(&self, bytes: &'s [u8]) -> impl Iterator<Item = &'s [u8]> + 's {
        bytes.chunks(if self.two_byte { 2 } else { 1 })
    }

    /// The code's number, for width look-up.
    pub(crate) fn code_value(code: &[u8]) -> u32 {
        code.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
    }

    /// The text one code stands for; empty when the font has no mapping for it.
    pub(crate) fn text(&self, code: &[u8]) -> String {
        if let Some(text) = self
            .to_unicode
            .as_ref()
            .and_then(|map| map.get(Self::code_value(code)))
        {
            return clean(text);
        }
        let Some(encoding) = &self.encoding else {
            return String::new();
        };
        match encoding.bytes_to_string(code) {
            Ok(text) => clean(&text),
            Err(_) => String::new(),
        }
    }

    /// The code's advance width in thousandths of the font size.
    pub(crate) fn width(&self, code: &[u8]) -> f32 {
        self.widths
            .get(&Self::code_value(code))
            .copied()
            .unwrap_or(self.default_width)
    }

    /// Whether a code is the single-byte space, which word spacing (`Tw`) applies to.
    pub(crate) fn is_word_space(&self, code: &[u8]) -> bool {
        !self.two_byte && code == b" "
    }
}

/// Text without replacement or control characters.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\u{fffd}' && (!c.is_control() || c == '\t'))
        .collect()
}

/// `/FirstChar` and `/Widths` of a simple font.
fn simple_widths(doc: &PdfDocument, dict: &Dictionary) -> HashMap<u32, f32> {
    let first = dict
        .get(b"FirstChar")
        .and_then(Object::as_i64)
        .unwrap_or(0)
        .clamp(0, 255);
    let Ok(widths) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) else {
        return HashMap::new();
    };
    widths
        .iter()
        .take(256)
        .enumerate()
        .filter_map(|(i, w)| Some((first as u32 + i as u32, number(doc, w)?)))
        .collect()
}

/// `/DW` and `/W` of a composite font's descendant.
fn composite_widths(doc: &PdfDocument, dict: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let descendant = dict
        .get_deref(b"DescendantFonts", doc)
        .and_then(Object::as_array)
        .ok()
        .and_then(|fonts| fonts.first())
        .and_then(|font| doc.dereference(font).ok())
        .and_then(|(_, font)| font.as_dict().ok());
    let Some(descendant) = descendant else {
        return (HashMap::new(), 1000.0);
    };
    let default_width = descendant
        .get(b"DW")
        .ok()
        .and_then(|w| number(doc, w))
        .unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let Ok(entries) = descendant.get_deref(b"W", doc).and_then(Object::as_array) else {
        return (widths, default_width);
    };
    // `/W` mixes `c [w1 w2 …]` and `c_first c_last w`. Work is bounded, not only the map: a
    // hostile array can name the same 65,536 codes again and again.
    let mut work = 0usize;
    let mut i = 0;
    while i < entries.len() && widths.len() < MAX_WIDTH_ENTRIES && work < MAX_WIDTH_ENTRIES * 4 {
        let Some(first) = number(doc, &entries[i]) else {
            break;
        };
        let first = first.max(0.0) as u32;
        match entries
            .get(i + 1)
            .map(|o| doc.dereference(o).map(|(_, o)| o))
        {
            Some(Ok(Object::Array(list))) => {
                for (k, w) in list.iter().take(MAX_WIDTH_ENTRIES).enumerate() {
                    if let Some(w) = number(doc, w) {
                        widths.insert(first.saturating_add(k as u32), w);
                    }
                }
                work += list.len().min(MAX_WIDTH_ENTRIES) + 1;
                i += 2;
            }
            Some(Ok(last)) => {
                let (Some(last), Some(w)) = (
                    number(doc, last),
                    entries.get(i + 2).and_then(|w| number(doc, w)),
                ) else {
                    break;
                };
                let last =
                    (last.max(0.0) as u32).min(first.saturating_add(MAX_WIDTH_ENTRIES as u32));
                for code in first..=last {
                    widths.insert(code, w);
                }
                work += last.saturating_sub(first) as usize + 1;
                i += 3;
            }
            _ => break,
        }
    }
    (widths, default_width)
}

/// A number, following one reference.
pub(crate) fn number(doc: &PdfDocument, object: &Object) -> Option<f32> {
    let (_, object) = doc.dereference(object).ok()?;
    object.as_float().ok().filter(|n| n.is_finite())
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}
