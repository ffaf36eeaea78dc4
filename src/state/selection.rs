//! A text selection on the page: two caret positions in logical order across blocks.

use crate::text::Page;

/// A caret position: block index and logical char index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct TextPos {
    /// Block on the page (title, heading or paragraph).
    pub block: usize,
    /// Char index within the block, `0..=len`.
    pub char: usize,
}

/// What the user selected: where the drag started and where it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where selecting began.
    pub anchor: TextPos,
    /// Where it ends now (moves with the pointer).
    pub focus: TextPos,
}

impl Selection {
    /// An empty selection at one position.
    pub fn caret(at: TextPos) -> Self {
        Self {
            anchor: at,
            focus: at,
        }
    }

    /// Start and end in reading order.
    pub fn ordered(&self) -> (TextPos, TextPos) {
        if self.anchor <= self.focus {
            (self.anchor, self.focus)
        } else {
            (self.focus, self.anchor)
        }
    }

    /// Nothing selected.
    pub fn is_empty(&self) -> bool {
        self.anchor == self.focus
    }

    /// The selected char range within one block, if it touches it.
    pub fn range_in(&self, block: usize, block_len: usize) -> Option<std::ops::Range<usize>> {
        let (s, e) = self.ordered();
        if block < s.block || block > e.block {
            return None;
        }
        let start = if block == s.block { s.char } else { 0 };
        let end = if block == e.block { e.char } else { block_len };
        (start < end).then_some(start..end.min(block_len))
    }

    /// The selected text in logical (reading) order; blocks are separated by a line break.
    pub fn text(&self, page: &Page) -> String {
        let (s, e) = self.ordered();
        let mut out = String::new();
        for b in s.block..=e.block.min(page.blocks.len().saturating_sub(1)) {
            let text = &page.blocks[b].text;
            let len = text.chars().count();
            let Some(range) = self.range_in(b, len) else {
                if b > s.block && b < e.block {
                    out.push('\n');
                }
                continue;
            };
            if !out.is_empty() || b > s.block {
                out.push('\n');
            }
            out.extend(text.chars().skip(range.start).take(range.len()));
        }
        out
    }

    /// Everything on the page.
    pub fn all(page: &Page) -> Option<Self> {
        let last = page.blocks.len().checked_sub(1)?;
        Some(Self {
            anchor: TextPos { block: 0, char: 0 },
            focus: TextPos {
                block: last,
                char: page.blocks[last].text.chars().count(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn page() -> Page {
        Page::new(&Document::new(
            "عنوان",
            vec!["فقرة أولى".into(), "فقرة ثانية".into()],
        ))
    }

    #[test]
    fn text_across_blocks_is_in_logical_order() {
        let p = page();
        let sel = Selection {
            anchor: TextPos { block: 2, char: 4 },
            focus: TextPos { block: 1, char: 5 },
        };
        assert_eq!(sel.text(&p), "أولى\nفقرة");
    }

    #[test]
    fn select_all_copies_everything() {
        let p = page();
        let sel = Selection::all(&p);
        assert_eq!(
            sel.map(|s| s.text(&p)).as_deref(),
            Some("عنوان\nفقرة أولى\nفقرة ثانية")
        );
    }
}
