//! The reader's highlights: anchoring to document text, and saving them per document.

pub mod anchor;
pub mod atomic;
pub mod export;
pub mod highlight;
pub mod store;

pub use anchor::{Anchor, DocText};
pub use highlight::{Highlight, HighlightColor};
pub use store::{HighlightStore, StoreError};
