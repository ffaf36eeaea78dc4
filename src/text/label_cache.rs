//! Layouts of short interface texts (sidebar entries, quote cards), cached by text, style and width.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::layout::{LayoutEngine, ParagraphLayout};
use super::style::TextStyle;

/// Most layouts kept before the cache is emptied.
const LIMIT: usize = 4000;

/// Cached layouts of interface texts.
#[derive(Debug, Default)]
pub struct LabelCache {
    map: HashMap<(u64, u32, u64), Arc<ParagraphLayout>>,
}

impl LabelCache {
    /// The layout of `text` in `style` wrapped at `width`, laid out on first use.
    pub fn get(
        &mut self,
        engine: &mut LayoutEngine,
        text: &str,
        style: &TextStyle,
        width: f32,
    ) -> Arc<ParagraphLayout> {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        let key = (h.finish(), width.to_bits(), style.layout_key());
        if let Some(l) = self.map.get(&key) {
            return l.clone();
        }
        if self.map.len() >= LIMIT {
            self.map.clear();
        }
        let layout = Arc::new(engine.layout(text, style, width));
        self.map.insert(key, layout.clone());
        layout
    }

    /// Drops every cached layout (fonts changed).
    pub fn clear(&mut self) {
        self.map.clear();
    }
}
