//! The sidebar's view state: tab, filter, hovered/selected entity and quote, card heights.

use std::collections::HashMap;

/// Which list the sidebar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum SidebarTab {
    /// People, places, organizations, hashtags, dates.
    #[default]
    Entities,
    /// Direct quotes with speakers.
    Quotes,
    /// The reader's highlights.
    Highlights,
    /// Section headings.
    Contents,
}

/// The sidebar's view state.
#[derive(Debug, Clone, Default)]
pub struct SidebarState {
    /// Shown at all.
    pub open: bool,
    /// The tab shown.
    pub tab: SidebarTab,
    /// Entity filter text.
    pub filter: String,
    /// The entity under the pointer this frame.
    pub hovered_entity: Option<usize>,
    /// The entity whose mentions are all marked.
    pub selected_entity: Option<usize>,
    /// The quote card last clicked.
    pub selected_quote: Option<usize>,
    /// Shown floating over the text in a narrow window (where `open` does not apply).
    pub overlay: bool,
    /// Underline every entity mention in its kind's colour.
    pub underline: bool,
    /// List one- and two-word quotes too.
    pub show_short: bool,
    /// Per entity, the mention the next click jumps to.
    pub next_mention: HashMap<usize, usize>,
    /// Measured heights of quote cards (with spacing) at `card_width`.
    pub card_heights: HashMap<usize, f32>,
    /// The list width the card heights were measured at.
    pub card_width: i32,
}

impl SidebarState {
    /// Whether the sidebar is shown: as a column, or in a narrow window as an overlay.
    pub fn shown(&self, narrow: bool) -> bool {
        if narrow { self.overlay } else { self.open }
    }

    /// Clears what belongs to the previous document.
    pub fn reset_for_document(&mut self) {
        self.filter.clear();
        self.hovered_entity = None;
        self.selected_entity = None;
        self.selected_quote = None;
        self.next_mention.clear();
        self.card_heights.clear();
    }
}
