//! The article picker: a file holding several articles (a scraper's JSON) lists them to choose from.

use egui::{Color32, ScrollArea, Sense, Ui};

use crate::document::Document;
use crate::state::Command;
use crate::text::{TextStyle, TextSystem};

use super::rtl_label::rtl_label;
use super::visual_order::visual;
use crate::state::i18n::Lang;

/// Shows the titles of `docs`; clicking one opens it.
pub fn article_picker(
    ui: &mut Ui,
    docs: &[Document],
    text: &mut TextSystem,
    style: &TextStyle,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let s = lang.s();
    let mut open = true;
    let color = ui.visuals().text_color();
    egui::Window::new(visual(s.choose_article))
        .open(&mut open)
        .collapsible(false)
        .default_size([520.0, 420.0])
        .show(ui.ctx(), |ui| {
            ui.label(visual(&format!("{} {}", docs.len(), s.articles_in_file)));
            ui.separator();
            ScrollArea::vertical().show(ui, |ui| {
                ui.set_max_width(ui.available_width() - 12.0);
                for (i, doc) in docs.iter().enumerate() {
                    let title = if doc.title.trim().is_empty() {
                        "—"
                    } else {
                        doc.title.as_str()
                    };
                    if rtl_label(ui, text, title, style, color, Sense::click()).clicked() {
                        commands.push(Command::OpenArticle(i));
                    }
                    let faint = Color32::from_gray(140);
                    let meta = format!("{} {}", doc.paragraph_count(), s.paragraphs);
                    rtl_label(
                        ui,
                        text,
                        &meta,
                        &style.with_size(style.size * 0.8),
                        faint,
                        Sense::hover(),
                    );
                    ui.separator();
                }
            });
        });
    if !open {
        commands.push(Command::CloseCollection);
    }
}
