//! The top bar: open, zoom, theme, and load progress.

use std::time::Duration;

use egui::Ui;

use crate::state::settings::Settings;
use crate::state::{Command, Loading};
use crate::text::Theme;

use super::recent_files::{RecentStyle, recent_files};
use super::visual_order::visual;
use crate::state::i18n::{Lang, Strings};

/// Loads shorter than this show no progress indicator.
const PROGRESS_DELAY: Duration = Duration::from_millis(200);

fn theme_name(theme: Theme, s: &Strings) -> &'static str {
    match theme {
        Theme::Light => s.light,
        Theme::Sepia => s.sepia,
        Theme::Dark => s.dark,
    }
}

/// Shows the toolbar at the top of `ui`.
pub fn toolbar(
    ui: &mut Ui,
    settings: &Settings,
    loading: Option<&Loading>,
    commands: &mut Vec<Command>,
) {
    let lang = settings.lang;
    let s = lang.s();
    egui::Panel::top("qari-toolbar").show(ui, |ui| {
        ui.with_layout(super::row_layout(lang), |ui| {
            ui.menu_button(visual(s.file), |ui| {
                if ui.button(visual(s.open)).clicked() {
                    commands.push(Command::OpenDialog);
                    ui.close();
                }
                if ui.button(visual(s.open_by_path)).clicked() {
                    commands.push(Command::ShowOpenPanel(true));
                    ui.close();
                }
                ui.menu_button(visual(s.reopen_with_encoding), |ui| {
                    for e in crate::document::TextEncoding::ALL {
                        if ui.button(e.display_name()).clicked() {
                            commands.push(Command::ReopenWithEncoding(e));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                ui.label(visual(s.recent));
                if settings.recent.is_empty() {
                    ui.label(visual(s.no_recent));
                }
                if recent_files(ui, &settings.recent, RecentStyle::Buttons, commands) {
                    ui.close();
                }
                ui.separator();
                if ui.button(visual(s.settings)).clicked() {
                    commands.push(Command::ShowSettings(true));
                    ui.close();
                }
                if ui.button(visual(s.shortcuts)).clicked() {
                    commands.push(Command::ShowShortcuts(true));
                    ui.close();
                }
            });
            if ui
                .button(visual(s.open))
                .on_hover_text(visual(s.open_hint))
                .clicked()
            {
                commands.push(Command::OpenDialog);
            }
            if ui
                .button(visual(s.open_by_path))
                .on_hover_text(visual(s.open_by_path_hint))
                .clicked()
            {
                commands.push(Command::ShowOpenPanel(true));
            }
            ui.separator();
            if ui.button("A−").on_hover_text(visual(s.smaller)).clicked() {
                commands.push(Command::ZoomOut);
            }
            if ui
                .button(format!("{:.0}%", settings.zoom * 100.0))
                .on_hover_text(visual(s.default_size))
                .clicked()
            {
                commands.push(Command::ZoomReset);
            }
            if ui.button("A+").on_hover_text(visual(s.larger)).clicked() {
                commands.push(Command::ZoomIn);
            }
            ui.separator();
            for theme in Theme::ALL {
                if ui
                    .selectable_label(settings.theme == theme, visual(theme_name(theme, s)))
                    .clicked()
                {
                    commands.push(Command::SetTheme(theme));
                }
            }
            ui.separator();
            let other = match lang {
                Lang::En => (Lang::Ar, "العربية"),
                Lang::Ar => (Lang::En, "English"),
            };
            if ui.button(other.1).clicked() {
                commands.push(Command::SetLang(other.0));
            }
            if ui.button(visual(s.settings)).clicked() {
                commands.push(Command::ShowSettings(true));
            }
            if ui
                .selectable_label(settings.sidebar_open, visual(s.sidebar))
                .clicked()
            {
                commands.push(Command::ToggleSidebar);
            }
            if let Some(l) = loading.filter(|l| l.since.elapsed() >= PROGRESS_DELAY) {
                ui.separator();
                ui.spinner();
                let name = l
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default();
                ui.label(visual(&format!("{} {name}…", s.opening)));
            }
        });
    });
}
