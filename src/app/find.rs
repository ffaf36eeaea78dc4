//! Running the find bar's search and marking its matches.

use crate::state::marks::{MarkSet, MarkStyle};
use crate::state::selection::TextPos;

use super::QariApp;

impl QariApp {
    /// Searches again when the query or options changed; the first match is shown.
    pub(super) fn refresh_find(&mut self) {
        let Some(d) = &self.document else { return };
        let key = (self.find.query.clone(), self.find.options);
        if !self.find.open || self.find.searched.as_ref() == Some(&key) {
            return;
        }
        let texts = d.view.page.blocks.iter().map(|b| b.text.as_str());
        self.find.matches = crate::search::find_all(texts, &key.0, key.1);
        self.find.searched = Some(key);
        self.find.current = None;
        let hit = self.find.step(true);
        self.show_find_match(hit);
    }

    /// Jumps to a match and redraws the match marks with it as current.
    pub(super) fn show_find_match(&mut self, hit: Option<(usize, std::ops::Range<usize>)>) {
        let mut marks = MarkSet::default();
        let all = egui::Color32::from_rgba_unmultiplied(255, 214, 0, 90);
        let current = egui::Color32::from_rgb(0xe6, 0x7e, 0x00);
        for (block, range) in &self.find.matches {
            marks.add(*block, range.clone(), MarkStyle::Fill(all));
        }
        if let Some((block, range)) = hit {
            marks.add(block, range.clone(), MarkStyle::Outline(current));
            if let Some(d) = &mut self.document {
                d.view.show(TextPos {
                    block,
                    char: range.start,
                });
            }
        }
        self.find_marks = marks;
    }
}
