//! Everything the user can ask for, as values: the UI emits them, the app applies them in one place.

use std::path::PathBuf;

use crate::annotations::HighlightColor;
use crate::state::i18n::Lang;
use crate::text::Theme;

/// A user action.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Close the window (settings and highlights are saved first).
    Quit,
    /// Open a document from a path (loads in the background).
    Open(PathBuf),
    /// Open the current file again, decoded with the given encoding.
    ReopenWithEncoding(crate::document::TextEncoding),
    /// Open article `index` of the collection being chosen from.
    OpenArticle(usize),
    /// Close the article picker.
    CloseCollection,
    /// Show the system file picker (falls back to the in-app panel).
    OpenDialog,
    /// Show or hide the in-app open panel.
    ShowOpenPanel(bool),
    /// List another folder in the open panel.
    BrowseTo(PathBuf),
    /// Copy the selected text to the clipboard.
    CopySelection,
    /// Select the whole document.
    SelectAll,
    /// Larger reading text.
    ZoomIn,
    /// Smaller reading text.
    ZoomOut,
    /// Default reading text size.
    ZoomReset,
    /// Change the page colours.
    SetTheme(Theme),
    /// Remove a notice.
    DismissNotice(u64),
    /// Jump to an entity's next mention and mark all of them.
    ShowEntity(usize),
    /// Jump to a quote and mark it briefly.
    ShowQuote(usize),
    /// Put a quote on the clipboard, with speaker and title or alone.
    CopyQuote {
        /// Index into the analysis' quotes.
        index: usize,
        /// `«quote» — speaker، title` rather than the quote alone.
        attributed: bool,
    },
    /// Draw a quote as an image card: to the clipboard and a PNG file.
    ShareQuote(usize),
    /// Draw the selected passage as an image card.
    ShareSelection,
    /// Scroll to a block of the page (a heading).
    JumpToBlock(usize),
    /// Go back to where the reader was before the last jump.
    ReturnToReading,
    /// Show or hide the sidebar.
    ToggleSidebar,
    /// Change the interface language.
    SetLang(Lang),
    /// Open the find bar and focus its field.
    OpenFind,
    /// Close the find bar.
    CloseFind,
    /// Go to the next or previous match.
    FindStep {
        /// Next rather than previous.
        forward: bool,
    },
    /// Show or hide the settings window.
    ShowSettings(bool),
    /// Show or hide the keyboard shortcuts window.
    ShowShortcuts(bool),
    /// Replace the reading settings.
    UpdateSettings(Box<crate::state::settings::Settings>),
    /// Highlight the selected text.
    AddHighlight(HighlightColor),
    /// Delete a highlight.
    DeleteHighlight(u64),
    /// Bring back the last deleted highlight.
    UndoDeleteHighlight,
    /// Change a highlight's note.
    SetHighlightNote {
        /// The highlight.
        id: u64,
        /// Its new note.
        note: String,
    },
    /// Change a highlight's colour.
    SetHighlightColor {
        /// The highlight.
        id: u64,
        /// Its new colour.
        color: HighlightColor,
    },
    /// Scroll to a highlight.
    JumpToHighlight(u64),
    /// Write all highlights to a file beside the document.
    ExportHighlights {
        /// Markdown rather than JSON.
        markdown: bool,
    },
}
