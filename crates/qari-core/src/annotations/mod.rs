//! The reader's highlights and reading positions: anchoring to document text, and saving
//! them per document.

pub mod anchor;
pub mod atomic;
pub mod export;
pub mod highlight;
pub mod positions;
pub mod store;

pub use anchor::{Anchor, DocText};
pub use highlight::{Highlight, HighlightColor};
pub use positions::{PositionStore, ReadingPosition};
pub use store::{HighlightStore, StoreError};
