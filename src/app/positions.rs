//! Remembering where the reader is in the open document: saved in the background while
//! reading, when another document opens, and on closing.

use std::time::{Duration, Instant};

use super::QariApp;
use crate::annotations::{PositionStore, ReadingPosition, positions::now_secs};

/// How often, at most, a changed position is written while reading.
const SAVE_EVERY: Duration = Duration::from_secs(3);

impl QariApp {
    /// The open document's position when it changed since it was last saved, marking it saved.
    pub(super) fn position_to_save(&mut self) -> Option<(PositionStore, String, ReadingPosition)> {
        let positions = self.stores.as_ref()?.positions.clone();
        let d = self.document.as_mut()?;
        let top = d.view.top?;
        // A restore still pending: the view is not where the reader was yet.
        if d.view.jump_to.is_some() || d.saved_top == Some(top) {
            return None;
        }
        d.saved_top = Some(top);
        let position = ReadingPosition {
            block: top.block,
            char: top.char,
            saved_at: now_secs(),
        };
        Some((positions, d.highlights.hash.clone(), position))
    }

    /// Saves the open document's position in the background, if it changed.
    pub(super) fn save_position(&mut self) {
        if let Some((positions, hash, position)) = self.position_to_save() {
            self.last_position_save = Instant::now();
            self.jobs.save_position(positions, hash, position);
        }
    }

    /// Saves the position now and then while the reader scrolls.
    pub(super) fn save_position_if_due(&mut self) {
        if self.last_position_save.elapsed() >= SAVE_EVERY {
            self.save_position();
        }
    }
}
