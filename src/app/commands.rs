//! Everything the user can ask for, as values: the UI emits them, the app applies them in one place.

use std::path::PathBuf;

use crate::text::Theme;

/// A user action.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Open a document from a path (loads in the background).
    Open(PathBuf),
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
}
