//! Messages for the user: errors and confirmations shown in the window until dismissed or expired.

use std::time::{Duration, Instant};

/// How a notice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something went wrong; stays until dismissed.
    Error,
    /// A warning about the open document; stays until dismissed.
    Warning,
    /// A confirmation; disappears by itself.
    Info,
}

/// One message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Identifies it for dismissal.
    pub id: u64,
    /// Its kind.
    pub kind: NoticeKind,
    /// One plain sentence.
    pub text: String,
    /// When it appeared.
    pub since: Instant,
}

/// The notices currently shown.
#[derive(Debug, Default)]
pub struct Notices {
    items: Vec<Notice>,
    next_id: u64,
}

/// How long an info notice stays.
const INFO_LIFETIME: Duration = Duration::from_secs(4);

impl Notices {
    /// Adds a notice.
    pub fn push(&mut self, kind: NoticeKind, text: impl Into<String>) {
        self.next_id += 1;
        self.items.push(Notice {
            id: self.next_id,
            kind,
            text: text.into(),
            since: Instant::now(),
        });
    }

    /// Removes a notice.
    pub fn dismiss(&mut self, id: u64) {
        self.items.retain(|n| n.id != id);
    }

    /// Drops expired info notices; true while any remain that will expire.
    pub fn expire(&mut self) -> bool {
        self.items
            .retain(|n| n.kind != NoticeKind::Info || n.since.elapsed() < INFO_LIFETIME);
        self.items.iter().any(|n| n.kind == NoticeKind::Info)
    }

    /// The notices, oldest first.
    pub fn items(&self) -> &[Notice] {
        &self.items
    }
}
