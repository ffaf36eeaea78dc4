//! Hit-testing on a laid-out paragraph: point to char, char to point, and selection spans.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::layout::{Line, ParagraphLayout};

/// The visual box of one grapheme: its logical chars and horizontal extent.
#[derive(Debug, Clone, PartialEq)]
pub struct CharBox {
    /// Logical char range within the paragraph.
    pub chars: Range<usize>,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Runs right to left: its logical start is at its right edge.
    pub rtl: bool,
}

impl CharBox {
    /// x of the caret before this grapheme in logical order.
    pub fn leading_x(&self) -> f32 {
        if self.rtl { self.x1 } else { self.x0 }
    }

    /// x of the caret after this grapheme in logical order.
    pub fn trailing_x(&self) -> f32 {
        if self.rtl { self.x0 } else { self.x1 }
    }
}

/// A horizontal span of a selection on one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// Index of the line within the paragraph.
    pub line: usize,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
}

impl ParagraphLayout {
    /// The grapheme boxes of a line, left to right.
    ///
    /// Glyphs of one cluster (a base and its marks, or a decomposed letter) form one box;
    /// a ligature's width is shared among the graphemes it shows.
    pub fn char_boxes(&self, line: &Line) -> Vec<CharBox> {
        let mut clusters: Vec<(Range<usize>, f32, f32, bool)> =
            Vec::with_capacity(line.glyphs.len());
        for glyph in &line.glyphs {
            let (x0, x1) = (glyph.inner.x, glyph.inner.x + glyph.inner.w);
            match clusters.iter_mut().find(|c| c.0 == glyph.chars) {
                Some(c) => {
                    c.1 = c.1.min(x0);
                    c.2 = c.2.max(x1);
                }
                None => clusters.push((glyph.chars.clone(), x0, x1, glyph.rtl)),
            }
        }
        // A zero-width cluster (the alef of a lam-alef drawn as lam + zero-advance alef)
        // joins the cluster before it in logical order, so the pair shares the carets.
        clusters.sort_by_key(|c| c.0.start);
        let mut merged: Vec<(Range<usize>, f32, f32, bool)> = Vec::with_capacity(clusters.len());
        for c in clusters {
            match merged.last_mut() {
                Some(prev) if c.2 - c.1 < 0.01 && prev.0.end == c.0.start && prev.3 == c.3 => {
                    prev.0.end = c.0.end;
                }
                _ => merged.push(c),
            }
        }
        let mut boxes = Vec::with_capacity(merged.len());
        for (chars, x0, x1, rtl) in merged {
            self.push_cluster_boxes(chars, x0, x1, rtl, &mut boxes);
        }
        boxes.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        boxes
    }

    fn push_cluster_boxes(
        &self,
        chars: Range<usize>,
        x0: f32,
        x1: f32,
        rtl: bool,
        out: &mut Vec<CharBox>,
    ) {
        let cluster = self.slice(chars.clone());
        let mut bounds: Vec<Range<usize>> = Vec::new();
        let mut at = chars.start;
        for g in cluster.graphemes(true) {
            let n = g.chars().count();
            bounds.push(at..at + n);
            at += n;
        }
        if bounds.is_empty() {
            bounds.push(chars);
        }
        let step = (x1 - x0) / bounds.len() as f32;
        for (i, chars) in bounds.into_iter().enumerate() {
            let i = i as f32;
            let (b0, b1) = if rtl {
                (x1 - (i + 1.0) * step, x1 - i * step)
            } else {
                (x0 + i * step, x0 + (i + 1.0) * step)
            };
            out.push(CharBox {
                chars,
                x0: b0,
                x1: b1,
                rtl,
            });
        }
    }

    /// The line under a y coordinate (clamped to the first and last lines).
    pub fn line_at(&self, y: f32) -> usize {
        self.lines
            .iter()
            .position(|l| y < l.top + l.height)
            .unwrap_or(self.lines.len().saturating_sub(1))
    }

    /// The caret position (logical char index, `0..=len`) nearest to a point.
    pub fn hit(&self, x: f32, y: f32) -> usize {
        let Some(line) = self.lines.get(self.line_at(y)) else {
            return 0;
        };
        let boxes = self.char_boxes(line);
        let (Some(first), Some(last)) = (boxes.first(), boxes.last()) else {
            return line.chars.start;
        };
        if x < first.x0 {
            return if first.rtl {
                first.chars.end
            } else {
                first.chars.start
            };
        }
        if x > last.x1 {
            return if last.rtl {
                last.chars.start
            } else {
                last.chars.end
            };
        }
        let b = boxes
            .iter()
            .find(|b| x >= b.x0 && x <= b.x1)
            .or_else(|| {
                boxes.iter().min_by(|a, b| {
                    let da = (a.x0 - x).abs().min((a.x1 - x).abs());
                    let db = (b.x0 - x).abs().min((b.x1 - x).abs());
                    da.total_cmp(&db)
                })
            })
            .unwrap_or(first);
        let right_half = x >= (b.x0 + b.x1) / 2.0;
        if right_half == b.rtl {
            b.chars.start
        } else {
            b.chars.end
        }
    }

    /// Where the caret for a char index stands: `(x, line index)`.
    pub fn caret(&self, char_index: usize) -> (f32, usize) {
        let line_i = self.line_of(char_index);
        let Some(line) = self.lines.get(line_i) else {
            return (0.0, 0);
        };
        let boxes = self.char_boxes(line);
        if let Some(b) = boxes.iter().find(|b| b.chars.start == char_index) {
            return (b.leading_x(), line_i);
        }
        if let Some(b) = boxes.iter().find(|b| b.chars.contains(&char_index)) {
            return (b.leading_x(), line_i);
        }
        if let Some(b) = boxes.iter().find(|b| b.chars.end == char_index) {
            return (b.trailing_x(), line_i);
        }
        // Past the last glyph (trailing spaces): the line's end side.
        let x = if self.rtl { line.x_min } else { line.x_max };
        (x, line_i)
    }

    /// Horizontal spans covering a logical char range, per line, merged where adjacent.
    ///
    /// In mixed-direction lines one logical range can give several visual spans.
    pub fn selection_spans(&self, range: Range<usize>) -> Vec<Span> {
        let mut spans = Vec::new();
        if range.is_empty() {
            return spans;
        }
        for (line_i, line) in self.lines.iter().enumerate() {
            if line.chars.end <= range.start
                && !(line.chars.is_empty() && line.chars.start == range.start)
            {
                continue;
            }
            if line.chars.start >= range.end {
                break;
            }
            let mut open: Option<(f32, f32)> = None;
            for b in self.char_boxes(line) {
                let selected = b.chars.start < range.end && b.chars.end > range.start;
                match (selected, open) {
                    (true, Some((x0, _))) => open = Some((x0, b.x1)),
                    (true, None) => open = Some((b.x0, b.x1)),
                    (false, Some((x0, x1))) => {
                        spans.push(Span {
                            line: line_i,
                            x0,
                            x1,
                        });
                        open = None;
                    }
                    (false, None) => {}
                }
            }
            if let Some((x0, x1)) = open {
                spans.push(Span {
                    line: line_i,
                    x0,
                    x1,
                });
            }
        }
        spans
    }

    /// The word (or run of non-word chars) around a char index, for double-click.
    pub fn word_at(&self, char_index: usize) -> Range<usize> {
        let target = self.byte_of(char_index);
        let mut char_at = 0;
        for (byte, word) in self.text.split_word_bound_indices() {
            let n = word.chars().count();
            if target >= byte && target < byte + word.len() {
                return char_at..char_at + n;
            }
            char_at += n;
        }
        let n = self.char_len();
        n..n
    }
}
