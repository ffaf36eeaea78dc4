//! Anchors: where a highlight sits, kept as offsets plus the exact text and its surroundings,
//! so it can be found again after the file changed a little.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::document::Document;

/// Characters of context kept on each side of a highlight.
pub const CONTEXT_CHARS: usize = 32;

/// A document's blocks (title, headings, paragraphs, in page order) as one char sequence.
///
/// Offsets are chars in the blocks joined with one `\n` between them.
#[derive(Debug, Clone)]
pub struct DocText {
    chars: Vec<char>,
    block_starts: Vec<usize>,
}

impl DocText {
    /// The text of a document in reading order: title, then each section's heading and paragraphs.
    pub fn new(doc: &Document) -> Self {
        let mut blocks: Vec<&str> = vec![doc.title.as_str()];
        for section in &doc.sections {
            if let Some(h) = &section.heading {
                blocks.push(h);
            }
            blocks.extend(section.paragraphs.iter().map(String::as_str));
        }
        Self::from_blocks(&blocks)
    }

    /// The text of the given blocks.
    pub fn from_blocks(blocks: &[&str]) -> Self {
        let mut chars = Vec::new();
        let mut block_starts = Vec::with_capacity(blocks.len());
        for (i, b) in blocks.iter().enumerate() {
            if i > 0 {
                chars.push('\n');
            }
            block_starts.push(chars.len());
            chars.extend(b.chars());
        }
        Self {
            chars,
            block_starts,
        }
    }

    /// Global offset of a (block, char) position.
    pub fn offset(&self, block: usize, char: usize) -> usize {
        self.block_starts
            .get(block)
            .map_or(self.chars.len(), |s| (s + char).min(self.chars.len()))
    }

    /// The (block, char) position of a global offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let block = self
            .block_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.block_starts.get(block).copied().unwrap_or(0);
        (block, offset.saturating_sub(start))
    }

    /// The text of a global char range.
    pub fn slice(&self, range: Range<usize>) -> String {
        let end = range.end.min(self.chars.len());
        let start = range.start.min(end);
        self.chars[start..end].iter().collect()
    }

    /// Length in chars.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// No text at all.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    fn find_all(&self, needle: &[char]) -> Vec<usize> {
        if needle.is_empty() || needle.len() > self.chars.len() {
            return Vec::new();
        }
        (0..=self.chars.len() - needle.len())
            .filter(|&i| self.chars[i..i + needle.len()] == *needle)
            .collect()
    }
}

/// Where a highlight is: offsets, and the text that was there with its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Global char offset where it starts.
    pub start: usize,
    /// Global char offset one past its end.
    pub end: usize,
    /// The highlighted text.
    pub exact: String,
    /// Up to 32 chars before it.
    pub prefix: String,
    /// Up to 32 chars after it.
    pub suffix: String,
}

impl Anchor {
    /// An anchor for a global char range of `text`.
    pub fn new(text: &DocText, range: Range<usize>) -> Self {
        let end = range.end.min(text.len());
        let start = range.start.min(end);
        Self {
            start,
            end,
            exact: text.slice(start..end),
            prefix: text.slice(start.saturating_sub(CONTEXT_CHARS)..start),
            suffix: text.slice(end..(end + CONTEXT_CHARS).min(text.len())),
        }
    }

    /// Finds the anchor in (possibly edited) text: at its offsets if the text is unchanged
    /// there, else the occurrence of its exact text whose context matches best.
    /// `None` when the exact text is gone (the highlight is orphaned).
    pub fn resolve(&self, text: &DocText) -> Option<Range<usize>> {
        if self.exact.is_empty() {
            return None;
        }
        if text.slice(self.start..self.end) == self.exact && self.end <= text.len() {
            return Some(self.start..self.end);
        }
        let needle: Vec<char> = self.exact.chars().collect();
        let n = needle.len();
        text.find_all(&needle)
            .into_iter()
            .max_by_key(|&at| {
                let before = text.slice(at.saturating_sub(CONTEXT_CHARS)..at);
                let after = text.slice(at + n..(at + n + CONTEXT_CHARS).min(text.len()));
                let score =
                    common_suffix(&before, &self.prefix) + common_prefix(&after, &self.suffix);
                // Equal context: prefer the occurrence nearest the old place.
                (score, usize::MAX - at.abs_diff(self.start))
            })
            .map(|at| at..at + n)
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(blocks: &[&str]) -> DocText {
        DocText::from_blocks(blocks)
    }

    #[test]
    fn offsets_and_positions_round_trip() {
        let t = text(&["عنوان", "فقرة أولى", "فقرة ثانية"]);
        assert_eq!(t.offset(1, 2), 8);
        assert_eq!(t.position(8), (1, 2));
        assert_eq!(t.position(t.offset(2, 0)), (2, 0));
    }

    #[test]
    fn unchanged_text_resolves_in_place() {
        let t = text(&["عنوان", "قالت الوزارة إن الوضع مستقر"]);
        let a = Anchor::new(&t, t.offset(1, 16)..t.offset(1, 21));
        assert_eq!(a.exact, "الوضع");
        assert_eq!(a.resolve(&t), Some(a.start..a.end));
    }

    #[test]
    fn edited_text_reattaches_by_context() {
        let old = text(&["عنوان", "الوضع هادئ. قالت الوزارة إن الوضع مستقر"]);
        let a = Anchor::new(&old, old.offset(1, 28)..old.offset(1, 33));
        assert_eq!(a.exact, "الوضع");
        // A sentence is inserted before: offsets shift, the second "الوضع" is still chosen.
        let new = text(&[
            "عنوان",
            "جملة جديدة. الوضع هادئ. قالت الوزارة إن الوضع مستقر",
        ]);
        let r = a.resolve(&new).unwrap();
        assert_eq!(new.position(r.start), (1, 40));
        assert_eq!(new.slice(r), "الوضع");
    }

    #[test]
    fn removed_text_is_orphaned() {
        let old = text(&["عنوان", "قالت الوزارة إن الوضع مستقر"]);
        let a = Anchor::new(&old, old.offset(1, 0)..old.offset(1, 12));
        let new = text(&["عنوان", "أعلنت الحكومة أن الوضع مستقر"]);
        assert_eq!(a.resolve(&new), None);
    }
}
