//! What the window shows with no document open: how to open one.

use egui::{Align2, Color32, Id, RichText, Ui};

use crate::app::{Command, Loading};

/// The start screen: open buttons and a drop hint.
pub fn start_screen(ui: &mut Ui, loading: Option<&Loading>, commands: &mut Vec<Command>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.heading("qari");
        ui.label("A reader for Arabic articles");
        ui.add_space(16.0);
        if loading.is_some() {
            ui.spinner();
            return;
        }
        if ui
            .button(RichText::new("Open a document…").size(18.0))
            .clicked()
        {
            commands.push(Command::OpenDialog);
        }
        if ui.button("Type a path or browse folders…").clicked() {
            commands.push(Command::ShowOpenPanel(true));
        }
        ui.add_space(8.0);
        ui.label(RichText::new("or drop a file onto this window").weak());
    });
}

/// Darkens the window and says "drop to open" while a file is dragged over it.
pub fn drop_overlay(ui: &Ui) {
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
        "Drop to open",
        egui::FontId::proportional(28.0),
        Color32::WHITE,
    );
}
