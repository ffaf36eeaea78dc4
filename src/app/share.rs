//! Sharing quotes as images: a card drawn in the background, put on the clipboard and saved
//! as PNG beside the document (or in the data folder).

use super::QariApp;
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
        let (_, targets) = d.output_targets(&format!("quote-{number}.png"));
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
        let (_, targets) = d.output_targets("passage.png");
        self.jobs.render_card(card, targets);
    }
}
