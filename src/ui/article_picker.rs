//! The article picker: a file holding several articles (a scraper's JSON) lists them to choose from.

use egui::{Color32, ScrollArea, Sense, Ui};

use crate::document::Document;
use crate::state::Command;
use crate::state::messages::Message;
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
        // At the start of the reading direction: the right in Arabic.
        .pivot(if lang.rtl() {
            egui::Align2::RIGHT_TOP
        } else {
            egui::Align2::LEFT_TOP
        })
        .default_pos({
            let r = ui.ctx().content_rect();
            if lang.rtl() {
                egui::pos2(r.right() - 24.0, r.top() + 48.0)
            } else {
                egui::pos2(r.left() + 24.0, r.top() + 48.0)
            }
        })
        .show(ui.ctx(), |ui| {
            super::row(ui, lang, |ui| {
                ui.label(visual(&Message::ArticlesInFile(docs.len()).text(lang)))
            });
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
                    let meta = Message::Paragraphs(doc.paragraph_count()).text(lang);
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
