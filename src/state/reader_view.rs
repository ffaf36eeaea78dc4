//! Per-document view state of the reading pane: the page, selection, scroll and jump requests.

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
    /// A position to bring into view next frame (a third of the way down).
    pub jump_to: Option<TextPos>,
    /// Column width of the last frame.
    pub column_width: f32,
}

impl ReaderView {
    /// A view at the top of a page.
    pub fn new(page: Page) -> Self {
        Self {
            page,
            selection: None,
            scroll: 0.0,
            scroll_request: None,
            viewport_height: 0.0,
            visible_blocks: Vec::new(),
            jump_to: None,
            column_width: 0.0,
        }
    }

    /// The selected text, if something is selected.
    pub fn selected_text(&self) -> Option<String> {
        self.selection
            .filter(|s| !s.is_empty())
            .map(|s| s.text(&self.page))
    }
}
