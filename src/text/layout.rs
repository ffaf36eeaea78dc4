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
    /// Where layout stopped, for a long paragraph laid out only down to a height
    /// (see [`LayoutEngine::layout_until`]); `None` when every line is laid out.
    pub resume: Option<Resume>,
}

/// Where a paragraph laid out only in part goes on: its next char and that line's top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resume {
    /// First char not laid out yet.
    pub char: usize,
    /// Top of the line it will start.
    pub y: f32,
}

/// Lays out paragraphs with a shared font system.
pub struct LayoutEngine {
    /// The font system all layout and rasterising use.
    pub fonts: FontSystem,
    /// Chars per piece a long paragraph is shaped in (see [`LayoutEngine::layout`]).
    pub piece_chars: usize,
}

impl std::fmt::Debug for LayoutEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LayoutEngine")
    }
}

impl LayoutEngine {
    /// Wraps a font system.
    pub fn new(fonts: FontSystem) -> Self {
        Self {
            fonts,
            piece_chars: PIECE_CHARS,
        }
    }

    /// Lays out `text` as one paragraph wrapped at `width` points.
    ///
    /// A long paragraph is shaped in pieces of about [`LayoutEngine::piece_chars`] chars: each
    /// piece's last line is laid out again at the start of the next, so every line breaks
    /// where it would in one pass, while shaping and wrapping stay linear in its length.
    pub fn layout(&mut self, text: &str, style: &TextStyle, width: f32) -> ParagraphLayout {
        self.layout_until(text, style, width, f32::INFINITY)
    }

    /// Lays out `text` like [`LayoutEngine::layout`], but a long paragraph only down to about
    /// `min_height` points: the rest waits in [`ParagraphLayout::resume`] for
    /// [`LayoutEngine::extend`], so the first screen costs what it shows.
    pub fn layout_until(
        &mut self,
        text: &str,
        style: &TextStyle,
        width: f32,
        min_height: f32,
    ) -> ParagraphLayout {
        let metrics = Metrics::relative(style.size, style.line_height);
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
        let char_bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let n_chars = char_bytes.len() - 1;
        let piece_chars = self.piece_chars.max(64);
        if n_chars <= piece_chars + piece_chars / 2 {
            let piece = self.layout_piece(text, Context::default(), style, metrics, width);
            let (rtl, lines) = (piece.rtl, piece.lines);
            return finish(
                text.to_string(),
                rtl,
                width,
                lines,
                char_bytes,
                None,
                metrics,
            );
        }
        // The paragraph's direction, by its first strong char, holds for every piece.
        let rtl = unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl;
        let mut lines = Vec::new();
        let pieces = Pieces {
            text,
            char_bytes: &char_bytes,
            rtl,
            style,
            width,
        };
        let from = Resume { char: 0, y: 0.0 };
        let resume = self.lay_pieces(&pieces, &mut lines, from, min_height);
        finish(
            text.to_string(),
            rtl,
            width,
            lines,
            char_bytes,
            resume,
            metrics,
        )
    }

    /// Lays out more of a paragraph laid out in part, down to about `min_height` points
    /// (`style` must be the one it was laid out with). A whole layout comes back unchanged.
    pub fn extend(
        &mut self,
        layout: &ParagraphLayout,
        style: &TextStyle,
        min_height: f32,
    ) -> ParagraphLayout {
        let mut more = layout.clone();
        self.extend_in_place(&mut more, style, min_height);
        more
    }

    /// [`LayoutEngine::extend`] without copying the lines already laid out.
    pub fn extend_in_place(
        &mut self,
        layout: &mut ParagraphLayout,
        style: &TextStyle,
        min_height: f32,
    ) {
        let Some(from) = layout.resume else {
            return;
        };
        let mut lines = std::mem::take(&mut layout.lines);
        let old = lines.len();
        let pieces = Pieces {
            text: &layout.text,
            char_bytes: &layout.char_bytes,
            rtl: layout.rtl,
            style,
            width: layout.width,
        };
        let resume = self.lay_pieces(&pieces, &mut lines, from, min_height);
        let last_end = resume.map_or(layout.char_len(), |r| r.char);
        fix_ends(&mut lines, old.saturating_sub(1), last_end);
        layout.height = lines.last().map_or(0.0, |l| l.top + l.height);
        layout.lines = lines;
        layout.resume = resume;
    }

    /// Appends the lines of pieces from `from` until they reach `min_height` or the end;
    /// returns where the next piece would start, if any text is left.
    fn lay_pieces(
        &mut self,
        p: &Pieces<'_>,
        lines: &mut Vec<Line>,
        from: Resume,
        min_height: f32,
    ) -> Option<Resume> {
        let metrics = Metrics::relative(p.style.size, p.style.line_height);
        let piece_chars = self.piece_chars.max(64);
        let (text, char_bytes) = (p.text, p.char_bytes);
        let n_chars = char_bytes.len() - 1;
        let mut start = from.char;
        let mut y = from.y;
        while start < n_chars {
            if y >= min_height {
                return Some(Resume { char: start, y });
            }
            let end = piece_end(text, char_bytes, start, piece_chars);
            let piece_text = &text[char_bytes[start]..char_bytes[end]];
            // A piece cut inside a word keeps its first letter joined to the one before.
            let mid_word = start > 0
                && !text[..char_bytes[start]].ends_with(char::is_whitespace)
                && !piece_text.starts_with(char::is_whitespace);
            let context = Context {
                rtl: Some(p.rtl),
                mid_word,
            };
            let mut piece = self.layout_piece(piece_text, context, p.style, metrics, p.width);
            // The piece's last line may end early where the piece was cut: redo it.
            let next = match piece.lines.last() {
                Some(last) if end < n_chars && piece.lines.len() > 1 && last.chars.start > 0 => {
                    let next = start + last.chars.start;
                    piece.lines.pop();
                    next
                }
                _ => end,
            };
            let dy = y;
            for mut line in piece.lines {
                line.chars = line.chars.start + start..(line.chars.end + start).min(next);
                line.top += dy;
                line.baseline += dy;
                for g in &mut line.glyphs {
                    g.chars = g.chars.start + start..g.chars.end + start;
                }
                y = line.top + line.height;
                lines.push(line);
            }
            start = next;
        }
        None
    }

    /// Shapes and wraps one piece of a paragraph; line and glyph char ranges are within the piece.
    ///
    /// A piece whose own first strong char disagrees with the paragraph's direction gets an
    /// invisible mark in front, so bidi reads it as the paragraph does; one cut inside a word
    /// gets a zero-width joiner, so its first letter keeps its joined form.
    fn layout_piece(
        &mut self,
        text: &str,
        context: Context,
        style: &TextStyle,
        metrics: Metrics,
        width: f32,
    ) -> Piece {
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
        let mut prefix = String::new();
        if let Some(rtl) = context.rtl {
            let own = unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl;
            if own != rtl {
                prefix.push(if rtl { '\u{200f}' } else { '\u{200e}' });
            }
        }
        if context.mid_word {
            prefix.push('\u{200d}');
        }
        let marked: String;
        let (shaped, skip) = if prefix.is_empty() {
            (text, 0)
        } else {
            marked = format!("{prefix}{text}");
            (marked.as_str(), prefix.len())
        };
        let align = style.justify.then_some(Align::Justified);
        buffer.set_text(shaped, &attrs, Shaping::Advanced, align);
        buffer.shape_until_scroll(&mut self.fonts, false);

        let char_bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let to_char = |byte: usize| char_bytes.partition_point(|&b| b < byte.saturating_sub(skip));

        let mut rtl = false;
        let mut lines = Vec::new();
        for run in buffer.layout_runs() {
            rtl = run.rtl;
            let glyphs: Vec<Glyph> = run
                .glyphs
                .iter()
                .filter(|g| g.start >= skip)
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
        Piece { rtl, lines }
    }
}

/// Default chars per piece a long paragraph is shaped in (a few dozen lines at a usual measure).
pub const PIECE_CHARS: usize = 3000;

/// The paragraph being laid out in pieces, and how.
struct Pieces<'a> {
    text: &'a str,
    char_bytes: &'a [usize],
    rtl: bool,
    style: &'a TextStyle,
    width: f32,
}

/// Completes a layout from its lines: each line's char range runs to where the next begins
/// (the break's spaces stay on the line before), the last to the end or where layout stopped.
fn finish(
    text: String,
    rtl: bool,
    width: f32,
    mut lines: Vec<Line>,
    char_bytes: Vec<usize>,
    resume: Option<Resume>,
    metrics: Metrics,
) -> ParagraphLayout {
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
    let n_chars = char_bytes.len() - 1;
    fix_ends(&mut lines, 0, resume.map_or(n_chars, |r| r.char));
    let height = lines.last().map_or(0.0, |l| l.top + l.height);
    ParagraphLayout {
        text,
        rtl,
        width,
        height,
        lines,
        char_bytes,
        resume,
    }
}

/// Sets the char range end of lines from `from` on to where the next line begins (the last
/// to `last_end`); the first line of the paragraph starts at char 0.
fn fix_ends(lines: &mut [Line], from: usize, last_end: usize) {
    for i in from..lines.len() {
        let end = lines.get(i + 1).map_or(last_end, |next| next.chars.start);
        let line = &mut lines[i];
        if i == 0 {
            line.chars.start = 0;
        }
        line.chars.end = end.max(line.chars.start);
    }
}

/// What a piece of a paragraph needs to know about the text around it.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    /// The whole paragraph's direction (right to left?), when the text is a piece of it.
    rtl: Option<bool>,
    /// The piece starts inside a word.
    mid_word: bool,
}

/// Lines of one piece of a paragraph.
struct Piece {
    rtl: bool,
    lines: Vec<Line>,
}

/// Where the piece starting at char `start` ends: after a sentence or a space near
/// `piece` chars on, else (one enormous word) at a grapheme boundary.
fn piece_end(text: &str, char_bytes: &[usize], start: usize, piece: usize) -> usize {
    let n = char_bytes.len() - 1;
    let target = start + piece;
    if target + piece / 2 >= n {
        return n;
    }
    let from = char_bytes[start + piece / 2];
    let window = &text[from..char_bytes[target]];
    let after = |byte_in_window: usize, c: char| {
        let byte = from + byte_in_window + c.len_utf8();
        char_bytes.partition_point(|&b| b < byte)
    };
    let sentence = window
        .char_indices()
        .collect::<Vec<_>>()
        .windows(2)
        .rev()
        .find(|w| matches!(w[0].1, '.' | '!' | '?' | '؟' | '۔') && w[1].1 == ' ')
        .map(|w| after(w[1].0, w[1].1));
    let space = || {
        window
            .char_indices()
            .rev()
            .find(|(_, c)| *c == ' ')
            .map(|(b, c)| after(b, c))
    };
    sentence.or_else(space).unwrap_or_else(|| {
        // No space at all: cut between graphemes, never before a mark or joiner.
        let mut end = target;
        while end < n {
            let c = text[char_bytes[end]..].chars().next().unwrap_or(' ');
            let joins = matches!(c, '\u{200c}' | '\u{200d}' | '\u{034f}')
                || unicode_segmentation::UnicodeSegmentation::graphemes(
                    &text[char_bytes[end - 1]..char_bytes[(end + 1).min(n)]],
                    true,
                )
                .count()
                    < 2;
            if !joins {
                break;
            }
            end += 1;
        }
        end
    })
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
