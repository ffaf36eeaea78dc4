//! Messages for the user: errors and confirmations shown in the window until dismissed or
//! expired, worded in both interface languages so a language switch rewords them too.

use std::time::{Duration, Instant};

use super::i18n::Lang;
use super::messages::Message;

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
    /// The sentence in English.
    pub en: String,
    /// The sentence in Arabic.
    pub ar: String,
    /// How many times it was said (repeats are collapsed into one notice).
    pub count: usize,
    /// When it last appeared.
    pub since: Instant,
}

impl Notice {
    /// The sentence in the interface language.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ar => &self.ar,
        }
    }
}

/// The notices currently shown.
#[derive(Debug, Default)]
pub struct Notices {
    items: Vec<Notice>,
    next_id: u64,
}

/// How long an info notice stays.
const INFO_LIFETIME: Duration = Duration::from_secs(4);

/// Most notices kept; the oldest go first.
const MAX_NOTICES: usize = 4;

impl Notices {
    /// Adds a notice; the same sentence said again is counted on the existing notice.
    pub fn push(&mut self, kind: NoticeKind, message: &Message<'_>) {
        let en = message.text(Lang::En);
        if let Some(n) = self.items.iter_mut().find(|n| n.kind == kind && n.en == en) {
            n.count += 1;
            n.since = Instant::now();
            return;
        }
        self.next_id += 1;
        self.items.push(Notice {
            id: self.next_id,
            kind,
            ar: message.text(Lang::Ar),
            en,
            count: 1,
            since: Instant::now(),
        });
        if self.items.len() > MAX_NOTICES {
            self.items.remove(0);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_collapse_and_old_notices_make_room() {
        let mut notices = Notices::default();
        notices.push(NoticeKind::Error, &Message::NoPicker);
        notices.push(NoticeKind::Error, &Message::NoPicker);
        assert_eq!(notices.items().len(), 1);
        assert_eq!(notices.items()[0].count, 2);
        for n in 0..10 {
            notices.push(NoticeKind::Info, &Message::CopiedChars(n));
        }
        assert_eq!(notices.items().len(), MAX_NOTICES);
        assert!(notices.items().iter().all(|n| n.kind == NoticeKind::Info));
    }

    #[test]
    fn a_notice_is_worded_in_both_languages() {
        let mut notices = Notices::default();
        notices.push(NoticeKind::Info, &Message::CopiedQuote);
        let n = &notices.items()[0];
        assert_eq!(n.text(Lang::En), "Quote copied");
        assert_eq!(n.text(Lang::Ar), "نُسخ الاقتباس");
    }
}
