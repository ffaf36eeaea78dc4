//! The open document's highlights: adding, editing, deleting with undo, resolving, saving.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::annotations::store::Loaded;
use crate::annotations::{Anchor, DocText, Highlight, HighlightColor, HighlightStore, StoreError};
use crate::state::marks::{MarkSet, MarkStyle};

/// How long after the last change highlights are written.
const SAVE_DELAY: Duration = Duration::from_millis(600);

/// A document's highlights and where they are in its current text.
#[derive(Debug)]
pub struct DocHighlights {
    /// The document's text as anchors see it.
    pub text: DocText,
    /// Content hash the highlights are filed under.
    pub hash: String,
    /// Highlights in the order they were made.
    pub items: Vec<Highlight>,
    /// Where each highlight is now (global char range), or `None` if orphaned.
    pub resolved: Vec<Option<Range<usize>>>,
    /// The last deleted highlight and its place in the list, for undo.
    pub deleted: Option<(usize, Highlight)>,
    store: Option<HighlightStore>,
    path: PathBuf,
    title: String,
    dirty_since: Option<Instant>,
    /// Fill marks of the resolved highlights, by block.
    pub marks: MarkSet,
}

impl DocHighlights {
    /// Highlights read for a document; anchors are resolved against its current text.
    pub fn new(
        text: DocText,
        hash: String,
        loaded: Loaded,
        store: Option<HighlightStore>,
        path: &Path,
        title: &str,
    ) -> Self {
        let mut me = Self {
            text,
            hash,
            items: loaded.highlights,
            resolved: Vec::new(),
            deleted: None,
            store,
            path: path.to_path_buf(),
            title: title.to_string(),
            dirty_since: None,
            marks: MarkSet::default(),
        };
        me.resolve();
        if loaded.from_earlier_version && !me.items.is_empty() {
            // Re-filed under the new content hash, anchors moved to where they are now.
            me.dirty_since = Some(Instant::now() - SAVE_DELAY);
        }
        me
    }

    /// Resolves every anchor, updates offsets of those found, and rebuilds the marks.
    fn resolve(&mut self) {
        self.resolved = self
            .items
            .iter()
            .map(|h| h.anchor.resolve(&self.text))
            .collect();
        for (h, r) in self.items.iter_mut().zip(&self.resolved) {
            if let Some(r) = r
                && (h.anchor.start, h.anchor.end) != (r.start, r.end)
            {
                h.anchor = Anchor::new(&self.text, r.clone());
            }
        }
        let mut marks = MarkSet::default();
        for (h, r) in self.items.iter().zip(&self.resolved) {
            let Some(r) = r else { continue };
            let [red, green, blue] = h.color.rgb();
            let fill = egui::Color32::from_rgba_unmultiplied(red, green, blue, 150);
            for (block, chars) in self.block_ranges(r.clone()) {
                marks.add(block, chars, MarkStyle::Fill(fill));
            }
        }
        self.marks = marks;
    }

    /// Splits a global range into per-block char ranges.
    pub fn block_ranges(&self, range: Range<usize>) -> Vec<(usize, Range<usize>)> {
        let (b0, c0) = self.text.position(range.start);
        let (b1, c1) = self.text.position(range.end);
        (b0..=b1)
            .map(|b| {
                let start = if b == b0 { c0 } else { 0 };
                let end = if b == b1 {
                    c1
                } else {
                    self.text
                        .offset(b + 1, 0)
                        .saturating_sub(self.text.offset(b, 0) + 1)
                };
                (b, start..end)
            })
            .filter(|(_, r)| !r.is_empty())
            .collect()
    }

    /// Where highlight `id` starts, as (block, char).
    pub fn position_of(&self, id: u64) -> Option<(usize, usize)> {
        let i = self.items.iter().position(|h| h.id == id)?;
        let r = self.resolved.get(i)?.as_ref()?;
        Some(self.text.position(r.start))
    }

    /// Whether highlight `i` could not be found in the current text.
    pub fn is_orphaned(&self, i: usize) -> bool {
        self.resolved.get(i).is_none_or(Option::is_none)
    }

    /// Highlights a range of blocks; returns its id.
    pub fn add(
        &mut self,
        from: (usize, usize),
        to: (usize, usize),
        color: HighlightColor,
    ) -> Option<u64> {
        let start = self.text.offset(from.0, from.1);
        let end = self.text.offset(to.0, to.1);
        if start >= end {
            return None;
        }
        let id = self.items.iter().map(|h| h.id).max().unwrap_or(0) + 1;
        let created = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.items.push(Highlight {
            id,
            anchor: Anchor::new(&self.text, start..end),
            color,
            note: String::new(),
            created,
        });
        self.changed();
        Some(id)
    }

    /// Deletes a highlight (undo brings it back).
    pub fn delete(&mut self, id: u64) {
        if let Some(i) = self.items.iter().position(|h| h.id == id) {
            let h = self.items.remove(i);
            self.deleted = Some((i, h));
            self.changed();
        }
    }

    /// Restores the last deleted highlight.
    pub fn undo_delete(&mut self) {
        if let Some((i, h)) = self.deleted.take() {
            self.items.insert(i.min(self.items.len()), h);
            self.changed();
        }
    }

    /// Sets a highlight's note.
    pub fn set_note(&mut self, id: u64, note: String) {
        if let Some(h) = self.items.iter_mut().find(|h| h.id == id)
            && h.note != note
        {
            h.note = note;
            self.dirty_since = Some(Instant::now());
        }
    }

    /// Sets a highlight's colour.
    pub fn set_color(&mut self, id: u64, color: HighlightColor) {
        if let Some(h) = self.items.iter_mut().find(|h| h.id == id) {
            h.color = color;
            self.changed();
        }
    }

    /// A structural change (add, delete, colour): resolved again and saved at the end of the frame.
    fn changed(&mut self) {
        self.resolve();
        self.dirty_since = Instant::now()
            .checked_sub(SAVE_DELAY)
            .or(Some(Instant::now()));
    }

    /// Saves if there are changes older than the save delay (or at once with `now`).
    pub fn save_if_due(&mut self, now: bool) -> Result<(), StoreError> {
        let due = self
            .dirty_since
            .is_some_and(|t| now || t.elapsed() >= SAVE_DELAY);
        if !due {
            return Ok(());
        }
        self.dirty_since = None;
        match &self.store {
            Some(store) => store.save(&self.hash, Some(&self.path), &self.title, &self.items),
            None => Ok(()),
        }
    }

    /// Changes not yet written.
    pub fn has_unsaved_changes(&self) -> bool {
        self.dirty_since.is_some()
    }
}
