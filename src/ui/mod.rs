//! Panels and widgets: they read the state layer (`crate::state`) and emit commands; they do
//! no I/O and never name the `app` shell above them.

pub mod article_picker;
pub mod find_bar;
pub mod notices;
pub mod open_panel;
pub mod reading_pane;
pub mod recent_files;
pub mod rtl_label;
pub mod settings_window;
pub mod shortcuts;
pub mod sidebar;
pub mod start_screen;
pub mod swatch;
pub mod text_field;
pub mod toolbar;
pub mod visual_order;
pub mod window_theme;

use crate::state::i18n::Lang;
use crate::state::keymap::{Action, Scope, chords};

/// Whether the key map's close key for dialogs (Esc) was pressed this frame (consumed).
pub fn dialog_close_pressed(ctx: &egui::Context) -> bool {
    chords(Scope::Dialog)
        .filter(|(action, _)| *action == Action::Close)
        .any(|(_, shortcut)| ctx.input_mut(|i| i.consume_shortcut(&shortcut)))
}

/// A horizontal row laid out in the interface's direction (right to left in Arabic).
pub fn row_layout(lang: Lang) -> egui::Layout {
    if lang.rtl() {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    }
}

/// Lays out one row of widgets in the interface's direction, one widget high.
pub fn row<R>(ui: &mut egui::Ui, lang: Lang, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, row_layout(lang), add)
        .inner
}

/// A checkbox whose box sits at the start of the line in the interface's direction.
pub fn checkbox(ui: &mut egui::Ui, value: &mut bool, text: &str, lang: Lang) -> egui::Response {
    if !lang.rtl() {
        return ui.checkbox(value, text);
    }
    row(ui, lang, |ui| {
        let mut r = ui.checkbox(value, "");
        let label =
            ui.add(egui::Label::new(visual_order::visual(text)).sense(egui::Sense::click()));
        if label.clicked() {
            *value = !*value;
            r.mark_changed();
        }
        r | label
    })
}
