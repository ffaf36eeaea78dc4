//! Lines in reading order into headings and paragraphs: running headers, footers and page numbers dropped,
//! paragraphs ended by a gap, an indent, a short line or a change of type.

use std::collections::HashMap;

use super::letters::fold_letters;
use super::lines::Fragment;
use super::order::Placed;
use crate::document::model::Block;

/// A line this much larger than the body text is a heading.
const HEADING_SIZE: f32 = 1.15;
/// A gap between lines this many times the usual line pitch starts a paragraph.
const PARAGRAPH_GAP: f32 = 1.2;
/// A line ending this many ems before its column's end closes its paragraph.
const SHORT_LINE: f32 = 2.0;
/// A justified line ends within this many ems of its column's end.
const FLUSH: f32 = 0.3;
/// A line starting this many ems inside its column's start opens a paragraph.
const INDENT: f32 = 0.8;
/// Headings longer than this many words are body text set large.
const MAX_HEADING_WORDS: usize = 25;

/// One page's lines in reading order.
pub(crate) type Page = Vec<Placed>;

/// Edge lines in type this much smaller than the body are a running header or footer.
const FURNITURE_SIZE: f32 = 0.8;

/// Drops lines at the top or bottom of the pages that repeat on half of them (running headers,
/// footers), lone page numbers, and edge lines in small type (a browser's date, address and page
/// count, which a one-page print cannot show repeating).
pub(crate) fn drop_page_furniture(pages: &mut [Vec<Fragment>]) {
    let body_size = common_size(pages.iter().flatten());
    let edge_texts: Vec<Vec<String>> = pages.iter().map(Vec::as_slice).map(edge_lines).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for texts in &edge_texts {
        let mut unique: Vec<&str> = texts.iter().map(String::as_str).collect();
        unique.sort_unstable();
        unique.dedup();
        for text in unique {
            *seen.entry(text).or_default() += 1;
        }
    }
    let repeated: Vec<String> = seen
        .into_iter()
        .filter(|&(_, n)| pages.len() >= 2 && n * 2 >= pages.len() && n >= 2)
        .map(|(t, _)| t.to_string())
        .collect();
    for page in pages.iter_mut() {
        let (top, bottom) = vertical_extent(page);
        page.retain(|line| {
            let at_edge = line.y >= top - 0.5 || line.y <= bottom + 0.5;
            let key = furniture_key(&line.text);
            let small = line.size <= FURNITURE_SIZE * body_size;
            !(at_edge && (small || repeated.contains(&key) || is_page_number(&line.text)))
        });
    }
}

/// The top-most and bottom-most lines' texts, digits blanked so "page 3" matches "page 4".
fn edge_lines(page: &[Fragment]) -> Vec<String> {
    let (top, bottom) = vertical_extent(page);
    page.iter()
        .filter(|l| l.y >= top - 0.5 || l.y <= bottom + 0.5)
        .map(|l| furniture_key(&l.text))
        .collect()
}

fn vertical_extent(page: &[Fragment]) -> (f32, f32) {
    let top = page.iter().map(|l| l.y).fold(f32::MIN, f32::max);
    let bottom = page.iter().map(|l| l.y).fold(f32::MAX, f32::min);
    (top, bottom)
}

fn furniture_key(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_numeric() { '#' } else { c })
        .collect()
}

/// "3", "- 3 -", "3 / 12", "٣": a page number alone on its line.
fn is_page_number(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.chars().count() <= 12
        && text.chars().any(char::is_numeric)
        && text
            .chars()
            .all(|c| c.is_numeric() || matches!(c, ' ' | '-' | '/' | '–' | '|'))
}

/// The document's blocks from its pages' lines, and its title (the first heading of the first page).
pub(crate) fn blocks(pages: &[Page]) -> (Option<String>, Vec<Block>) {
    let lines: Vec<&Placed> = pages.iter().flatten().collect();
    let body = body_style(&lines);
    let mut blocks = Vec::new();
    let mut current: Vec<&Placed> = Vec::new();
    let mut previous: Option<&Placed> = None;
    for line in lines {
        if let Some(prev) = previous
            && breaks_between(prev, line, &body)
        {
            flush(&mut current, &body, &mut blocks);
        }
        current.push(line);
        previous = Some(line);
    }
    flush(&mut current, &body, &mut blocks);
    // A heading before any paragraph is the title.
    let title = match blocks.first() {
        Some(Block::Heading(text)) => Some(text.clone()),
        _ => None,
    };
    if title.is_some() {
        blocks.remove(0);
    }
    (title, blocks)
}

/// The body text's size and line pitch: the most common size, weighted by letters.
struct Body {
    size: f32,
    pitch: f32,
    bold: bool,
    /// Columns whose lines mostly stop short of the end edge: set ragged, not justified.
    ragged: Vec<usize>,
}

/// The most common type size, weighted by letters (to the half point).
fn common_size<'a>(fragments: impl Iterator<Item = &'a Fragment>) -> f32 {
    let mut by_size: HashMap<i32, usize> = HashMap::new();
    for fragment in fragments {
        *by_size
            .entry((fragment.size * 2.0).round() as i32)
            .or_default() += fragment.text.chars().count();
    }
    by_size
        .into_iter()
        .max_by_key(|&(size, n)| (n, -size))
        .map_or(10.0, |(size, _)| size as f32 / 2.0)
}

fn body_style(lines: &[&Placed]) -> Body {
    let size = common_size(lines.iter().map(|l| &l.fragment));
    let mut bold_chars = 0;
    let mut all_chars = 0;
    for line in lines {
        let n = line.fragment.text.chars().count();
        all_chars += n;
        if line.fragment.bold {
            bold_chars += n;
        }
    }
    // The usual pitch: the most common baseline step between consecutive body lines of a column.
    let mut steps: HashMap<i32, usize> = HashMap::new();
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.column_id == b.column_id && is_body(&a.fragment, size) && is_body(&b.fragment, size) {
            let step = a.fragment.y - b.fragment.y;
            if step > 0.0 {
                *steps.entry((step * 2.0).round() as i32).or_default() += 1;
            }
        }
    }
    let pitch = steps
        .into_iter()
        .max_by_key(|&(step, n)| (n, -step))
        .map_or(size * 1.4, |(step, _)| step as f32 / 2.0);
    // A column is ragged when under half its body lines end flush with its end edge.
    let mut reach: HashMap<usize, (usize, usize)> = HashMap::new();
    for line in lines {
        if !is_body(&line.fragment, size) {
            continue;
        }
        let f = &line.fragment;
        let (left, right) = line.column;
        let room = if f.rtl { f.x0 - left } else { right - f.x1 };
        let entry = reach.entry(line.column_id).or_default();
        entry.1 += 1;
        if room <= FLUSH * size {
            entry.0 += 1;
        }
    }
    let ragged = reach
        .into_iter()
        .filter(|&(_, (full, all))| all >= 4 && full * 2 < all)
        .map(|(id, _)| id)
        .collect();
    Body {
        size,
        pitch,
        bold: bold_chars * 2 > all_chars,
        ragged,
    }
}

fn is_body(fragment: &Fragment, body_size: f32) -> bool {
    (fragment.size - body_size).abs() <= 0.1 * body_size
}

fn is_heading_line(line: &Placed, body: &Body) -> bool {
    let f = &line.fragment;
    f.size >= HEADING_SIZE * body.size || (f.bold && !body.bold)
}

/// Whether a new block starts between two consecutive lines.
fn breaks_between(prev: &Placed, line: &Placed, body: &Body) -> bool {
    let (a, b) = (&prev.fragment, &line.fragment);
    if prev.column_id != line.column_id && (a.y - b.y) <= 0.0 {
        // A new column or page: the paragraph may go on (text flows across columns) unless the
        // previous line was short or the new one is indented.
        return is_heading_line(prev, body) != is_heading_line(line, body)
            || ends_short(prev, body);
    }
    let step = a.y - b.y;
    if is_heading_line(prev, body) != is_heading_line(line, body) {
        return true;
    }
    if (a.size - b.size).abs() > 0.1 * a.size.max(b.size) || a.bold != b.bold {
        return true;
    }
    // The usual pitch scales with the type: a title's lines are further apart than the body's.
    let pitch = body.pitch * a.size.max(b.size) / body.size.max(1.0);
    if step <= 0.0 || step > PARAGRAPH_GAP * pitch {
        return true;
    }
    ends_short(prev, body) || starts_indented(line, body)
}

/// The line stops well before its column's end (left edge for right-to-left text), in a column
/// whose lines are justified (in ragged text every line stops somewhere).
fn ends_short(line: &Placed, body: &Body) -> bool {
    if body.ragged.contains(&line.column_id) {
        return false;
    }
    let f = &line.fragment;
    let (left, right) = line.column;
    let room = if f.rtl { f.x0 - left } else { right - f.x1 };
    room > SHORT_LINE * body.size
}

/// The line starts inside its column's start (right edge for right-to-left text).
fn starts_indented(line: &Placed, body: &Body) -> bool {
    let f = &line.fragment;
    let (left, right) = line.column;
    let indent = if f.rtl { right - f.x1 } else { f.x0 - left };
    indent > INDENT * body.size && !ends_short(line, body)
}

/// Joins the collected lines into one block.
fn flush(lines: &mut Vec<&Placed>, body: &Body, blocks: &mut Vec<Block>) {
    if lines.is_empty() {
        return;
    }
    let heading = lines.iter().all(|l| is_heading_line(l, body));
    let mut text = String::new();
    for line in lines.iter() {
        join_line(&mut text, &line.fragment.text);
    }
    let text = fold_letters(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    lines.clear();
    if text.is_empty() {
        return;
    }
    if heading && text.split_whitespace().count() <= MAX_HEADING_WORDS {
        blocks.push(Block::Heading(text));
    } else {
        blocks.push(Block::Paragraph(text));
    }
}

/// Appends a line to a paragraph: a space between lines, or a Latin word's break hyphen removed.
fn join_line(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    let hyphenated = text.ends_with('-')
        && text
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c.is_ascii_alphabetic())
        && line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    if hyphenated {
        text.pop();
    } else {
        text.push(' ');
    }
    text.push_str(line);
}
