//! One highlight: an anchored passage, its colour and an optional note.

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;

/// The five highlight colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum HighlightColor {
    /// Yellow.
    #[default]
    Yellow,
    /// Green.
    Green,
    /// Blue.
    Blue,
    /// Pink.
    Pink,
    /// Orange.
    Orange,
}

impl HighlightColor {
    /// All colours, in the order offered.
    pub const ALL: [Self; 5] = [
        Self::Yellow,
        Self::Green,
        Self::Blue,
        Self::Pink,
        Self::Orange,
    ];

    /// sRGB of the colour.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Self::Yellow => [0xff, 0xe0, 0x66],
            Self::Green => [0x9b, 0xe3, 0x8f],
            Self::Blue => [0x8f, 0xc6, 0xff],
            Self::Pink => [0xff, 0xa6, 0xc9],
            Self::Orange => [0xff, 0xbb, 0x6b],
        }
    }

    /// Lower-case English name (used in exports).
    pub fn name(self) -> &'static str {
        match self {
            Self::Yellow => "yellow",
            Self::Green => "green",
            Self::Blue => "blue",
            Self::Pink => "pink",
            Self::Orange => "orange",
        }
    }
}

/// A highlighted passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    /// Unique within its document.
    pub id: u64,
    /// Where it is.
    pub anchor: Anchor,
    /// Its colour.
    pub color: HighlightColor,
    /// The reader's note, possibly empty.
    #[serde(default)]
    pub note: String,
    /// Seconds since the Unix epoch when it was made.
    #[serde(default)]
    pub created: u64,
}
