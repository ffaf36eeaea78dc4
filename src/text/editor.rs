//! The editing model of a text field: text, caret, selection and undo, in logical char units.
//!
//! Nothing here knows about layout or painting; visual caret movement lives in
//! [`super::caret`], which turns a layout into the logical positions this model moves to.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Most undo steps kept.
const UNDO_LIMIT: usize = 100;

/// What the last edit was, so consecutive typing undoes as one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditKind {
    /// Not an edit (a move, a selection) or an edit that stands alone.
    Other,
    /// Typed characters.
    Typing,
    /// Backspace or Delete.
    Deleting,
}

/// The state undo returns to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    text: String,
    cursor: usize,
    anchor: usize,
}

/// A text being edited: the text, a caret (`cursor`), the other end of the selection
/// (`anchor`), and undo/redo stacks. Positions are char indices, `0..=char_count`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EditText {
    text: String,
    cursor: usize,
    anchor: usize,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last: Option<EditKind>,
}

impl EditText {
    /// A text with the caret at its end.
    pub fn new(text: &str) -> Self {
        let n = text.chars().count();
        Self {
            text: text.to_string(),
            cursor: n,
            anchor: n,
            ..Self::default()
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of chars.
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// The caret (the moving end of the selection).
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The fixed end of the selection (equal to the caret when nothing is selected).
    pub fn anchor(&self) -> usize {
        self.anchor
    }

    /// The selected chars, in logical order (empty when nothing is selected).
    pub fn selection(&self) -> Range<usize> {
        self.cursor.min(self.anchor)..self.cursor.max(self.anchor)
    }

    /// Whether anything is selected.
    pub fn has_selection(&self) -> bool {
        self.cursor != self.anchor
    }

    /// The selected text.
    pub fn selected_text(&self) -> &str {
        let r = self.selection();
        &self.text[self.byte_of(r.start)..self.byte_of(r.end)]
    }

    /// Replaces the whole text from outside (the app changed it): caret at the end, no undo.
    pub fn reset(&mut self, text: &str) {
        *self = Self::new(text);
    }

    /// Byte offset of a char position (clamped to the end).
    fn byte_of(&self, pos: usize) -> usize {
        self.text
            .char_indices()
            .nth(pos)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Char position of a byte offset.
    fn char_of(&self, byte: usize) -> usize {
        self.text[..byte.min(self.text.len())].chars().count()
    }

    /// Moves the caret to `pos`; with `extend` the selection grows, otherwise it collapses.
    pub fn move_to(&mut self, pos: usize, extend: bool) {
        let pos = pos.min(self.char_len());
        self.cursor = pos;
        if !extend {
            self.anchor = pos;
        }
        self.last = None;
    }

    /// Selects `range` with the caret at its end.
    pub fn select(&mut self, range: Range<usize>) {
        let n = self.char_len();
        self.anchor = range.start.min(n);
        self.cursor = range.end.min(n);
        self.last = None;
    }

    /// Selects everything.
    pub fn select_all(&mut self) {
        self.select(0..self.char_len());
    }

    /// Records the state before an edit of `kind`; typing or deleting in a row is one step.
    fn checkpoint(&mut self, kind: EditKind) {
        let coalesce = kind != EditKind::Other && self.last == Some(kind);
        if !coalesce {
            self.undo.push(Snapshot {
                text: self.text.clone(),
                cursor: self.cursor,
                anchor: self.anchor,
            });
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last = Some(kind);
    }

    fn replace_selection(&mut self, with: &str) {
        let r = self.selection();
        let (a, b) = (self.byte_of(r.start), self.byte_of(r.end));
        self.text.replace_range(a..b, with);
        self.cursor = r.start + with.chars().count();
        self.anchor = self.cursor;
    }

    /// Types `s` over the selection. Returns whether the text changed.
    pub fn type_text(&mut self, s: &str) -> bool {
        if s.is_empty() {
            return false;
        }
        // A space or a selection being replaced ends the typing run, as in most editors.
        let kind = if self.has_selection() || s.chars().any(char::is_whitespace) {
            EditKind::Other
        } else {
            EditKind::Typing
        };
        self.checkpoint(kind);
        self.replace_selection(s);
        true
    }

    /// Pastes `s` over the selection as one undo step. Returns whether the text changed.
    pub fn paste(&mut self, s: &str) -> bool {
        if s.is_empty() && !self.has_selection() {
            return false;
        }
        self.checkpoint(EditKind::Other);
        self.replace_selection(s);
        true
    }

    /// Deletes the selection, or the char before the caret (Backspace).
    ///
    /// One char, not one grapheme: Backspace after a letter with harakat takes off the last mark.
    pub fn backspace(&mut self) -> bool {
        if self.has_selection() {
            return self.paste("");
        }
        if self.cursor == 0 {
            return false;
        }
        self.checkpoint(EditKind::Deleting);
        self.anchor = self.cursor - 1;
        self.replace_selection("");
        true
    }

    /// Deletes the selection, or the grapheme after the caret (Delete).
    pub fn delete_forward(&mut self) -> bool {
        if self.has_selection() {
            return self.paste("");
        }
        let next = self.next_grapheme(self.cursor);
        if next == self.cursor {
            return false;
        }
        self.checkpoint(EditKind::Deleting);
        self.anchor = next;
        self.replace_selection("");
        true
    }

    /// Deletes from the previous word start to the caret (Ctrl+Backspace), or the selection.
    pub fn backspace_word(&mut self) -> bool {
        if !self.has_selection() {
            self.anchor = self.word_start_before(self.cursor);
        }
        self.paste("")
    }

    /// Removes and returns the selection (Cut), as one undo step.
    pub fn cut(&mut self) -> Option<String> {
        if !self.has_selection() {
            return None;
        }
        let s = self.selected_text().to_string();
        self.paste("");
        Some(s)
    }

    /// Goes back one edit. Returns whether anything changed.
    pub fn undo(&mut self) -> bool {
        let Some(s) = self.undo.pop() else {
            return false;
        };
        let now = Snapshot {
            text: std::mem::replace(&mut self.text, s.text),
            cursor: self.cursor,
            anchor: self.anchor,
        };
        self.redo.push(now);
        self.cursor = s.cursor;
        self.anchor = s.anchor;
        self.last = None;
        true
    }

    /// Redoes the last undone edit. Returns whether anything changed.
    pub fn redo(&mut self) -> bool {
        let Some(s) = self.redo.pop() else {
            return false;
        };
        let now = Snapshot {
            text: std::mem::replace(&mut self.text, s.text),
            cursor: self.cursor,
            anchor: self.anchor,
        };
        self.undo.push(now);
        self.cursor = s.cursor;
        self.anchor = s.anchor;
        self.last = None;
        true
    }

    /// The grapheme boundary after `pos` (or `pos` at the end).
    pub fn next_grapheme(&self, pos: usize) -> usize {
        let b = self.byte_of(pos);
        let next = self.text[b..]
            .grapheme_indices(true)
            .nth(1)
            .map_or(self.text.len(), |(i, _)| b + i);
        self.char_of(next)
    }

    /// The grapheme boundary before `pos` (or 0).
    pub fn prev_grapheme(&self, pos: usize) -> usize {
        let b = self.byte_of(pos);
        let prev = self.text[..b]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i);
        self.char_of(prev)
    }

    /// Whether `pos` is between two graphemes (a place the caret may stand).
    pub fn is_grapheme_boundary(&self, pos: usize) -> bool {
        pos == 0 || pos >= self.char_len() || self.next_grapheme(self.prev_grapheme(pos)) == pos
    }

    /// For every position `0..=char_len`, whether the caret may stand there.
    pub fn grapheme_boundaries(&self) -> Vec<bool> {
        let mut out = vec![false; self.char_len() + 1];
        let mut pos = 0;
        for g in self.text.graphemes(true) {
            if let Some(b) = out.get_mut(pos) {
                *b = true;
            }
            pos += g.chars().count();
        }
        if let Some(b) = out.get_mut(pos) {
            *b = true;
        }
        out
    }

    /// Word ranges (runs of letters, digits and marks) in chars.
    fn words(&self) -> Vec<Range<usize>> {
        self.text
            .unicode_word_indices()
            .map(|(b, w)| {
                let start = self.char_of(b);
                start..start + w.chars().count()
            })
            .collect()
    }

    /// Start of the word at or before `pos` (Ctrl+arrow backwards).
    pub fn word_start_before(&self, pos: usize) -> usize {
        self.words()
            .into_iter()
            .rev()
            .find(|w| w.start < pos)
            .map_or(0, |w| w.start)
    }

    /// End of the word at or after `pos` (Ctrl+arrow forwards).
    pub fn word_end_after(&self, pos: usize) -> usize {
        self.words()
            .into_iter()
            .find(|w| w.end > pos)
            .map_or(self.char_len(), |w| w.end)
    }

    /// The word around `pos` (double-click); the grapheme there when it is not in a word.
    pub fn word_at(&self, pos: usize) -> Range<usize> {
        self.words()
            .into_iter()
            .find(|w| w.start <= pos && pos < w.end || w.end == pos && pos > w.start)
            .unwrap_or_else(|| pos..self.next_grapheme(pos))
    }

    /// Start of the line (after the last newline) that holds `pos`.
    pub fn line_start(&self, pos: usize) -> usize {
        let b = self.byte_of(pos);
        self.text[..b]
            .rfind('\n')
            .map_or(0, |i| self.char_of(i + 1))
    }

    /// End of the line (before the next newline) that holds `pos`.
    pub fn line_end(&self, pos: usize) -> usize {
        let b = self.byte_of(pos);
        self.text[b..]
            .find('\n')
            .map_or(self.char_len(), |i| self.char_of(b + i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_replaces_the_selection_and_undo_takes_a_typing_run_back_at_once() {
        let mut e = EditText::new("");
        for c in ["ع", "ل", "ي"] {
            e.type_text(c);
        }
        e.type_text(" ");
        for c in ["ج", "م", "ع", "ة"] {
            e.type_text(c);
        }
        assert_eq!(e.text(), "علي جمعة");
        assert_eq!(e.cursor(), 8);
        assert!(e.undo());
        assert_eq!(e.text(), "علي ");
        assert!(e.undo());
        assert_eq!(e.text(), "علي");
        assert!(e.redo());
        assert_eq!(e.text(), "علي ");
        e.select(0..3);
        e.type_text("محمد");
        assert_eq!(e.text(), "محمد ");
        assert!(e.undo());
        assert_eq!(e.text(), "علي ");
        assert_eq!(e.selection(), 0..3);
        // A new edit drops what could be redone.
        e.type_text("x");
        assert!(!e.redo());
    }

    #[test]
    fn backspace_takes_one_char_and_delete_one_grapheme() {
        // "شدّة": shadda is its own char, joined to the dal in one grapheme.
        let mut e = EditText::new("شدّة");
        e.move_to(3, false);
        assert!(e.backspace());
        assert_eq!(e.text(), "شدة");
        let mut e = EditText::new("شدّة");
        e.move_to(1, false);
        assert!(e.delete_forward());
        assert_eq!(e.text(), "شة");
        e.move_to(0, false);
        assert!(!e.backspace());
        e.move_to(2, false);
        assert!(!e.delete_forward());
    }

    #[test]
    fn cut_and_paste_are_single_undo_steps() {
        let mut e = EditText::new("قال 25 مرة Hello");
        e.select(4..6);
        assert_eq!(e.selected_text(), "25");
        assert_eq!(e.cut().as_deref(), Some("25"));
        assert_eq!(e.text(), "قال  مرة Hello");
        e.move_to(e.char_len(), false);
        e.paste(" 25");
        assert_eq!(e.text(), "قال  مرة Hello 25");
        e.undo();
        e.undo();
        assert_eq!(e.text(), "قال 25 مرة Hello");
        assert_eq!(
            e.selected_text(),
            "25",
            "undoing the cut selects its text again"
        );
        e.move_to(0, false);
        assert_eq!(e.cut(), None, "nothing to cut without a selection");
    }

    #[test]
    fn words_and_lines() {
        let e = EditText::new("قال 25 مرة Hello\nثاني سطر");
        assert_eq!(e.word_start_before(9), 7);
        assert_eq!(e.word_start_before(7), 4);
        assert_eq!(e.word_end_after(0), 3);
        assert_eq!(e.word_end_after(3), 6);
        assert_eq!(e.word_at(8), 7..10);
        assert_eq!(e.word_at(3), 0..3, "the end of a word belongs to it");
        assert_eq!(e.line_start(20), 17);
        assert_eq!(e.line_end(2), 16);
        assert_eq!(e.line_end(18), e.char_len());
        let mut e = e;
        e.move_to(10, false);
        e.backspace_word();
        assert_eq!(e.text(), "قال 25  Hello\nثاني سطر");
    }

    #[test]
    fn positions_clamp_and_graphemes_step_over_marks() {
        let mut e = EditText::new("بِسْم");
        assert_eq!(e.next_grapheme(0), 2);
        assert_eq!(e.prev_grapheme(4), 2);
        assert!(!e.is_grapheme_boundary(1));
        assert!(e.is_grapheme_boundary(2));
        assert_eq!(
            e.grapheme_boundaries(),
            vec![true, false, true, false, true, true]
        );
        e.move_to(99, false);
        assert_eq!(e.cursor(), 5);
        e.select(1..99);
        assert_eq!(e.selected_text(), "ِسْم");
        e.select_all();
        assert_eq!(e.selection(), 0..5);
    }
}
