//! What the window shows with no document open: how to open one.

use egui::{Align2, Color32, Id, RichText, Ui};

use crate::state::{Command, Loading};
use crate::text::Theme;

use super::reading_pane::color;

use super::recent_files::{RecentStyle, recent_files};
use super::visual_order::visual;
use crate::state::i18n::Lang;

/// The start screen: open buttons and a drop hint.
pub fn start_screen(
    ui: &mut Ui,
    loading: Option<&Loading>,
    recent: &[std::path::PathBuf],
    theme: Theme,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let s = lang.s();
    // The page's colours, as the reading pane has them, not the window's dark clear colour.
    let palette = theme.palette();
    ui.painter()
        .rect_filled(ui.max_rect(), 0.0, color(palette.background));
    ui.visuals_mut().override_text_color = Some(color(palette.text));
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.heading(if lang.rtl() { "قارئ" } else { "qari" });
        ui.label(visual(s.app_tagline));
        ui.add_space(16.0);
        if loading.is_some() {
            ui.spinner();
            return;
        }
        if ui
            .button(RichText::new(visual(s.open_document)).size(18.0))
            .clicked()
        {
            commands.push(Command::OpenDialog);
        }
        if ui.button(visual(s.open_by_path)).clicked() {
            commands.push(Command::ShowOpenPanel(true));
        }
        ui.add_space(8.0);
        ui.label(RichText::new(visual(s.drop_hint)).weak());
        if !recent.is_empty() {
            ui.add_space(20.0);
            ui.label(RichText::new(visual(s.recent)).strong());
            recent_files(ui, recent, RecentStyle::Links, commands);
        }
    });
}

/// Darkens the window and says "drop to open" while a file is dragged over it.
pub fn drop_overlay(ui: &Ui, lang: Lang) {
    let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        Id::unique("qari-drop"),
    ));
    let rect = ui.ctx().content_rect();
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        visual(lang.s().drop_to_open),
        egui::FontId::proportional(28.0),
        Color32::WHITE,
    );
}
