//! The find bar's state: query, folding options, matches and the current one.

use std::ops::Range;

use crate::search::FoldOptions;

/// State of the find bar and its matches.
#[derive(Debug, Clone, Default)]
pub struct FindState {
    /// Shown.
    pub open: bool,
    /// What to look for.
    pub query: String,
    /// Letter folding.
    pub options: FoldOptions,
    /// Matches as (block, char range), in reading order.
    pub matches: Vec<(usize, Range<usize>)>,
    /// The match shown as current.
    pub current: Option<usize>,
    /// Focus the query field next frame.
    pub focus: bool,
    /// The query and options `matches` were found for.
    pub searched: Option<(String, FoldOptions)>,
}

impl FindState {
    /// "3/17", or "0/0".
    pub fn counter(&self) -> String {
        match self.current {
            Some(i) if !self.matches.is_empty() => format!("{}/{}", i + 1, self.matches.len()),
            _ => format!("0/{}", self.matches.len()),
        }
    }

    /// Moves to the next (or previous) match, wrapping around.
    pub fn step(&mut self, forward: bool) -> Option<(usize, Range<usize>)> {
        let n = self.matches.len();
        if n == 0 {
            self.current = None;
            return None;
        }
        let i = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(i);
        self.matches.get(i).cloned()
    }
}
