//! Everything needed to lay out and paint text in the window, bundled for passing around.

use super::LayoutEngine;
use super::atlas::GlyphAtlas;
use super::label_cache::LabelCache;

/// Layout engine, glyph atlas and label cache.
#[derive(Debug)]
pub struct TextSystem {
    /// Layout with the font system.
    pub engine: LayoutEngine,
    /// Glyphs in an egui texture.
    pub atlas: GlyphAtlas,
    /// Layouts of interface texts.
    pub labels: LabelCache,
}

impl TextSystem {
    /// A text system over a layout engine.
    pub fn new(engine: LayoutEngine) -> Self {
        Self {
            engine,
            atlas: GlyphAtlas::default(),
            labels: LabelCache::default(),
        }
    }
}
