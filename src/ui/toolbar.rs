//! The top bar: open, zoom, theme, and load progress.

use std::time::Duration;

use egui::Ui;

use crate::state::settings::Settings;
use crate::state::{Command, Loading};
use crate::text::Theme;

use super::recent_files::{RecentStyle, recent_files};
use super::visual_order::visual;
use crate::state::i18n::{Lang, Strings};
use crate::state::messages::encoding_name;

/// Loads shorter than this show no progress indicator.
const PROGRESS_DELAY: Duration = Duration::from_millis(200);

fn theme_name(theme: Theme, s: &Strings) -> &'static str {
    match theme {
        Theme::Light => s.light,
        Theme::Sepia => s.sepia,
        Theme::Dark => s.dark,
    }
}

/// Below this width the view controls fold into one menu.
const NARROW: f32 = 900.0;

/// A menu's entries aligned to the interface's start side (right in Arabic).
pub fn menu_body<R>(ui: &mut Ui, lang: Lang, add: impl FnOnce(&mut Ui) -> R) -> R {
    let align = if lang.rtl() {
        egui::Align::Max
    } else {
        egui::Align::Min
    };
    ui.with_layout(egui::Layout::top_down_justified(align), add)
        .inner
}

/// Shows the toolbar at the top of `ui`.
pub fn toolbar(
    ui: &mut Ui,
    settings: &Settings,
    sidebar_shown: bool,
    loading: Option<&Loading>,
    commands: &mut Vec<Command>,
) {
    let lang = settings.lang;
    let s = lang.s();
    egui::Panel::top("qari-toolbar").show(ui, |ui| {
        let narrow = ui.available_width() < NARROW;
        ui.with_layout(super::row_layout(lang), |ui| {
            ui.menu_button(visual(s.file), |ui| {
                menu_body(ui, lang, |ui| file_menu(ui, settings, commands));
            });
            if narrow {
                ui.menu_button(visual(s.menu), |ui| {
                    menu_body(ui, lang, |ui| view_controls(ui, settings, commands));
                });
            } else {
                open_buttons(ui, s, commands);
                ui.separator();
                view_controls(ui, settings, commands);
            }
            if ui
                .selectable_label(sidebar_shown, visual(s.sidebar))
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

fn open_buttons(ui: &mut Ui, s: &Strings, commands: &mut Vec<Command>) {
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
}

fn file_menu(ui: &mut Ui, settings: &Settings, commands: &mut Vec<Command>) {
    let lang = settings.lang;
    let s = lang.s();
    if ui.button(visual(s.open)).clicked() {
        commands.push(Command::OpenDialog);
        ui.close();
    }
    if ui.button(visual(s.open_by_path)).clicked() {
        commands.push(Command::ShowOpenPanel(true));
        ui.close();
    }
    let encodings = |ui: &mut Ui, commands: &mut Vec<Command>| {
        for e in crate::document::TextEncoding::ALL {
            if ui.button(visual(encoding_name(e, lang))).clicked() {
                commands.push(Command::ReopenWithEncoding(e));
                ui.close();
            }
        }
    };
    if lang.rtl() {
        // egui draws a submenu's arrow on the right whatever the direction: in Arabic the
        // encodings are listed in the menu itself under their heading instead.
        ui.separator();
        ui.label(visual(s.reopen_with_encoding));
        encodings(ui, commands);
    } else {
        ui.menu_button(s.reopen_with_encoding, |ui| encodings(ui, commands));
    }
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
    ui.separator();
    if ui.button(visual(&format!("{} (Ctrl+Q)", s.quit))).clicked() {
        commands.push(Command::Quit);
        ui.close();
    }
}

/// Zoom, theme, language and settings: in the bar, or in one menu when the window is narrow.
fn view_controls(ui: &mut Ui, settings: &Settings, commands: &mut Vec<Command>) {
    let lang = settings.lang;
    let s = lang.s();
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
    if ui.button(visual(other.1)).clicked() {
        commands.push(Command::SetLang(other.0));
    }
    if ui.button(visual(s.settings)).clicked() {
        commands.push(Command::ShowSettings(true));
    }
}
