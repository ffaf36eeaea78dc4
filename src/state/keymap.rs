//! The one key map: every shortcut with its keys, where it acts and how it is described.
//!
//! Key handling (the window, the reading pane, the find field) and the shortcuts window all
//! read [`KEY_MAP`], so a shortcut is added or changed in one place.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::Command;
use crate::annotations::HighlightColor;

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open a document.
    Open,
    /// Open the find bar.
    Find,
    /// Close the window.
    Quit,
    /// Next search match.
    NextMatch,
    /// Previous search match.
    PreviousMatch,
    /// Close the find bar (or the open panel).
    Close,
    /// Copy the selection.
    Copy,
    /// Select the whole document.
    SelectAll,
    /// Highlight the selection.
    Highlight,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Scroll down a line.
    LineDown,
    /// Scroll up a line.
    LineUp,
    /// Scroll down a screen.
    ScreenDown,
    /// Scroll up a screen.
    ScreenUp,
    /// Go to the start of the document.
    Start,
    /// Go to the end of the document.
    End,
    /// Show the shortcuts window.
    Shortcuts,
    /// A mouse gesture, described but not a key (double-click and the like).
    Pointer,
}

/// Where a shortcut is handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the window.
    Window,
    /// When the reading pane has the keyboard (no text field focused).
    ReadingPane,
    /// In the find bar's field.
    FindField,
    /// With the mouse.
    Pointer,
    /// In an open dialog (the shortcuts and settings windows).
    Dialog,
}

/// One line of the key map: keys described together, and the actions they trigger.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys as shown to the reader.
    pub keys_label: &'static str,
    /// The keys in the Arabic interface, where they are words (mouse gestures).
    pub keys_ar: Option<&'static str>,
    /// The description in English.
    pub en: &'static str,
    /// The description in Arabic.
    pub ar: &'static str,
    /// Where the keys act.
    pub scope: Scope,
    /// Each action with the key chords that trigger it.
    pub actions: &'static [(Action, &'static [KeyboardShortcut])],
}

impl Binding {
    /// The keys as shown in `lang`.
    pub fn keys(&self, lang: super::i18n::Lang) -> &'static str {
        match (lang.rtl(), self.keys_ar) {
            (true, Some(ar)) => ar,
            _ => self.keys_label,
        }
    }

    /// The description in `lang`.
    pub fn description(&self, lang: super::i18n::Lang) -> &'static str {
        if lang.rtl() { self.ar } else { self.en }
    }
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

/// Every shortcut qari has, in the order the shortcuts window lists them.
pub const KEY_MAP: &[Binding] = &[
    Binding {
        keys_label: "Ctrl+O",
        keys_ar: None,
        en: "Open a document",
        ar: "فتح مستند",
        scope: Scope::Window,
        actions: &[(Action::Open, &[key(CMD, Key::O)])],
    },
    Binding {
        keys_label: "Ctrl+F",
        keys_ar: None,
        en: "Find in the document",
        ar: "البحث في المستند",
        scope: Scope::Window,
        actions: &[(Action::Find, &[key(CMD, Key::F)])],
    },
    Binding {
        keys_label: "Enter / Shift+Enter",
        keys_ar: None,
        en: "Next / previous match",
        ar: "النتيجة التالية / السابقة",
        scope: Scope::FindField,
        actions: &[
            (Action::NextMatch, &[key(NONE, Key::Enter)]),
            (Action::PreviousMatch, &[key(SHIFT, Key::Enter)]),
        ],
    },
    Binding {
        keys_label: "Esc",
        keys_ar: None,
        en: "Close the find bar",
        ar: "إغلاق شريط البحث",
        scope: Scope::FindField,
        actions: &[(Action::Close, &[key(NONE, Key::Escape)])],
    },
    Binding {
        keys_label: "Ctrl+C",
        keys_ar: None,
        en: "Copy the selection (or the selected quote card)",
        ar: "نسخ المحدد (أو بطاقة الاقتباس المحددة)",
        scope: Scope::ReadingPane,
        // egui turns this chord into `Event::Copy`; the reading pane handles that event.
        actions: &[(Action::Copy, &[key(CMD, Key::C)])],
    },
    Binding {
        keys_label: "Ctrl+A",
        keys_ar: None,
        en: "Select the whole document",
        ar: "تحديد المستند كله",
        scope: Scope::ReadingPane,
        actions: &[(Action::SelectAll, &[key(CMD, Key::A)])],
    },
    Binding {
        keys_label: "Ctrl+H",
        keys_ar: None,
        en: "Highlight the selection",
        ar: "تظليل النص المحدد",
        scope: Scope::Window,
        actions: &[(Action::Highlight, &[key(CMD, Key::H)])],
    },
    Binding {
        keys_label: "Ctrl++ / Ctrl+−",
        keys_ar: None,
        en: "Larger / smaller text",
        ar: "تكبير النص / تصغيره",
        scope: Scope::Window,
        actions: &[
            (
                Action::ZoomIn,
                &[key(CMD, Key::Plus), key(CMD, Key::Equals)],
            ),
            (Action::ZoomOut, &[key(CMD, Key::Minus)]),
        ],
    },
    Binding {
        keys_label: "Ctrl+0",
        keys_ar: None,
        en: "Default text size",
        ar: "حجم النص الافتراضي",
        scope: Scope::Window,
        actions: &[(Action::ZoomReset, &[key(CMD, Key::Num0)])],
    },
    Binding {
        keys_label: "Down / Up",
        keys_ar: None,
        en: "Scroll by a line",
        ar: "التمرير سطرًا",
        scope: Scope::ReadingPane,
        actions: &[
            (Action::LineDown, &[key(NONE, Key::ArrowDown)]),
            (Action::LineUp, &[key(NONE, Key::ArrowUp)]),
        ],
    },
    Binding {
        keys_label: "PgDn / PgUp",
        keys_ar: None,
        en: "Scroll by a screen",
        ar: "التمرير شاشةً",
        scope: Scope::ReadingPane,
        actions: &[
            (Action::ScreenDown, &[key(NONE, Key::PageDown)]),
            (Action::ScreenUp, &[key(NONE, Key::PageUp)]),
        ],
    },
    Binding {
        keys_label: "Space / Shift+Space",
        keys_ar: None,
        en: "Scroll by a screen",
        ar: "التمرير شاشةً",
        scope: Scope::ReadingPane,
        actions: &[
            (Action::ScreenDown, &[key(NONE, Key::Space)]),
            (Action::ScreenUp, &[key(SHIFT, Key::Space)]),
        ],
    },
    Binding {
        keys_label: "Home / End",
        keys_ar: None,
        en: "Start / end of the document",
        ar: "بداية المستند / نهايته",
        scope: Scope::ReadingPane,
        actions: &[
            (Action::Start, &[key(NONE, Key::Home)]),
            (Action::End, &[key(NONE, Key::End)]),
        ],
    },
    Binding {
        keys_label: "Double-click",
        keys_ar: Some("نقر مزدوج"),
        en: "Select a word",
        ar: "تحديد كلمة",
        scope: Scope::Pointer,
        actions: &[(Action::Pointer, &[])],
    },
    Binding {
        keys_label: "Triple-click",
        keys_ar: Some("نقر ثلاثي"),
        en: "Select a paragraph",
        ar: "تحديد فقرة",
        scope: Scope::Pointer,
        actions: &[(Action::Pointer, &[])],
    },
    Binding {
        keys_label: "Shift+click",
        keys_ar: Some("نقر مع Shift"),
        en: "Extend the selection",
        ar: "توسيع التحديد",
        scope: Scope::Pointer,
        actions: &[(Action::Pointer, &[])],
    },
    Binding {
        keys_label: "Esc",
        keys_ar: None,
        en: "Close the shortcuts or settings window",
        ar: "إغلاق نافذة الاختصارات أو الإعدادات",
        scope: Scope::Dialog,
        actions: &[(Action::Close, &[key(NONE, Key::Escape)])],
    },
    Binding {
        keys_label: "Ctrl+Q",
        keys_ar: None,
        en: "Quit",
        ar: "الخروج",
        scope: Scope::Window,
        actions: &[(Action::Quit, &[key(CMD, Key::Q)])],
    },
    Binding {
        keys_label: "F1",
        keys_ar: None,
        en: "This list",
        ar: "هذه القائمة",
        scope: Scope::Window,
        actions: &[(Action::Shortcuts, &[key(NONE, Key::F1)])],
    },
];

/// Every (action, chord) of a scope, in table order.
pub fn chords(scope: Scope) -> impl Iterator<Item = (Action, KeyboardShortcut)> {
    KEY_MAP
        .iter()
        .filter(move |b| b.scope == scope)
        .flat_map(|b| b.actions.iter())
        .flat_map(|(action, keys)| keys.iter().map(move |k| (*action, *k)))
}

/// The action a key press triggers in a scope. Ctrl stands for Command on macOS; Shift must
/// match exactly where the map distinguishes it (Space and Shift+Space), and is otherwise
/// ignored because some layouts need it to type a key (`+`).
pub fn action_for(scope: Scope, pressed: Key, modifiers: Modifiers) -> Option<Action> {
    let candidates = || {
        chords(scope).filter(move |(_, k)| {
            k.logical_key == pressed && modifiers.matches_logically(k.modifiers)
        })
    };
    candidates()
        .find(|(_, k)| k.modifiers.shift == modifiers.shift)
        .or_else(|| candidates().next())
        .map(|(action, _)| action)
}

impl Action {
    /// The command a window-wide action stands for (`None` for view-only actions).
    pub fn command(self, highlight: HighlightColor) -> Option<Command> {
        Some(match self {
            Self::Open => Command::OpenDialog,
            Self::Find => Command::OpenFind,
            Self::Quit => Command::Quit,
            Self::NextMatch => Command::FindStep { forward: true },
            Self::PreviousMatch => Command::FindStep { forward: false },
            Self::Close => Command::CloseFind,
            Self::Copy => Command::CopySelection,
            Self::SelectAll => Command::SelectAll,
            Self::Highlight => Command::AddHighlight(highlight),
            Self::ZoomIn => Command::ZoomIn,
            Self::ZoomOut => Command::ZoomOut,
            Self::ZoomReset => Command::ZoomReset,
            Self::Shortcuts => Command::ShowShortcuts(true),
            Self::LineDown
            | Self::LineUp
            | Self::ScreenDown
            | Self::ScreenUp
            | Self::Start
            | Self::End
            | Self::Pointer => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_space_scrolls_up_and_space_down() {
        let up = action_for(Scope::ReadingPane, Key::Space, Modifiers::SHIFT);
        let down = action_for(Scope::ReadingPane, Key::Space, Modifiers::NONE);
        assert_eq!(up, Some(Action::ScreenUp));
        assert_eq!(down, Some(Action::ScreenDown));
    }

    #[test]
    fn plus_typed_with_shift_still_zooms() {
        let mods = Modifiers::COMMAND | Modifiers::SHIFT;
        assert_eq!(
            action_for(Scope::Window, Key::Plus, mods),
            Some(Action::ZoomIn)
        );
    }

    #[test]
    fn every_key_chord_is_bound_once_per_scope() {
        for scope in [Scope::Window, Scope::ReadingPane, Scope::FindField] {
            let all: Vec<_> = chords(scope).map(|(_, k)| k).collect();
            for (i, a) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(a), "{a:?} bound twice in {scope:?}");
            }
        }
    }

    #[test]
    fn a_scope_ignores_keys_of_another() {
        assert_eq!(action_for(Scope::Window, Key::Home, Modifiers::NONE), None);
        assert_eq!(
            action_for(Scope::ReadingPane, Key::Home, Modifiers::NONE),
            Some(Action::Start)
        );
    }
}
