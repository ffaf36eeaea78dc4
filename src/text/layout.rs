//! Lays out one paragraph with cosmic-text into owned lines and glyphs, in logical char units.

use std::ops::Range;

use cosmic_text::{
    Align, Attrs, Buffer, Family, FontSystem, LayoutGlyph, Metrics, Shaping, Weight, Wrap,
};

use super::style::TextStyle;

/// One laid-out visual line of a paragraph.
#[derive(Debug, Clone)]
pub struct Line {
    /// Logical char range of the paragraph this line shows (ranges of consecutive lines abut).
    pub chars: Range<usize>,
    /// Top of the line box, from the top of the paragraph.
    pub top: f32,
    /// Baseline, from the top of the paragraph.
    pub baseline: f32,
    /// Height of the line box.
    pub height: f32,
    /// Leftmost glyph edge.
    pub x_min: f32,
    /// Rightmost glyph edge.
    pub x_max: f32,
    /// Glyphs in visual order, left to right.
    pub glyphs: Vec<Glyph>,
}

/// A positioned glyph with the logical chars it shows.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// The glyph as cosmic-text placed it (font, id, x, advance…), byte offsets left as they were.
    pub inner: LayoutGlyph,
    /// Logical char range (cluster) within the paragraph this glyph shows.
    pub chars: Range<usize>,
    /// The glyph runs right to left (odd bidi level).
    pub rtl: bool,
}

/// A paragraph laid out at one width: its visual lines and where every char went.
#[derive(Debug, Clone)]
pub struct ParagraphLayout {
    /// The paragraph text.
    pub text: String,
    /// Paragraph direction by its first strong character (UAX #9 P2–P3).
    pub rtl: bool,
    /// The width it was wrapped at.
    pub width: f32,
    /// Total height of all lines.
    pub height: f32,
    /// Visual lines, top to bottom.
    pub lines: Vec<Line>,
    /// Byte offset of every char, plus the text length at the end.
    char_bytes: Vec<usize>,
}

/// Lays out paragraphs with a shared font system.
pub struct LayoutEngine {
    /// The font system all layout and rasterising use.
    pub fonts: FontSystem,
}

impl std::fmt::Debug for LayoutEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LayoutEngine")
    }
}

impl LayoutEngine {
    /// Wraps a font system.
    pub fn new(fonts: FontSystem) -> Self {
        Self { fonts }
    }

    /// Lays out `text` as one paragraph wrapped at `width` points.
    pub fn layout(&mut self, text: &str, style: &TextStyle, width: f32) -> ParagraphLayout {
        let metrics = Metrics::relative(style.size, style.line_height);
        let mut buffer = Buffer::new(&mut self.fonts, metrics);
        buffer.set_wrap(Wrap::WordOrGlyph);
        buffer.set_size(Some(width.max(1.0)), None);
        let attrs = Attrs::new()
            .family(Family::Name(style.family.family_name()))
            .weight(if style.bold {
                Weight::BOLD
            } else {
                Weight::NORMAL
            });
        // Newlines would start new cosmic-text lines; a paragraph is one line by definition.
        let flat: String;
        let text = if text.contains([
            '\n', '\r', '\u{2029}', '\u{85}', '\u{0b}', '\u{0c}', '\u{2028}',
        ]) {
            flat = text
                .chars()
                .map(|c| {
                    if c.is_whitespace() && c != ' ' && c != '\u{a0}' {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            flat.as_str()
        } else {
            text
        };
        let align = style.justify.then_some(Align::Justified);
        buffer.set_text(text, &attrs, Shaping::Advanced, align);
        buffer.shape_until_scroll(&mut self.fonts, false);

        let char_bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let to_char = |byte: usize| char_bytes.partition_point(|&b| b < byte);

        let mut rtl = false;
        let mut lines = Vec::new();
        for run in buffer.layout_runs() {
            rtl = run.rtl;
            let glyphs: Vec<Glyph> = run
                .glyphs
                .iter()
                .map(|g| Glyph {
                    chars: to_char(g.start)..to_char(g.end),
                    rtl: g.level.is_rtl(),
                    inner: g.clone(),
                })
                .collect();
            let x_min = glyphs
                .iter()
                .map(|g| g.inner.x)
                .fold(f32::INFINITY, f32::min);
            let x_max = glyphs
                .iter()
                .map(|g| g.inner.x + g.inner.w)
                .fold(f32::NEG_INFINITY, f32::max);
            let start = glyphs.iter().map(|g| g.chars.start).min().unwrap_or(0);
            lines.push(Line {
                chars: start..start,
                top: run.line_top,
                baseline: run.line_y,
                height: run.line_height,
                x_min: if x_min.is_finite() { x_min } else { 0.0 },
                x_max: if x_max.is_finite() { x_max } else { 0.0 },
                glyphs,
            });
        }
        if lines.is_empty() {
            // An empty paragraph still takes one line.
            lines.push(Line {
                chars: 0..0,
                top: 0.0,
                baseline: metrics.font_size,
                height: metrics.line_height,
                x_min: 0.0,
                x_max: 0.0,
                glyphs: Vec::new(),
            });
        }
        // Each line runs up to where the next begins; the break's spaces stay on the line before.
        let n_chars = char_bytes.len() - 1;
        for i in 0..lines.len() {
            let end = lines.get(i + 1).map_or(n_chars, |next| next.chars.start);
            let line = &mut lines[i];
            if i == 0 {
                line.chars.start = 0;
            }
            line.chars.end = end.max(line.chars.start);
        }
        let height = lines.last().map_or(0.0, |l| l.top + l.height);
        ParagraphLayout {
            text: text.to_string(),
            rtl,
            width,
            height,
            lines,
            char_bytes,
        }
    }
}

impl ParagraphLayout {
    /// Number of chars in the paragraph.
    pub fn char_len(&self) -> usize {
        self.char_bytes.len() - 1
    }

    /// The text of a logical char range.
    pub fn slice(&self, chars: Range<usize>) -> &str {
        let n = self.char_len();
        let (s, e) = (chars.start.min(n), chars.end.min(n));
        &self.text[self.char_bytes[s]..self.char_bytes[e.max(s)]]
    }

    /// Byte offset of a char index (clamped to the end).
    pub fn byte_of(&self, char_index: usize) -> usize {
        self.char_bytes[char_index.min(self.char_len())]
    }

    /// Index of the line that shows `char_index` (the last line for the end position).
    pub fn line_of(&self, char_index: usize) -> usize {
        self.lines
            .iter()
            .position(|l| l.chars.contains(&char_index))
            .unwrap_or(self.lines.len().saturating_sub(1))
    }
}
