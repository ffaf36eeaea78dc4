//! The recent-files list, drawn in the File menu and on the start screen.

use std::path::PathBuf;

use egui::Ui;

use super::visual_order::visual;
use crate::state::Command;

/// How the entries look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecentStyle {
    /// Menu buttons.
    Buttons,
    /// Links, as on the start screen.
    Links,
}

/// Lists the recent files by name (full path on hover); true if one was clicked, which
/// queues opening it.
pub fn recent_files(
    ui: &mut Ui,
    recent: &[PathBuf],
    style: RecentStyle,
    commands: &mut Vec<Command>,
) -> bool {
    let mut clicked = false;
    for path in recent {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let response = match style {
            RecentStyle::Buttons => ui.button(visual(&name)),
            RecentStyle::Links => ui.link(visual(&name)),
        };
        if response.on_hover_text(path.display().to_string()).clicked() {
            commands.push(Command::Open(path.clone()));
            clicked = true;
        }
    }
    clicked
}
