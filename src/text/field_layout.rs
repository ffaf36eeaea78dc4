//! A text field's layout: its paragraphs placed, where the caret stands for every logical
//! position, and the visual caret movement and hit-testing that bidi text needs.

use std::ops::Range;
use std::sync::Arc;

use super::layout::ParagraphLayout;
use super::style::TextStyle;
use super::system::TextSystem;

/// Width a one-line field is laid out at, so it never wraps.
const UNWRAPPED: f32 = 100_000.0;

/// One visual line of the field.
#[derive(Debug, Clone)]
pub struct FieldLine {
    /// Index into [`FieldLayout::paragraphs`].
    pub paragraph: usize,
    /// Index of the line in its paragraph's layout.
    pub line: usize,
    /// Top of the line box, from the top of the field's text.
    pub top: f32,
    /// Height of the line box.
    pub height: f32,
    /// Caret positions on this line as (logical position, x), in logical order.
    pub stops: Vec<(usize, f32)>,
}

/// One paragraph (a run of text between newlines) placed in the field.
#[derive(Debug, Clone)]
pub struct FieldParagraph {
    /// Char offset of the paragraph in the field's text.
    pub start: usize,
    /// Where the paragraph layout's origin goes, from the field text's top-left.
    pub origin: (f32, f32),
    /// The paragraph laid out.
    pub layout: Arc<ParagraphLayout>,
}

/// A glyph cluster: logical chars and the horizontal extent that shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Logical chars of the field's text.
    pub chars: Range<usize>,
    /// Left edge, from the field text's left.
    pub left: f32,
    /// Right edge.
    pub right: f32,
    /// Index into [`FieldLayout::lines`].
    pub line: usize,
    /// Runs right to left.
    pub rtl: bool,
}

/// The laid-out text of a field and its caret geometry.
#[derive(Debug, Clone)]
pub struct FieldLayout {
    /// Base direction: right to left (the first strong char, or the fallback when there is none).
    pub rtl: bool,
    /// Width the text is aligned in.
    pub width: f32,
    /// Width the text itself takes (wider than `width` when a one-line field overflows).
    pub content_width: f32,
    /// Total height.
    pub height: f32,
    /// Paragraphs, top to bottom.
    pub paragraphs: Vec<FieldParagraph>,
    /// Visual lines, top to bottom.
    pub lines: Vec<FieldLine>,
    /// Glyph clusters in visual order per line.
    pub clusters: Vec<Cluster>,
}

/// Direction of `text` by its first strong char; `None` when it has none.
pub fn strong_direction_rtl(text: &str) -> Option<bool> {
    match unicode_bidi::get_base_direction(text) {
        unicode_bidi::Direction::Rtl => Some(true),
        unicode_bidi::Direction::Ltr => Some(false),
        unicode_bidi::Direction::Mixed => None,
    }
}

impl FieldLayout {
    /// Lays out `text` in a field `width` wide: wrapped when `multiline`, else on one line.
    ///
    /// Paragraphs with no strong char (empty, digits) take the direction `fallback_rtl`.
    pub fn new(
        text_system: &mut TextSystem,
        text: &str,
        style: &TextStyle,
        width: f32,
        multiline: bool,
        fallback_rtl: bool,
    ) -> Self {
        let width = width.max(1.0);
        let rtl = strong_direction_rtl(text).unwrap_or(fallback_rtl);
        let mut out = Self {
            rtl,
            width,
            content_width: 0.0,
            height: 0.0,
            paragraphs: Vec::new(),
            lines: Vec::new(),
            clusters: Vec::new(),
        };
        let pieces: Vec<&str> = if multiline {
            text.split('\n').collect()
        } else {
            vec![text]
        };
        let mut start = 0;
        let mut top = 0.0;
        for piece in pieces {
            let wrap = if multiline { width } else { UNWRAPPED };
            let layout = text_system
                .labels
                .get(&mut text_system.engine, piece, style, wrap);
            let para_rtl = strong_direction_rtl(piece).unwrap_or(rtl);
            let x_min = layout.lines.iter().map(|l| l.x_min).fold(wrap, f32::min);
            let x_max = layout.lines.iter().map(|l| l.x_max).fold(0.0, f32::max);
            let empty = layout.lines.iter().all(|l| l.glyphs.is_empty());
            // One-line text is shifted from the wide layout into the field; a paragraph laid out
            // in the other direction than it is read in (digits in an Arabic field) is moved over.
            let dx = if empty {
                0.0
            } else if !multiline {
                if para_rtl {
                    width.max(x_max - x_min) - x_max
                } else {
                    -x_min
                }
            } else if para_rtl && !layout.rtl {
                width - x_max
            } else if !para_rtl && layout.rtl {
                -x_min
            } else {
                0.0
            };
            out.content_width = out
                .content_width
                .max(if empty { 0.0 } else { x_max - x_min });
            let p = out.paragraphs.len();
            for (li, line) in layout.lines.iter().enumerate() {
                let index = out.lines.len();
                let mut clusters: Vec<Cluster> = Vec::new();
                for g in &line.glyphs {
                    let chars = start + g.chars.start..start + g.chars.end;
                    let (left, right) = (dx + g.inner.x, dx + g.inner.x + g.inner.w);
                    match clusters.last_mut() {
                        Some(c) if c.chars == chars => {
                            c.left = c.left.min(left);
                            c.right = c.right.max(right);
                        }
                        _ => clusters.push(Cluster {
                            chars,
                            left,
                            right,
                            line: index,
                            rtl: g.rtl,
                        }),
                    }
                }
                let last = li + 1 == layout.lines.len();
                let end = if last {
                    line.chars.end + 1
                } else {
                    line.chars.end
                };
                let edge = if para_rtl { width } else { 0.0 };
                let mut stops: Vec<(usize, f32)> = Vec::new();
                // Which cluster shows each char of the line, found once rather than per position.
                let first = start + line.chars.start;
                let mut owner: Vec<Option<usize>> = vec![None; end - line.chars.start];
                for (ci, c) in clusters.iter().enumerate() {
                    for ch in c.chars.clone() {
                        if let Some(slot) = ch.checked_sub(first).and_then(|i| owner.get_mut(i)) {
                            slot.get_or_insert(ci);
                        }
                    }
                }
                let cluster_of = |ch: usize| {
                    ch.checked_sub(first)
                        .and_then(|i| owner.get(i).copied().flatten())
                        .and_then(|ci| clusters.get(ci))
                };
                // Caret x already given to a position, to a hundredth of a point.
                let mut taken = std::collections::HashSet::new();
                let key = |x: f32| (x * 100.0).round() as i64;
                let near = |taken: &std::collections::HashSet<i64>, x: f32| {
                    (-1..=1).any(|d| taken.contains(&(key(x) + d)))
                };
                for pos in first..start + end {
                    // The leading edge of the char at `pos`, and the trailing edge of the one before.
                    let lead = cluster_of(pos).map(|c| {
                        let f = (pos - c.chars.start) as f32 / c.chars.len() as f32;
                        if c.rtl {
                            c.right - f * (c.right - c.left)
                        } else {
                            c.left + f * (c.right - c.left)
                        }
                    });
                    let trail = pos
                        .checked_sub(1)
                        .and_then(cluster_of)
                        .filter(|c| c.chars.end == pos)
                        .map(|c| if c.rtl { c.left } else { c.right });
                    // Where two runs meet, two positions can share a leading edge; the later one
                    // takes its trailing edge, so every position has a place of its own.
                    let x = match (lead, trail) {
                        (Some(l), Some(t)) if near(&taken, l) && !near(&taken, t) => t,
                        (Some(l), _) => l,
                        (None, Some(t)) => t,
                        (None, None) => stops.last().map_or(edge, |s| s.1),
                    };
                    taken.insert(key(x));
                    stops.push((pos, x));
                }
                out.lines.push(FieldLine {
                    paragraph: p,
                    line: li,
                    top: top + line.top,
                    height: line.height,
                    stops,
                });
                out.clusters.extend(clusters);
            }
            out.paragraphs.push(FieldParagraph {
                start,
                origin: (dx, top),
                layout: layout.clone(),
            });
            top += layout.height;
            start += piece.chars().count() + 1;
        }
        out.height = top;
        out
    }

    /// The line a caret at `pos` stands on, and its x.
    pub fn caret(&self, pos: usize) -> (usize, f32) {
        let mut best = (0, 0.0);
        for (i, line) in self.lines.iter().enumerate() {
            if let Some(&(_, x)) = line.stops.iter().find(|s| s.0 == pos) {
                return (i, x);
            }
            if let Some(&(p, x)) = line.stops.last()
                && p <= pos
            {
                best = (i, x);
            }
        }
        best
    }

    /// The position one caret stop visually to the right (or left) on the same line, if any.
    ///
    /// `allowed` says which positions the caret may stand at (grapheme boundaries).
    pub fn step_visual(
        &self,
        pos: usize,
        right: bool,
        allowed: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let (line, x) = self.caret(pos);
        let stops = &self.lines.get(line)?.stops;
        let ahead = |sx: f32| if right { sx > x + 0.01 } else { sx < x - 0.01 };
        stops
            .iter()
            .filter(|&&(p, sx)| p != pos && allowed(p) && ahead(sx))
            .min_by(|a, b| {
                let (da, db) = ((a.1 - x).abs(), (b.1 - x).abs());
                da.total_cmp(&db)
            })
            .map(|s| s.0)
    }

    /// The allowed position nearest to `x` on line `line`.
    pub fn nearest_on_line(
        &self,
        line: usize,
        x: f32,
        allowed: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        self.lines
            .get(line)?
            .stops
            .iter()
            .filter(|s| allowed(s.0))
            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
            .map(|s| s.0)
    }

    /// The position under a point (field text coordinates).
    pub fn hit(&self, x: f32, y: f32, allowed: impl Fn(usize) -> bool) -> usize {
        let line = self
            .lines
            .iter()
            .position(|l| y < l.top + l.height)
            .unwrap_or(self.lines.len().saturating_sub(1));
        self.nearest_on_line(line, x, allowed).unwrap_or(0)
    }

    /// Horizontal spans of the chars in `range`, one per cluster, as (line, left, right).
    pub fn spans(&self, range: Range<usize>) -> Vec<(usize, f32, f32)> {
        self.clusters
            .iter()
            .filter_map(|c| {
                let s = c.chars.start.max(range.start);
                let e = c.chars.end.min(range.end);
                if s >= e {
                    return None;
                }
                // Part of a ligature: the matching share of its width.
                let n = c.chars.len() as f32;
                let w = c.right - c.left;
                let (a, b) = (
                    (s - c.chars.start) as f32 / n,
                    (e - c.chars.start) as f32 / n,
                );
                Some(if c.rtl {
                    (c.line, c.right - b * w, c.right - a * w)
                } else {
                    (c.line, c.left + a * w, c.left + b * w)
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::LayoutEngine;
    use crate::text::fonts::{FontSources, font_system};

    fn system() -> TextSystem {
        TextSystem::new(LayoutEngine::new(font_system(FontSources::BundledOnly)))
    }

    fn style() -> TextStyle {
        TextStyle::default().with_size(16.0)
    }

    fn left_of(l: &FieldLayout, chars: Range<usize>) -> f32 {
        l.spans(chars)
            .iter()
            .map(|s| s.1)
            .fold(f32::INFINITY, f32::min)
    }

    #[test]
    fn arabic_words_run_right_to_left_flush_right() {
        let mut ts = system();
        let l = FieldLayout::new(&mut ts, "علي جمعة", &style(), 300.0, false, false);
        assert!(l.rtl);
        assert!(
            left_of(&l, 0..3) > left_of(&l, 4..8),
            "the first word is rightmost"
        );
        let (_, start) = l.caret(0);
        let (_, end) = l.caret(8);
        assert!((start - 300.0).abs() < 2.0, "flush right: {start}");
        assert!(end < start);
    }

    #[test]
    fn right_arrow_in_arabic_goes_back_and_mixed_runs_step_visually() {
        let mut ts = system();
        let text = "قال 25 مرة Hello";
        let l = FieldLayout::new(&mut ts, text, &style(), 400.0, false, false);
        let all = |_| true;
        // From the logical end, Right walks back over the trailing Latin word.
        assert_eq!(l.step_visual(3, true, all), Some(2));
        assert_eq!(
            l.step_visual(0, true, all),
            None,
            "the start is the right edge"
        );
        // Stepping left from the start visits every position exactly once.
        let mut seen = vec![0];
        let mut pos = 0;
        while let Some(next) = l.step_visual(pos, false, all) {
            assert!(!seen.contains(&next), "{seen:?} then {next}");
            seen.push(next);
            pos = next;
        }
        assert_eq!(seen.len(), text.chars().count() + 1, "{seen:?}");
        // Digits read left to right inside the right-to-left line.
        assert!(l.caret(4).1 < l.caret(5).1);
        assert!(left_of(&l, 11..16) < left_of(&l, 4..6));
        assert!(left_of(&l, 4..6) < left_of(&l, 0..3));
    }

    #[test]
    fn empty_fields_put_the_caret_at_their_start_edge() {
        let mut ts = system();
        let ar = FieldLayout::new(&mut ts, "", &style(), 200.0, false, true);
        assert!(ar.rtl);
        assert_eq!(ar.caret(0).1, 200.0);
        let en = FieldLayout::new(&mut ts, "", &style(), 200.0, false, false);
        assert_eq!(en.caret(0).1, 0.0);
        assert!(en.height > 16.0);
    }

    #[test]
    fn multiline_paragraphs_stack_and_hit_testing_finds_them() {
        let mut ts = system();
        let text = "سطر أول\nsecond line";
        let l = FieldLayout::new(&mut ts, text, &style(), 300.0, true, false);
        assert_eq!(l.lines.len(), 2);
        assert!(l.lines[1].top >= l.lines[0].top + l.lines[0].height - 0.5);
        let y = l.lines[1].top + 2.0;
        assert_eq!(
            l.hit(-10.0, y, |_| true),
            8,
            "left of an LTR line is its start"
        );
        assert_eq!(
            l.hit(1000.0, 2.0, |_| true),
            0,
            "right of an RTL line is its start"
        );
        assert_eq!(l.caret(7).0, 0);
        assert_eq!(l.caret(8).0, 1);
    }
}
