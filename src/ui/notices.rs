//! Notices at the bottom of the window, each with a dismiss button.

use egui::{Color32, RichText, Ui};

use crate::state::Command;
use crate::state::notices::{Notice, NoticeKind};

use super::visual_order::visual;
use crate::state::i18n::Lang;

/// Shows the notices, if any.
pub fn notices(ui: &mut Ui, items: &[Notice], lang: Lang, commands: &mut Vec<Command>) {
    let s = lang.s();
    if items.is_empty() {
        return;
    }
    egui::Panel::bottom("qari-notices").show(ui, |ui| {
        for n in items {
            super::row(ui, lang, |ui| {
                let (icon, color) = match n.kind {
                    NoticeKind::Error => (s.error, Color32::from_rgb(0xc0, 0x30, 0x30)),
                    NoticeKind::Warning => (s.warning, Color32::from_rgb(0xb0, 0x80, 0x10)),
                    NoticeKind::Info => (s.done, Color32::from_rgb(0x30, 0x90, 0x40)),
                };
                if ui
                    .small_button("×")
                    .on_hover_text(visual(s.dismiss))
                    .clicked()
                {
                    commands.push(Command::DismissNotice(n.id));
                }
                ui.label(RichText::new(icon).color(color).strong());
                ui.label(visual(n.text(lang)));
                if n.count > 1 {
                    ui.label(RichText::new(format!("×{}", n.count)).weak());
                }
            });
        }
    });
}
