//! Saving and exporting the open document's highlights, and telling the reader about orphans.

use crate::state::messages::Message;
use crate::state::notices::NoticeKind;

use super::QariApp;

impl QariApp {
    /// Writes pending highlight changes (all of them with `now`); failures become notices.
    pub(super) fn save_highlights(&mut self, now: bool) {
        if let Some(d) = &mut self.document
            && let Err(err) = d.highlights.save_if_due(now)
        {
            self.notices.push(
                NoticeKind::Error,
                &Message::HighlightsNotSaved(&err.to_string()),
            );
        }
    }

    /// Tells the reader about highlights that no longer match the file.
    pub(super) fn report_orphans(&mut self) {
        let Some(d) = &self.document else { return };
        let n = (0..d.highlights.items.len())
            .filter(|&i| d.highlights.is_orphaned(i))
            .count();
        if n > 0 {
            self.notices
                .push(NoticeKind::Warning, &Message::Orphaned(n));
        }
    }

    /// Writes the highlights as Markdown or JSON beside the document (or in the data folder).
    pub(super) fn export_highlights(&mut self, markdown: bool) {
        let Some(d) = &self.document else { return };
        let h = &d.highlights;
        let orphaned = |x: &crate::annotations::Highlight| {
            h.items
                .iter()
                .position(|y| y.id == x.id)
                .is_some_and(|i| h.is_orphaned(i))
        };
        let (body, ext) = if markdown {
            (
                crate::annotations::export::to_markdown(&d.doc.title, &h.items, orphaned),
                "md",
            )
        } else {
            (
                crate::annotations::export::to_json(&d.doc.title, &h.items, orphaned),
                "json",
            )
        };
        let (name, targets) = d.output_targets(&format!("highlights.{ext}"));
        self.jobs.write_export(targets, name, body);
    }
}
