//! The in-app open panel: a path field and a folder listing, always available.

use egui::Ui;

use crate::state::Command;
use crate::state::messages::Message;
use crate::state::open_panel::OpenPanel;

use super::text_field::{FieldOptions, text_field};
use super::visual_order::visual;
use crate::state::i18n::Lang;
use crate::text::TextSystem;

/// Shows the panel as a window.
pub fn open_panel(
    ui: &mut Ui,
    panel: &mut OpenPanel,
    text: &mut TextSystem,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let s = lang.s();
    let mut open = true;
    egui::Window::new(visual(s.open_panel_title))
        .open(&mut open)
        .default_size([560.0, 420.0])
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            if panel.no_picker {
                ui.label(visual(&Message::NoPicker.text(lang)));
                ui.separator();
            }
            super::row(ui, lang, |ui| {
                let label = ui.label(visual(s.path));
                let options = FieldOptions::new(s.path, lang.rtl())
                    .hint("/path/to/article.txt")
                    .width(380.0);
                let out = text_field(
                    ui,
                    text,
                    egui::Id::unique("qari-open-path"),
                    &mut panel.path_input,
                    &options,
                );
                out.response.labelled_by(label.id);
                let entered = out.enter.is_some();
                if ui.button(visual(s.open.trim_end_matches('…'))).clicked() || entered {
                    let path = std::path::PathBuf::from(panel.path_input.trim());
                    if panel.path_input.trim().ends_with('/') {
                        commands.push(Command::BrowseTo(path));
                    } else {
                        commands.push(Command::Open(path));
                    }
                }
            });
            super::row(ui, lang, |ui| {
                if let Some(parent) = panel.dir.parent()
                    && ui.button(visual(s.up)).clicked()
                {
                    commands.push(Command::BrowseTo(parent.to_path_buf()));
                }
                ui.label(panel.dir.display().to_string());
            });
            super::checkbox(ui, &mut panel.all_files, s.all_files, lang);
            if panel.unreadable {
                let text = Message::FolderUnreadable(&panel.dir).text(lang);
                ui.colored_label(egui::Color32::from_rgb(0xc0, 0x30, 0x30), visual(&text));
            }
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    for entry in panel.shown() {
                        let label = if entry.is_dir {
                            format!("{}/", entry.name)
                        } else {
                            entry.name.clone()
                        };
                        if ui.selectable_label(false, label).clicked() {
                            commands.push(if entry.is_dir {
                                Command::BrowseTo(entry.path.clone())
                            } else {
                                Command::Open(entry.path.clone())
                            });
                        }
                    }
                });
        });
    // Escape closes the panel (the find bar, when open, takes its own Escape first).
    let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if !open || escape {
        commands.push(Command::ShowOpenPanel(false));
    }
}
