//! Sharing quotes as images: a card drawn in the background, put on the clipboard and saved
//! as PNG beside the document (or in the data folder).

use std::path::PathBuf;

use super::QariApp;
use crate::annotations::HighlightStore;
use crate::text::card::QuoteCard;

impl QariApp {
    /// Shares quote `index` of the analysis as a card.
    pub(super) fn share_quote(&mut self, index: usize) {
        let Some(d) = &self.document else { return };
        let Some(analysis) = d.analysis.as_ref() else {
            return;
        };
        let Some(q) = analysis.quotes.get(index) else {
            return;
        };
        // Numbered as `qari analyze` and `qari card --quote N` count them.
        let number = analysis
            .listed_quotes()
            .position(|l| std::ptr::eq(l, q))
            .map_or(index + 1, |n| n + 1);
        let card = QuoteCard {
            quote: q.text.clone(),
            speaker: q.speaker.clone(),
            title: d.doc.title.clone(),
        };
        let targets = self.card_targets(&format!("quote-{number}"));
        self.jobs.render_card(card, targets);
    }

    /// Shares the selected passage as a card (no speaker).
    pub(super) fn share_selection(&mut self) {
        let Some(d) = &self.document else { return };
        let Some(text) = d.view.selected_text() else {
            return;
        };
        let card = QuoteCard {
            quote: text.split_whitespace().collect::<Vec<_>>().join(" "),
            speaker: None,
            title: d.doc.title.clone(),
        };
        let targets = self.card_targets("passage");
        self.jobs.render_card(card, targets);
    }

    /// Where a card may be written: beside the document, else in the data folder.
    fn card_targets(&self, what: &str) -> Vec<PathBuf> {
        let Some(d) = &self.document else {
            return Vec::new();
        };
        let stem = d
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "document".into());
        let name = format!("{stem}.{what}.png");
        let beside = d.path.parent().map(|p| p.join(&name));
        let data = HighlightStore::default_data_dir().map(|p| p.join(&name));
        [beside, data].into_iter().flatten().collect()
    }
}
