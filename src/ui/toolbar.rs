//! The top bar: open, zoom, theme, and load progress.

use std::time::Duration;

use egui::Ui;

use crate::app::settings::Settings;
use crate::app::{Command, Loading};
use crate::text::Theme;

/// Loads shorter than this show no progress indicator.
const PROGRESS_DELAY: Duration = Duration::from_millis(200);

fn theme_name(theme: Theme) -> &'static str {
    match theme {
        Theme::Light => "Light",
        Theme::Sepia => "Sepia",
        Theme::Dark => "Dark",
    }
}

/// Shows the toolbar at the top of `ui`.
pub fn toolbar(
    ui: &mut Ui,
    settings: &Settings,
    loading: Option<&Loading>,
    commands: &mut Vec<Command>,
) {
    egui::Panel::top("qari-toolbar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui
                .button("Open…")
                .on_hover_text("Open a document (Ctrl+O)")
                .clicked()
            {
                commands.push(Command::OpenDialog);
            }
            if ui
                .button("Open by path…")
                .on_hover_text("Type a path or browse folders inside qari")
                .clicked()
            {
                commands.push(Command::ShowOpenPanel(true));
            }
            ui.separator();
            if ui
                .button("A−")
                .on_hover_text("Smaller text (Ctrl+−)")
                .clicked()
            {
                commands.push(Command::ZoomOut);
            }
            if ui
                .button(format!("{:.0}%", settings.zoom * 100.0))
                .on_hover_text("Default size (Ctrl+0)")
                .clicked()
            {
                commands.push(Command::ZoomReset);
            }
            if ui
                .button("A+")
                .on_hover_text("Larger text (Ctrl++)")
                .clicked()
            {
                commands.push(Command::ZoomIn);
            }
            ui.separator();
            for theme in Theme::ALL {
                if ui
                    .selectable_label(settings.theme == theme, theme_name(theme))
                    .clicked()
                {
                    commands.push(Command::SetTheme(theme));
                }
            }
            if let Some(l) = loading.filter(|l| l.since.elapsed() >= PROGRESS_DELAY) {
                ui.separator();
                ui.spinner();
                let name = l
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default();
                ui.label(format!("Opening {name}…"));
            }
        });
    });
}
