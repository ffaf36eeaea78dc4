//! The keyboard shortcuts window: every shortcut of the key map.

use egui::Ui;

use crate::state::Command;
use crate::state::keymap::KEY_MAP;

use super::visual_order::visual;
use crate::state::i18n::Lang;

/// Shows the shortcuts window.
pub fn shortcuts_window(ui: &mut Ui, lang: Lang, commands: &mut Vec<Command>) {
    let mut open = true;
    egui::Window::new(visual(lang.s().shortcuts))
        .open(&mut open)
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("qari-shortcuts")
                .striped(true)
                .show(ui, |ui| {
                    for binding in KEY_MAP {
                        let (keys, en, ar) = (binding.keys_label, binding.en, binding.ar);
                        let text = if lang.rtl() { ar } else { en };
                        if lang.rtl() {
                            ui.label(visual(text));
                            ui.monospace(keys);
                        } else {
                            ui.monospace(keys);
                            ui.label(text);
                        }
                        ui.end_row();
                    }
                });
        });
    if !open {
        commands.push(Command::ShowShortcuts(false));
    }
}
