//! A document load in progress, as the toolbar and start screen show it.

use std::path::PathBuf;
use std::time::Instant;

/// A load in progress.
#[derive(Debug, Clone)]
pub struct Loading {
    /// Request number (later requests win).
    pub request: u64,
    /// The file.
    pub path: PathBuf,
    /// When it started.
    pub since: Instant,
}
