//! Glyphs into line fragments: rows by baseline, split at wide gaps, words from gaps, and the visual order of a
//! right-to-left line turned back into the order it is read in.

use super::glyphs::Glyph;

/// Glyphs whose baselines differ by less than this fraction of their size share a row.
const SAME_ROW: f32 = 0.35;
/// A horizontal gap wider than this many ems ends a fragment (a column gutter, a table cell).
const FRAGMENT_GAP: f32 = 1.2;
/// A gap wider than this many ems between two glyphs is a word space the PDF did not draw…
const WORD_GAP: f32 = 0.2;
/// …or, on a line whose spaces are drawn as glyphs, a gap wider than this (runs placed apart).
const WORD_GAP_SPACED: f32 = 0.5;

/// A run of glyphs on one baseline, with its text in logical order.
#[derive(Debug, Clone)]
pub(crate) struct Fragment {
    pub(crate) text: String,
    pub(crate) x0: f32,
    pub(crate) x1: f32,
    /// Baseline height.
    pub(crate) y: f32,
    /// The size most of its letters have.
    pub(crate) size: f32,
    /// Whether most of its letters are bold.
    pub(crate) bold: bool,
    /// Whether it reads right to left.
    pub(crate) rtl: bool,
}

impl Fragment {
    /// Top of the fragment's box.
    pub(crate) fn top(&self) -> f32 {
        self.y + 0.8 * self.size
    }

    /// Bottom of the fragment's box.
    pub(crate) fn bottom(&self) -> f32 {
        self.y - 0.25 * self.size
    }
}

/// A glyph with the marks drawn on it: the unit that keeps its letters' order when a line is reversed.
struct Unit {
    text: String,
    y: f32,
    x0: f32,
    x1: f32,
    size: f32,
    bold: bool,
}

/// Builds a page's fragments, top to bottom; `document_rtl` is the document's base direction.
pub(crate) fn fragments(mut glyphs: Vec<Glyph>, document_rtl: bool) -> Vec<Fragment> {
    // Glyphs without text stay: a justification kashida drawn as an unmapped glyph fills its gap.
    glyphs.retain(|g| g.size >= 1.0 && g.size.is_finite());
    let mut glyphs = attach_marks(glyphs);
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut out = Vec::new();
    let mut row: Vec<Glyph> = Vec::new();
    for glyph in glyphs {
        if let Some(first) = row.first()
            && (first.y - glyph.y).abs() > SAME_ROW * first.size.min(glyph.size)
        {
            split_row(std::mem::take(&mut row), document_rtl, &mut out);
        }
        row.push(glyph);
    }
    split_row(row, document_rtl, &mut out);
    out
}

/// Cuts one row at wide gaps into fragments.
fn split_row(mut row: Vec<Glyph>, document_rtl: bool, out: &mut Vec<Fragment>) {
    row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let units = units(row);
    let mut start = 0;
    for i in 1..=units.len() {
        let ends = i == units.len() || {
            let (prev, next) = (&units[i - 1], &units[i]);
            let em = prev.size.max(next.size);
            next.x0 - right_edge(&units[start..i]) > FRAGMENT_GAP * em
        };
        if ends {
            if let Some(fragment) = fragment(&units[start..i], document_rtl) {
                out.push(fragment);
            }
            start = i;
        }
    }
}

fn right_edge(units: &[Unit]) -> f32 {
    units.iter().map(|u| u.x1).fold(f32::MIN, f32::max)
}

/// Glyphs left to right into units.
fn units(row: Vec<Glyph>) -> Vec<Unit> {
    let mut units: Vec<Unit> = row
        .into_iter()
        .map(|glyph| Unit {
            text: glyph.text,
            y: glyph.y,
            x0: glyph.x0,
            x1: glyph.x1,
            size: glyph.size,
            bold: glyph.bold,
        })
        .collect();
    drop_justification_kashida(&mut units);
    units
}

/// A writer that justifies by stretching words (LibreOffice) draws tatweel glyphs overlapping
/// each other until the gap is filled; a typed tatweel is drawn once, at its width. Overlapping
/// tatweels lose their text and only fill the line.
fn drop_justification_kashida(units: &mut [Unit]) {
    let is_tatweel = |u: &Unit| !u.text.is_empty() && u.text.chars().all(|c| c == '\u{640}');
    for i in 1..units.len() {
        let (a, b) = (&units[i - 1], &units[i]);
        let overlap = a.x1 - b.x0;
        if is_tatweel(a) && is_tatweel(b) && overlap > 0.25 * (b.x1 - b.x0).max(0.1) {
            units[i - 1].text.clear();
            units[i].text.clear();
        }
    }
}

/// Puts each combining mark into the text of the letter it is drawn on. Chromium, LibreOffice and
/// reportlab all draw a mark just before its letter in the content stream (shapers emit a
/// right-to-left cluster reversed), while the mark's own position says little: it is a zero-width
/// glyph whose origin can lie over the neighbouring letter.
fn attach_marks(glyphs: Vec<Glyph>) -> Vec<Glyph> {
    let mut out: Vec<Glyph> = Vec::with_capacity(glyphs.len());
    let mut pending: Vec<Glyph> = Vec::new();
    let same_row = |a: &Glyph, b: &Glyph| (a.y - b.y).abs() <= SAME_ROW * a.size.max(b.size);
    for mut glyph in glyphs {
        if !glyph.text.is_empty() && glyph.text.chars().all(is_mark) {
            pending.push(glyph);
            continue;
        }
        let is_letter = glyph.text.chars().any(char::is_alphabetic);
        // A mark before anything but a letter (a glyph the font does not map) is dropped
        // rather than put on the wrong letter.
        for mark in pending.drain(..) {
            if is_letter && same_row(&mark, &glyph) {
                glyph.text.push_str(&mark.text);
            }
        }
        out.push(glyph);
    }
    out
}

/// One fragment from units in visual (left-to-right) order.
fn fragment(units: &[Unit], document_rtl: bool) -> Option<Fragment> {
    let first = units.first()?;
    // Words: a gap wider than a thin space where no space glyph was drawn.
    let draws_spaces = units.iter().any(|u| u.text == " ");
    let word_gap = if draws_spaces {
        WORD_GAP_SPACED
    } else {
        WORD_GAP
    };
    let mut visual: Vec<&str> = Vec::with_capacity(units.len() * 2);
    for (i, unit) in units.iter().enumerate() {
        if i > 0 {
            let prev = &units[i - 1];
            let gap = unit.x0 - prev.x1;
            let spaced = prev.text.ends_with(' ') || unit.text.starts_with(' ');
            if !spaced && gap > word_gap * prev.size.max(unit.size) {
                visual.push(" ");
            }
        }
        visual.push(&unit.text);
    }
    // A line reads in the document's direction unless all its letters go the other way (a
    // line of digits and punctuation in an Arabic document is part of the Arabic text).
    let directions = || {
        units
            .iter()
            .flat_map(|u| u.text.chars())
            .filter_map(strong_direction)
    };
    let (has_rtl, has_ltr) = (directions().any(|r| r), directions().any(|r| !r));
    let rtl = if document_rtl {
        has_rtl || !has_ltr
    } else {
        has_rtl && !has_ltr
    };
    let text = logical_from_visual(&visual, rtl);
    let text = collapse_spaces(&text);
    if text.is_empty() {
        return None;
    }
    let chars: usize = units.iter().map(|u| u.text.chars().count()).sum();
    let bold_chars: usize = units
        .iter()
        .filter(|u| u.bold)
        .map(|u| u.text.chars().count())
        .sum();
    let mut sizes: Vec<f32> = units.iter().map(|u| u.size).collect();
    sizes.sort_by(f32::total_cmp);
    Some(Fragment {
        text,
        x0: first.x0,
        x1: right_edge(units),
        y: first.y,
        size: sizes[sizes.len() / 2],
        bold: bold_chars * 2 > chars,
        rtl,
    })
}

/// A line drawn left to right, read back in logical order. In a right-to-left line the units
/// are reversed, then each run of left-to-right text (Latin words, numbers) is turned back to its
/// own order; in a left-to-right line only the right-to-left runs are reversed.
fn logical_from_visual(visual: &[&str], rtl: bool) -> String {
    let is_ltr = |s: &str| {
        s.chars()
            .any(|c| strong_direction(c) == Some(false) || c.is_numeric())
    };
    let is_rtl = |s: &str| s.chars().any(|c| strong_direction(c) == Some(true));
    let mut units: Vec<&str> = visual.to_vec();
    if rtl {
        units.reverse();
        reverse_runs(&mut units, is_ltr);
    } else {
        reverse_runs(&mut units, is_rtl);
    }
    units.concat()
}

/// Reverses each maximal run of units that `inside` accepts, joined across spaces and
/// separators that have such units on both sides.
fn reverse_runs(units: &mut [&str], inside: impl Fn(&str) -> bool) {
    let is_joiner = |s: &str| {
        s.chars().all(|c| {
            c == ' '
                || matches!(
                    c,
                    '.' | ',' | ':' | '/' | '-' | '%' | '+' | '\'' | '٫' | '٬'
                )
        })
    };
    let mut i = 0;
    while i < units.len() {
        if !inside(units[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut last = i;
        while end < units.len() && (inside(units[end]) || is_joiner(units[end])) {
            if inside(units[end]) {
                last = end;
            }
            end += 1;
        }
        units[i..=last].reverse();
        i = last + 1;
    }
}

/// `Some(true)` for right-to-left letters, `Some(false)` for left-to-right ones, `None` for the rest.
pub(crate) fn strong_direction(c: char) -> Option<bool> {
    match c {
        '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{fefe}' => {
            (c.is_alphabetic() || is_mark(c))
                .then_some(true)
                .filter(|_| !c.is_numeric())
        }
        _ if c.is_alphabetic() => Some(false),
        _ => None,
    }
}

/// Combining marks (harakat, shadda) and other zero-width signs drawn on a letter.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}' | '\u{0300}'..='\u{036f}')
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
