//! Per-document view state of the reading pane: the page, selection, scroll and jump requests,
//! and where the reader is.

use crate::state::selection::{Selection, TextPos};
use crate::text::Page;

/// Per-document view state of the reading pane.
#[derive(Debug)]
pub struct ReaderView {
    /// The page of blocks and its layout cache.
    pub page: Page,
    /// The current selection, if any.
    pub selection: Option<Selection>,
    /// Scroll offset seen last frame.
    pub scroll: f32,
    /// A scroll offset to apply next frame.
    pub scroll_request: Option<f32>,
    /// Height of the visible area last frame.
    pub viewport_height: f32,
    /// Blocks placed on screen last frame (for tests and inspection).
    pub visible_blocks: Vec<usize>,
    /// A position to bring into view as soon as the page is laid out.
    pub jump_to: Option<Jump>,
    /// Column width of the last frame.
    pub column_width: f32,
    /// The first char shown at the top of the view last frame: where the reader is.
    pub top: Option<TextPos>,
    /// Where the reader was before the last jump (an entity, a quote, a match, a heading),
    /// until they go back or scroll on.
    pub return_to: Option<TextPos>,
}

/// A requested jump.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    /// Where to.
    pub to: TextPos,
    /// Put the target at the top of the view (a restored reading position) rather than a
    /// third of the way down (something pointed at).
    pub at_top: bool,
}

impl ReaderView {
    /// A view at the top of a page (the scroll of a previous document does not carry over).
    pub fn new(page: Page) -> Self {
        Self {
            page,
            selection: None,
            scroll: 0.0,
            scroll_request: Some(0.0),
            viewport_height: 0.0,
            visible_blocks: Vec::new(),
            jump_to: None,
            column_width: 0.0,
            top: None,
            return_to: None,
        }
    }

    /// Brings a position into view a third of the way down, remembering where the reader
    /// was so they can go back.
    pub fn show(&mut self, to: TextPos) {
        if self.return_to.is_none() {
            self.return_to = self.top;
        }
        self.jump_to = Some(Jump { to, at_top: false });
    }

    /// Puts a position at the top of the view (restoring a reading position).
    pub fn restore(&mut self, to: TextPos) {
        self.jump_to = Some(Jump { to, at_top: true });
    }

    /// The selected text, if something is selected.
    pub fn selected_text(&self) -> Option<String> {
        self.selection
            .filter(|s| !s.is_empty())
            .map(|s| s.text(&self.page))
    }
}
