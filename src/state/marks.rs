//! Marks drawn on the page behind or under the text: highlights, search hits, entity mentions.

use std::collections::HashMap;
use std::ops::Range;

use egui::Color32;

use crate::analysis::EntityKind;

/// How a mark is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MarkStyle {
    /// A filled rectangle behind the glyphs.
    Fill(Color32),
    /// A line under the glyphs.
    Underline(Color32),
    /// A frame around the glyphs.
    Outline(Color32),
}

/// One marked char range in a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Logical char range within the block.
    pub chars: Range<usize>,
    /// How it looks.
    pub style: MarkStyle,
}

/// Marks grouped by block, so painting looks up only the visible blocks.
#[derive(Debug, Clone, Default)]
pub struct MarkSet {
    by_block: HashMap<usize, Vec<Mark>>,
}

impl MarkSet {
    /// Adds a mark on a block.
    pub fn add(&mut self, block: usize, chars: Range<usize>, style: MarkStyle) {
        if chars.is_empty() {
            return;
        }
        self.by_block
            .entry(block)
            .or_default()
            .push(Mark { chars, style });
    }

    /// The marks on a block.
    pub fn on(&self, block: usize) -> &[Mark] {
        self.by_block.get(&block).map_or(&[], Vec::as_slice)
    }

    /// No marks at all.
    pub fn is_empty(&self) -> bool {
        self.by_block.is_empty()
    }
}

/// The colour a kind is marked in.
pub fn kind_color(kind: EntityKind) -> Color32 {
    match kind {
        EntityKind::Person => Color32::from_rgb(0x2f, 0x6f, 0xd0),
        EntityKind::Place => Color32::from_rgb(0x2e, 0x9a, 0x4a),
        EntityKind::Organization => Color32::from_rgb(0xc8, 0x70, 0x10),
        EntityKind::Hashtag => Color32::from_rgb(0x8e, 0x44, 0xad),
        EntityKind::Date => Color32::from_rgb(0x13, 0x8d, 0x90),
        EntityKind::Misc => Color32::GRAY,
    }
}
