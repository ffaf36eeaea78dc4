//! The page as the HTML extractor records it and the Readability-style scoring reads it: the
//! elements seen (`Node`, with what each means, `Kind`) and the runs of text between block
//! boundaries (`Block`). Both sides import these types from here, so neither imports the other.

use super::model::Direction;

/// What an element means to the extractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Text inside is never shown (script, style, forms…).
    Hidden,
    /// Page furniture dropped in `Page` mode (nav, header, footer, aside).
    Furniture,
    /// `<article>`.
    Article,
    /// `<main>`.
    Main,
    /// A heading `h1`–`h6`.
    Heading,
    /// A block holding text directly (`p`, `li`, `blockquote`…).
    Leaf,
    /// Another block container (`div`, `section`, `body`…).
    Block,
    /// Inline markup (`a`, `b`, `span`…).
    Inline,
}

/// The parent of a top-level element.
pub(super) const NO_PARENT: usize = usize::MAX;

/// One element seen in the page (kept after it closes, for choosing the main content).
pub(super) struct Node {
    /// The enclosing element (`NO_PARENT` at the top).
    pub(super) parent: usize,
    /// What the element means.
    pub(super) kind: Kind,
    /// Index of the first block produced inside the element.
    pub(super) first_block: usize,
    /// One past the last block produced inside it.
    pub(super) end_block: usize,
    /// Its `lang` (or `xml:lang`) attribute.
    pub(super) lang: Option<Box<str>>,
    /// Its `dir` attribute.
    pub(super) dir: Option<Direction>,
    /// Readability's starting score for the tag (`div` +5, lists −3, headings −5…).
    pub(super) tag_score: i8,
    /// +25 for content-like class and id names, −25 for furniture-like ones.
    pub(super) class_weight: i8,
}

/// A run of text between block boundaries.
pub(super) struct Block {
    /// The text, whitespace collapsed.
    pub(super) text: String,
    /// The heading level, for a heading.
    pub(super) heading: Option<u8>,
    /// The innermost element open when the text ended.
    pub(super) node: usize,
    /// Letters and other non-space characters.
    pub(super) chars: usize,
    /// How many of them are inside links.
    pub(super) link_chars: usize,
    /// Commas (Latin and Arabic).
    pub(super) commas: usize,
    /// Inside an element whose class or id names page furniture.
    pub(super) classed: bool,
}
