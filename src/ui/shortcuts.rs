//! The keyboard shortcuts window: every shortcut of the key map, as a table in the
//! interface's direction (in Arabic the descriptions on the right, aligned right, and the
//! keys on the left); Esc closes it.

use egui::{Align, Layout, Ui, vec2};

use crate::state::Command;
use crate::state::i18n::Lang;
use crate::state::keymap::KEY_MAP;

use super::visual_order::visual;

/// Space between the keys column and the descriptions.
const GAP: f32 = 24.0;

/// Shows the shortcuts window.
pub fn shortcuts_window(ui: &mut Ui, lang: Lang, commands: &mut Vec<Command>) {
    let mut open = true;
    egui::Window::new(visual(lang.s().shortcuts))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ui.ctx(), |ui| table(ui, lang));
    if !open || super::dialog_close_pressed(ui.ctx()) {
        commands.push(Command::ShowShortcuts(false));
    }
}

/// The rows, each column as wide as its widest cell, so no description runs into its keys.
fn table(ui: &mut Ui, lang: Lang) {
    let rows: Vec<(String, String)> = KEY_MAP
        .iter()
        .map(|b| (visual(b.keys(lang)), visual(b.description(lang))))
        .collect();
    let width = |text: &str, style: egui::TextStyle| {
        let font = style.resolve(ui.style());
        ui.fonts_mut(|f| {
            f.layout_no_wrap(text.to_string(), font, egui::Color32::WHITE)
                .size()
                .x
        })
    };
    let keys_w = rows
        .iter()
        .map(|(k, _)| width(k, egui::TextStyle::Monospace))
        .fold(0.0, f32::max);
    let desc_w = rows
        .iter()
        .map(|(_, d)| width(d, egui::TextStyle::Body))
        .fold(0.0, f32::max);
    let h = ui.spacing().interact_size.y;
    // Cells start at the reading direction's start: the right in Arabic.
    let cell = if lang.rtl() {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    // In both languages the keys are on the left: first in English reading order, last in
    // Arabic, where the description leads from the right.
    for (keys, description) in &rows {
        ui.horizontal(|ui| {
            // Each cell takes its column's whole width, whatever its text's.
            ui.allocate_ui_with_layout(vec2(keys_w, h), cell, |ui| {
                ui.set_min_size(vec2(keys_w, h));
                ui.monospace(keys);
            });
            ui.add_space(GAP);
            ui.allocate_ui_with_layout(vec2(desc_w, h), cell, |ui| {
                ui.set_min_size(vec2(desc_w, h));
                ui.label(description);
            });
        });
    }
}
