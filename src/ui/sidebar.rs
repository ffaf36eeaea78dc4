//! The sidebar: the article's entities, its quotes, the reader's highlights, and its contents.

use egui::{Color32, RichText, ScrollArea, Sense, Ui};

use crate::analysis::normalize::normalize;
use crate::analysis::{Analysis, EntityKind};
use crate::state::Command;
use crate::state::highlights::DocHighlights;
use crate::state::marks::kind_color;
use crate::state::sidebar::{SidebarState, SidebarTab};
use crate::text::{TextStyle, TextSystem};

use super::rtl_label::{rtl_label, rtl_label_named};
use super::text_field::{FieldOptions, NewlineKeys, text_field};
use super::visual_order::visual;
use crate::state::i18n::{Lang, Strings};

/// Height assumed for a quote card not yet measured.
const CARD_ESTIMATE: f32 = 120.0;

/// Kinds in the order the sidebar lists them.
pub const KIND_ORDER: [EntityKind; 5] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organization,
    EntityKind::Hashtag,
    EntityKind::Date,
];

/// The heading a kind is listed under.
pub fn kind_title(kind: EntityKind, s: &Strings) -> &'static str {
    match kind {
        EntityKind::Person => s.people,
        EntityKind::Place => s.places,
        EntityKind::Organization => s.organizations,
        EntityKind::Hashtag => s.hashtags,
        EntityKind::Date => s.dates,
        EntityKind::Misc => s.other,
    }
}

/// What the sidebar shows besides its state.
pub struct SidebarEnv<'a> {
    /// The analysis, once ready.
    pub analysis: Option<&'a Analysis>,
    /// While it is not: the percentage done, once the analysis has run long enough to show it.
    pub progress: Option<u8>,
    /// Section headings as (block, text), for the contents tab.
    pub headings: Vec<(usize, &'a str)>,
    /// The document's highlights.
    pub highlights: Option<&'a DocHighlights>,
    /// Text path for Arabic.
    pub text: &'a mut TextSystem,
    /// Style of sidebar text.
    pub style: TextStyle,
    /// Interface language.
    pub lang: Lang,
    /// Text colour.
    pub color: Color32,
}

/// A header in the interface language: Arabic goes through the RTL text path.
fn header(ui: &mut Ui, env: &mut SidebarEnv<'_>, text: &str, color: Color32) {
    if env.lang.rtl() {
        let style = env.style.bold();
        rtl_label(ui, env.text, text, &style, color, Sense::hover());
    } else {
        ui.label(RichText::new(text).strong().color(color));
    }
}

/// Shows the sidebar's contents (the caller places the panel).
pub fn sidebar(
    ui: &mut Ui,
    state: &mut SidebarState,
    mut env: SidebarEnv<'_>,
    commands: &mut Vec<Command>,
) {
    let s = env.lang.s();
    // A document without sections has no Contents tab: fall back to the entities.
    if state.tab == SidebarTab::Contents && env.headings.is_empty() {
        state.tab = SidebarTab::Entities;
    }
    super::row(ui, env.lang, |ui| {
        let mut tabs = vec![
            (SidebarTab::Entities, s.entities),
            (SidebarTab::Quotes, s.quotes),
            (SidebarTab::Highlights, s.highlights),
        ];
        if !env.headings.is_empty() {
            tabs.push((SidebarTab::Contents, s.contents));
        }
        for (tab, name) in tabs {
            if ui
                .selectable_label(state.tab == tab, visual(name))
                .clicked()
            {
                state.tab = tab;
            }
        }
    });
    ui.separator();
    state.hovered_entity = None;
    match state.tab {
        SidebarTab::Entities => entities_tab(ui, state, &mut env, commands),
        SidebarTab::Quotes => quotes_tab(ui, state, &mut env, commands),
        SidebarTab::Highlights => highlights_tab(ui, &mut env, commands),
        SidebarTab::Contents => contents_tab(ui, &mut env, commands),
    }
}

fn analysing(ui: &mut Ui, env: &mut SidebarEnv<'_>) {
    ui.horizontal(|ui| {
        ui.spinner();
        let s = env.lang.s();
        let color = env.color;
        match env.progress {
            Some(percent) => header(ui, env, &s.analysing_at(percent), color),
            None => header(ui, env, s.analysing, color),
        }
    });
}

fn entities_tab(
    ui: &mut Ui,
    state: &mut SidebarState,
    env: &mut SidebarEnv<'_>,
    commands: &mut Vec<Command>,
) {
    let s = env.lang.s();
    let Some(analysis) = env.analysis else {
        analysing(ui, env);
        return;
    };
    super::row(ui, env.lang, |ui| {
        let label = ui.label(visual(s.filter));
        let options = FieldOptions::new(s.filter, env.lang.rtl());
        text_field(
            ui,
            env.text,
            egui::Id::unique("qari-entity-filter"),
            &mut state.filter,
            &options,
        )
        .response
        .labelled_by(label.id);
    });
    super::checkbox(ui, &mut state.underline, s.underline_entities, env.lang);
    let filter = normalize(&state.filter);
    ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        // Keep text clear of the scroll bar that floats over the right edge.
        ui.set_max_width(ui.available_width() - 12.0);
        let mut any = false;
        for kind in KIND_ORDER {
            let mut items: Vec<(usize, &crate::analysis::Entity)> = analysis
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == kind)
                .filter(|(_, e)| e.mention_count() + e.title_mentions.len() > 0)
                .filter(|(_, e)| filter.is_empty() || normalize(&e.name).contains(&filter))
                .collect();
            if items.is_empty() {
                continue;
            }
            any = true;
            let count = |e: &crate::analysis::Entity| e.mention_count() + e.title_mentions.len();
            items.sort_by(|a, b| count(b.1).cmp(&count(a.1)).then(a.0.cmp(&b.0)));
            ui.add_space(6.0);
            header(ui, env, kind_title(kind, s), kind_color(kind));
            for (i, e) in items {
                // A no-break space keeps the count with the last word of the name.
                let text = format!("{}\u{00A0}({})", e.name, count(e));
                let selected = state.selected_entity == Some(i);
                let color = if selected {
                    kind_color(kind)
                } else {
                    env.color
                };
                let r = rtl_label_named(
                    ui,
                    env.text,
                    &text,
                    &e.name,
                    &env.style,
                    color,
                    Sense::click(),
                );
                if r.hovered() {
                    state.hovered_entity = Some(i);
                    ui.painter()
                        .rect_filled(r.rect, 3.0, kind_color(kind).gamma_multiply(0.12));
                }
                if r.clicked() {
                    commands.push(Command::ShowEntity(i));
                }
            }
        }
        if !any {
            header(ui, env, s.no_entities, env.color);
        }
    });
}

fn quotes_tab(
    ui: &mut Ui,
    state: &mut SidebarState,
    env: &mut SidebarEnv<'_>,
    commands: &mut Vec<Command>,
) {
    let s = env.lang.s();
    let Some(analysis) = env.analysis else {
        analysing(ui, env);
        return;
    };
    super::checkbox(ui, &mut state.show_short, s.show_short_quotes, env.lang);
    ScrollArea::vertical()
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            // Keep text clear of the scroll bar that floats over the right edge.
            ui.set_max_width(ui.available_width() - 12.0);
            let top = ui.min_rect().top();
            let width_key = ui.available_width().round() as i32;
            if state.card_width != width_key {
                state.card_heights.clear();
                state.card_width = width_key;
            }
            let mut any = false;
            for (i, q) in analysis.quotes.iter().enumerate() {
                if q.short && !state.show_short {
                    continue;
                }
                any = true;
                // Cards far outside the view only take their (last measured) height.
                let y = ui.cursor().top() - top;
                let known = state.card_heights.get(&i).copied();
                let h = known.unwrap_or(CARD_ESTIMATE);
                if y + h < viewport.top() - 200.0 || y > viewport.bottom() + 200.0 {
                    ui.add_space(h);
                    continue;
                }
                let card_top = ui.cursor().top();
                let selected = state.selected_quote == Some(i);
                let frame = egui::Frame::group(ui.style())
                    .fill(if selected {
                        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
                    } else {
                        ui.visuals().faint_bg_color
                    })
                    .inner_margin(8.0);
                frame.show(ui, |ui| {
                    // The text and its attribution are the card's click targets; the buttons stay separate.
                    let quote = format!("«{}»", q.text);
                    let r1 = rtl_label(ui, env.text, &quote, &env.style, env.color, Sense::click());
                    let speaker = q.speaker.as_deref().unwrap_or(s.unknown_speaker);
                    let meta = format!("— {speaker} · {} {}", s.paragraph, q.paragraph + 1);
                    let small = env.style.with_size(env.style.size * 0.85);
                    let faint = env.color.gamma_multiply(0.75);
                    let r2 = rtl_label(ui, env.text, &meta, &small, faint, Sense::click());
                    if r1.clicked() || r2.clicked() {
                        commands.push(Command::ShowQuote(i));
                    }
                    super::row(ui, env.lang, |ui| {
                        if ui.button(visual(s.copy_quote)).clicked() {
                            commands.push(Command::CopyQuote {
                                index: i,
                                attributed: true,
                            });
                        }
                        if ui.button(visual(s.copy_quote_only)).clicked() {
                            commands.push(Command::CopyQuote {
                                index: i,
                                attributed: false,
                            });
                        }
                        if ui
                            .button(visual(s.share_image))
                            .on_hover_text(visual(s.share_image_hint))
                            .clicked()
                        {
                            commands.push(Command::ShareQuote(i));
                        }
                    });
                });
                ui.add_space(4.0);
                state.card_heights.insert(i, ui.cursor().top() - card_top);
            }
            if !any {
                header(ui, env, s.no_quotes, env.color);
            }
        });
}

fn highlights_tab(ui: &mut Ui, env: &mut SidebarEnv<'_>, commands: &mut Vec<Command>) {
    let s = env.lang.s();
    let Some(hl) = env.highlights else { return };
    super::row(ui, env.lang, |ui| {
        if ui.button(visual(s.export_markdown)).clicked() {
            commands.push(Command::ExportHighlights { markdown: true });
        }
        if ui.button(visual(s.export_json)).clicked() {
            commands.push(Command::ExportHighlights { markdown: false });
        }
        if hl.deleted.is_some() && ui.button(visual(s.undo_delete)).clicked() {
            commands.push(Command::UndoDeleteHighlight);
        }
    });
    ui.separator();
    if hl.items.is_empty() {
        let color = env.color;
        header(ui, env, s.no_highlights, color);
        return;
    }
    ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(ui.available_width() - 12.0);
        for (i, h) in hl.items.iter().enumerate() {
            egui::Frame::group(ui.style())
                .inner_margin(6.0)
                .show(ui, |ui| {
                    super::row(ui, env.lang, |ui| {
                        for c in crate::annotations::HighlightColor::ALL {
                            let name = super::swatch::color_name(c, s);
                            if super::swatch::swatch(ui, c, c == h.color, name.to_string())
                                .clicked()
                            {
                                commands.push(Command::SetHighlightColor { id: h.id, color: c });
                            }
                        }
                        if ui.button(visual(s.delete)).clicked() {
                            commands.push(Command::DeleteHighlight(h.id));
                        }
                    });
                    let r = rtl_label(
                        ui,
                        env.text,
                        &h.anchor.exact,
                        &env.style,
                        env.color,
                        Sense::click(),
                    );
                    if r.clicked() {
                        commands.push(Command::JumpToHighlight(h.id));
                    }
                    if hl.is_orphaned(i) {
                        let warn = egui::Color32::from_rgb(0xc0, 0x60, 0x10);
                        header(ui, env, s.orphaned, warn);
                    }
                    let mut note = h.note.clone();
                    let label = ui.label(visual(s.note));
                    let options = FieldOptions::new(s.note, env.lang.rtl())
                        .hint(s.note_hint)
                        .multiline(NewlineKeys::ModifiedEnter);
                    let out = text_field(
                        ui,
                        env.text,
                        egui::Id::unique(("qari-note", h.id)),
                        &mut note,
                        &options,
                    );
                    // Every edit is kept as it is typed; Enter ends the editing.
                    if out.enter.is_some() {
                        out.response.surrender_focus();
                    }
                    let edit = out.response.labelled_by(label.id);
                    if edit.changed() {
                        commands.push(Command::SetHighlightNote { id: h.id, note });
                    }
                });
            ui.add_space(4.0);
        }
    });
}

fn contents_tab(ui: &mut Ui, env: &mut SidebarEnv<'_>, commands: &mut Vec<Command>) {
    let headings = std::mem::take(&mut env.headings);
    ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        // Keep text clear of the scroll bar that floats over the right edge.
        ui.set_max_width(ui.available_width() - 12.0);
        for (block, text) in headings {
            let r = rtl_label(ui, env.text, text, &env.style, env.color, Sense::click());
            if r.clicked() {
                commands.push(Command::JumpToBlock(block));
            }
        }
    });
}
