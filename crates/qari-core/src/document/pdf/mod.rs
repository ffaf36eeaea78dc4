//! Reads PDF articles from their text layer: glyphs with their positions, then lines, columns, reading order
//! right to left, paragraphs and headings rebuilt by qari (see FORMATS.md, "PDF").

mod fonts;
mod glyphs;
mod letters;
mod lines;
mod order;
mod paragraphs;
mod to_unicode;

use std::path::Path;

use lopdf::{Document as PdfDocument, LoadOptions as PdfLoadOptions, Object};

use super::error::{LoadError, one_line};
use super::format::Format;
use super::model::{Direction, Document};
use super::options::LoadOptions;
use glyphs::page_content;
use lines::{fragments, strong_direction};
use order::reading_order;
use paragraphs::{blocks, drop_page_furniture};

/// Largest size any one stream of the file may decompress to.
pub(crate) const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// Most glyphs read from one file (a 2,000-page book has about four million).
const MAX_GLYPHS: usize = 8_000_000;
/// Most pages read.
const MAX_PAGES: usize = 5_000;

/// Loads a PDF from its bytes.
pub(crate) fn load_pdf(
    path: &Path,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Document, LoadError> {
    let malformed = |reason: String| LoadError::Malformed {
        path: path.to_path_buf(),
        format: Format::Pdf,
        reason: one_line(&reason),
    };
    let stream_limit = usize::try_from(options.max_unpacked)
        .unwrap_or(usize::MAX)
        .min(MAX_STREAM_BYTES);
    let pdf_options = PdfLoadOptions {
        max_decompressed_size: Some(stream_limit),
        ..PdfLoadOptions::default()
    };
    let mut pdf = match PdfDocument::load_mem_with_options(bytes, pdf_options) {
        Ok(pdf) => pdf,
        Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword) => {
            return Err(LoadError::Encrypted(path.to_path_buf()));
        }
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Err(LoadError::UnpackedTooLarge {
                path: path.to_path_buf(),
                format: Format::Pdf,
                limit: stream_limit as u64,
            });
        }
        Err(err) => return Err(malformed(err.to_string())),
    };
    // Many PDFs are encrypted with an empty password only to restrict printing: those open.
    if pdf.is_encrypted() && pdf.decrypt("").is_err() {
        return Err(LoadError::Encrypted(path.to_path_buf()));
    }
    let mut budget = MAX_GLYPHS;
    let mut pages = Vec::new();
    let mut images = 0;
    let mut glyph_count = 0;
    let mut glyphs_with_text = 0;
    // The direction is read off the first pages; then each page becomes lines as soon as it is
    // read, so memory holds lines of text rather than every glyph of the file.
    let mut direction = Letters::default();
    let mut waiting: Vec<Vec<glyphs::Glyph>> = Vec::new();
    let mut page_fragments = Vec::new();
    for page in pdf.page_iter().take(MAX_PAGES) {
        // A page whose content cannot be read is skipped; the others still open.
        let Ok(content) = page_content(&pdf, page, &mut budget) else {
            continue;
        };
        images += content.images;
        glyph_count += content.glyphs.len();
        glyphs_with_text += content.glyphs.iter().filter(|g| !g.text.is_empty()).count();
        if direction.decided() {
            page_fragments.push(fragments(content.glyphs, direction.rtl()));
        } else {
            direction.count(content.glyphs.iter().map(|g| g.text.as_str()));
            waiting.push(content.glyphs);
        }
    }
    let rtl = direction.rtl();
    let mut page_fragments: Vec<_> = waiting
        .into_iter()
        .map(|glyphs| fragments(glyphs, rtl))
        .chain(page_fragments)
        .collect();
    mirror_brackets_if_drawn(&mut page_fragments);
    // Running headers go before the columns are measured: they are often wider than the text.
    drop_page_furniture(&mut page_fragments);
    let mut next_column = 0;
    for fragments in page_fragments {
        pages.push(reading_order(fragments, rtl, &mut next_column));
    }
    let (heading_title, blocks) = blocks(&pages);
    if glyph_count == 0 && images > 0 {
        return Err(LoadError::ScannedPdf(path.to_path_buf()));
    }
    if glyph_count > 0 && glyphs_with_text == 0 {
        return Err(LoadError::PdfWithoutLetters(path.to_path_buf()));
    }
    if blocks.is_empty() && heading_title.is_none() {
        return Err(LoadError::NoContent {
            path: path.to_path_buf(),
            format: Format::Pdf,
        });
    }
    let title = heading_title
        .or_else(|| info_title(&pdf))
        .unwrap_or_default();
    let mut doc = Document::from_blocks(title, blocks);
    doc.direction = Some(if rtl { Direction::Rtl } else { Direction::Ltr });
    doc.language = pdf
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Lang").ok())
        .and_then(|l| l.as_str().ok())
        .map(|l| String::from_utf8_lossy(l).trim().to_string())
        .filter(|l| !l.is_empty());
    Ok(doc)
}

/// Brackets and guillemets as drawn or as typed: some writers map a mirrored bracket to the
/// character it looks like (Chromium: "»داعش«"), others to the one typed (LibreOffice). Where the
/// right-to-left lines mostly close a pair before opening it, every bracket in them is mirrored back.
fn mirror_brackets_if_drawn(pages: &mut [Vec<lines::Fragment>]) {
    const PAIRS: [(char, char); 4] = [('(', ')'), ('[', ']'), ('{', '}'), ('«', '»')];
    let (mut typed, mut drawn) = (0usize, 0usize);
    for fragment in pages.iter().flatten().filter(|f| f.rtl) {
        for (open, close) in PAIRS {
            let first_open = fragment.text.find(open);
            let first_close = fragment.text.find(close);
            match (first_open, first_close) {
                (Some(o), Some(c)) if o < c => typed += 1,
                (Some(o), Some(c)) if c < o => drawn += 1,
                _ => {}
            }
        }
    }
    if drawn <= typed {
        return;
    }
    let mirror = |c: char| {
        PAIRS
            .iter()
            .find_map(|&(open, close)| {
                if c == open {
                    Some(close)
                } else if c == close {
                    Some(open)
                } else {
                    None
                }
            })
            .unwrap_or(c)
    };
    for fragment in pages.iter_mut().flatten().filter(|f| f.rtl) {
        fragment.text = fragment.text.chars().map(mirror).collect();
    }
}

/// Letters counted by direction until enough are seen to tell the document's direction.
#[derive(Default)]
struct Letters {
    rtl: usize,
    ltr: usize,
}

impl Letters {
    /// Letters enough to decide (a few pages of text).
    const ENOUGH: usize = 20_000;

    fn count<'a>(&mut self, texts: impl Iterator<Item = &'a str>) {
        for c in texts.flat_map(str::chars) {
            match strong_direction(c) {
                Some(true) => self.rtl += 1,
                Some(false) => self.ltr += 1,
                None => {}
            }
        }
    }

    fn decided(&self) -> bool {
        self.rtl + self.ltr >= Self::ENOUGH
    }

    /// Whether most letters are right-to-left ones.
    fn rtl(&self) -> bool {
        self.rtl > 0 && self.rtl >= self.ltr
    }
}

/// The `/Title` of the document information dictionary.
fn info_title(pdf: &PdfDocument) -> Option<String> {
    let info = pdf.trailer.get(b"Info").ok()?;
    let (_, info) = pdf.dereference(info).ok()?;
    let title = info.as_dict().ok()?.get(b"Title").ok()?;
    let (_, title) = pdf.dereference(title).ok()?;
    let Object::String(..) = title else {
        return None;
    };
    let text = lopdf::decode_text_string(title).ok()?;
    let text = letters::fold_letters(text.trim());
    (!text.is_empty()).then_some(text)
}
