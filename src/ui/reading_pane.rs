//! The reading pane: the page painted through the RTL text path, scrolling, selection and copy.

use egui::{Color32, CursorIcon, Event, Id, Mesh, Pos2, Rect, Sense, Ui, pos2, vec2};

use crate::state::Command;
use crate::state::keymap::{Action, Scope, action_for};
use crate::state::reader_view::ReaderView;
use crate::text::atlas::GlyphAtlas;
use crate::text::page::{BlockKind, PageFrame, PlacedBlock};
use crate::text::paint::add_paragraph_within;
use crate::text::theme::Rgba;
use crate::text::{LayoutEngine, Page, PageStyle, TextSystem, Theme};

use super::swatch::{color_name, swatch};
use super::visual_order::visual;
use crate::annotations::HighlightColor;
use crate::state::i18n::Lang;
use crate::state::marks::{MarkSet, MarkStyle};
use crate::state::selection::{Selection, TextPos};

/// What the reading pane needs besides its view state.
pub struct PaneEnv<'a> {
    /// Layout engine, glyph atlas and label cache.
    pub text: &'a mut TextSystem,
    /// Typography.
    pub style: &'a PageStyle,
    /// Colours.
    pub theme: Theme,
    /// Marks to draw, in layers (later layers on top).
    pub marks: &'a [&'a MarkSet],
    /// Interface language.
    pub lang: crate::state::i18n::Lang,
}

/// Converts a theme colour for egui.
pub fn color(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

/// Shows the reading pane filling `ui`; user actions become commands.
pub fn reading_pane(
    ui: &mut Ui,
    view: &mut ReaderView,
    env: PaneEnv<'_>,
    commands: &mut Vec<Command>,
) {
    let PaneEnv {
        text,
        style,
        theme,
        marks,
        lang,
    } = env;
    let TextSystem { engine, atlas, .. } = text;
    resolve_jump(view, engine, style);
    let pane_id = Id::unique("qari-reading-pane");
    let keyboard_free = ui
        .ctx()
        .memory(|m| m.focused().is_none_or(|f| f == pane_id));
    if keyboard_free {
        handle_keys(ui, view, style, commands);
    }

    let palette = theme.palette();
    let mut area = egui::ScrollArea::vertical()
        .id_salt("reading-pane-scroll")
        .auto_shrink(false);
    if let Some(y) = view.scroll_request.take() {
        area = area.vertical_scroll_offset(y.max(0.0));
    }
    let output = area.show_viewport(ui, |ui, viewport| {
        let pane_width = ui.available_width();
        let frame = style.frame(pane_width);
        view.column_width = frame.column_width;
        let origin = ui.max_rect().min;
        let visible_rect = Rect::from_min_size(origin + viewport.min.to_vec2(), viewport.size());
        ui.painter()
            .rect_filled(visible_rect, 0.0, color(palette.background));

        let placed = view.page.visible(
            engine,
            style,
            frame.column_width,
            viewport.min.y - frame.top,
            viewport.max.y - frame.top,
        );
        let total = view.page.height() + 2.0 * frame.top;
        ui.set_min_size(vec2(pane_width, total));

        let response = ui.interact(visible_rect, pane_id, Sense::click_and_drag());
        handle_pointer(ui, view, &response, &placed, &frame, origin, visible_rect);

        paint_marks(ui, &placed, &frame, origin, marks, true);
        paint_selection(ui, view, &placed, &frame, origin, color(palette.selection));
        let colors = (palette.text, palette.heading);
        if let Some(mesh) = text_mesh(
            atlas,
            engine,
            &placed,
            &view.page,
            &frame,
            origin,
            colors,
            ui.clip_rect(),
        ) {
            ui.painter().add(mesh);
        }
        paint_marks(ui, &placed, &frame, origin, marks, false);
        expose_blocks(ui, view, &placed, &frame, origin);
        view.visible_blocks = placed.iter().map(|b| b.index).collect();
        view.top = top_position(&placed, viewport.min.y - frame.top);

        if !response.dragged() {
            highlight_bar(ui, view, &placed, &frame, origin, lang, commands);
        }
        let strings = lang.s();
        response.context_menu(|ui| {
            super::toolbar::menu_body(ui, lang, |ui| {
                let has_selection = view.selection.is_some_and(|s| !s.is_empty());
                if ui
                    .add_enabled(has_selection, egui::Button::new(visual(strings.copy)))
                    .clicked()
                {
                    commands.push(Command::CopySelection);
                    ui.close();
                }
                if ui
                    .add_enabled(
                        has_selection,
                        egui::Button::new(visual(strings.share_image)),
                    )
                    .on_hover_text(visual(strings.share_image_hint))
                    .clicked()
                {
                    commands.push(Command::ShareSelection);
                    ui.close();
                }
                if ui.button(visual(strings.select_all)).clicked() {
                    commands.push(Command::SelectAll);
                    ui.close();
                }
                if has_selection {
                    ui.separator();
                    ui.label(visual(strings.highlight));
                    ui.with_layout(super::row_layout(lang), |ui| {
                        for c in HighlightColor::ALL {
                            let label = format!("{} {}", strings.highlight, color_name(c, strings));
                            if swatch(ui, c, false, label).clicked() {
                                commands.push(Command::AddHighlight(c));
                                ui.close();
                            }
                        }
                    });
                }
            });
        });
    });
    view.scroll = output.state.clamped_offset().y;
    view.viewport_height = output.inner_rect.height();
    if view.return_to.is_some() {
        back_button(ui, output.inner_rect, lang, commands);
    }
}

/// Turns a pending jump into a scroll offset that puts the target a third of the way down
/// (or at the top, for a restored reading position).
fn resolve_jump(view: &mut ReaderView, engine: &mut LayoutEngine, style: &PageStyle) {
    let Some(jump) = view.jump_to.take() else {
        return;
    };
    if view.column_width <= 0.0 || view.viewport_height <= 0.0 {
        // Not laid out yet (a document's first frame): try again next frame.
        view.jump_to = Some(jump);
        return;
    }
    let target = jump.to;
    if target.block >= view.page.blocks.len() {
        return;
    }
    let layout = view
        .page
        .layout(engine, style, view.column_width, target.block);
    let line = &layout.lines[layout.line_of(target.char)];
    let y = style.margin + view.page.top_of(target.block) + line.top;
    let above = if jump.at_top {
        0.0
    } else {
        view.viewport_height / 3.0
    };
    view.scroll_request = Some((y - above).max(0.0));
}

/// A button over the bottom corner of the pane that goes back to where the reader was.
fn back_button(ui: &mut Ui, pane: Rect, lang: Lang, commands: &mut Vec<Command>) {
    let (align, offset) = if lang.rtl() {
        (egui::Align2::RIGHT_BOTTOM, vec2(-24.0, -16.0))
    } else {
        (egui::Align2::LEFT_BOTTOM, vec2(24.0, -16.0))
    };
    egui::Area::new(Id::unique("qari-back-to-reading"))
        .anchor(align, offset)
        .constrain_to(pane)
        .show(ui.ctx(), |ui| {
            if ui.button(visual(lang.s().back_to_reading)).clicked() {
                commands.push(Command::ReturnToReading);
            }
        });
}

/// The first char of the first line whose bottom is below `y` (page coordinates): where
/// the reader is.
fn top_position(placed: &[PlacedBlock], y: f32) -> Option<TextPos> {
    placed.iter().find_map(|b| {
        let line = b
            .layout
            .lines
            .iter()
            .find(|l| b.top + l.top + l.height > y)?;
        Some(TextPos {
            block: b.index,
            char: line.chars.start,
        })
    })
}

fn paint_marks(
    ui: &Ui,
    placed: &[PlacedBlock],
    frame: &PageFrame,
    origin: Pos2,
    layers: &[&MarkSet],
    behind: bool,
) {
    for block in placed {
        let o = block_origin(block, frame, origin);
        for layer in layers {
            for mark in layer.on(block.index) {
                let is_fill = matches!(mark.style, MarkStyle::Fill(_));
                if is_fill != behind {
                    continue;
                }
                for span in block.layout.selection_spans(mark.chars.clone()) {
                    let line = &block.layout.lines[span.line];
                    let rect = Rect::from_min_max(
                        pos2(o.x + span.x0, o.y + line.top + 2.0),
                        pos2(o.x + span.x1, o.y + line.top + line.height - 2.0),
                    );
                    match mark.style {
                        MarkStyle::Fill(c) => {
                            ui.painter().rect_filled(rect, 3.0, c);
                        }
                        MarkStyle::Underline(c) => {
                            let y = o.y + line.baseline + line.height * 0.18;
                            ui.painter().line_segment(
                                [pos2(rect.left(), y), pos2(rect.right(), y)],
                                egui::Stroke::new(2.0, c),
                            );
                        }
                        MarkStyle::Outline(c) => {
                            ui.painter().rect_stroke(
                                rect,
                                3.0,
                                egui::Stroke::new(2.0, c),
                                egui::StrokeKind::Outside,
                            );
                        }
                    }
                }
            }
        }
    }
}

fn handle_keys(ui: &Ui, view: &mut ReaderView, style: &PageStyle, commands: &mut Vec<Command>) {
    let line = style.body.size * style.body.line_height;
    let page_step = (view.viewport_height - 2.0 * line).max(line);
    let mut delta = 0.0;
    let mut jump = None;
    ui.input(|i| {
        for event in &i.events {
            match event {
                Event::Copy => commands.push(Command::CopySelection),
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => match action_for(Scope::ReadingPane, *key, *modifiers) {
                    Some(Action::LineDown) => delta += line,
                    Some(Action::LineUp) => delta -= line,
                    Some(Action::ScreenDown) => delta += page_step,
                    Some(Action::ScreenUp) => delta -= page_step,
                    Some(Action::Start) => jump = Some(0.0),
                    Some(Action::End) => jump = Some(f32::MAX),
                    Some(Action::SelectAll) => commands.push(Command::SelectAll),
                    _ => {}
                },
                _ => {}
            }
        }
    });
    if let Some(y) = jump {
        let end = (view.page.height() + 200.0 - view.viewport_height).max(0.0);
        view.scroll_request = Some(y.min(end));
    } else if delta != 0.0 {
        let end = (view.page.height() + 200.0 - view.viewport_height).max(0.0);
        view.scroll_request = Some((view.scroll + delta).clamp(0.0, end));
    }
}

/// The caret position under a screen point, if a laid-out block is there.
fn hit(
    view: &mut ReaderView,
    placed: &[PlacedBlock],
    frame: &PageFrame,
    origin: Pos2,
    p: Pos2,
) -> Option<TextPos> {
    let (first, last) = (placed.first()?, placed.last()?);
    let y = p.y - origin.y - frame.top;
    let x = p.x - origin.x - frame.column_x;
    let block = if y < first.top {
        first
    } else {
        let i = view.page.block_at(y);
        placed.iter().find(|b| b.index == i).unwrap_or(last)
    };
    let char = block.layout.hit(x, y - block.top);
    Some(TextPos {
        block: block.index,
        char,
    })
}

fn handle_pointer(
    ui: &Ui,
    view: &mut ReaderView,
    response: &egui::Response,
    placed: &[PlacedBlock],
    frame: &PageFrame,
    origin: Pos2,
    visible: Rect,
) {
    if response.hovered() {
        ui.ctx().set_cursor_icon(CursorIcon::Text);
    }
    let Some(pointer) = response.interact_pointer_pos().or(response.hover_pos()) else {
        return;
    };
    let shift = ui.input(|i| i.modifiers.shift);
    if response.triple_clicked() {
        if let Some(at) = hit(view, placed, frame, origin, pointer) {
            let len = view.page.blocks[at.block].text.chars().count();
            view.selection = Some(Selection {
                anchor: TextPos {
                    block: at.block,
                    char: 0,
                },
                focus: TextPos {
                    block: at.block,
                    char: len,
                },
            });
        }
    } else if response.double_clicked() {
        if let Some(at) = hit(view, placed, frame, origin, pointer)
            && let Some(layout) = view.page.cached(at.block)
        {
            let word = layout.word_at(at.char);
            view.selection = Some(Selection {
                anchor: TextPos {
                    block: at.block,
                    char: word.start,
                },
                focus: TextPos {
                    block: at.block,
                    char: word.end,
                },
            });
        }
    } else if response.drag_started() || (response.clicked() && !shift) {
        // A drag is recognised only after the pointer moved: anchor where it was pressed.
        let pressed_at = ui.input(|i| i.pointer.press_origin()).unwrap_or(pointer);
        if let Some(at) = hit(view, placed, frame, origin, pressed_at) {
            match (shift, view.selection) {
                (true, Some(sel)) => view.selection = Some(Selection { focus: at, ..sel }),
                _ => view.selection = Some(Selection::caret(at)),
            }
        }
        response.request_focus();
    } else if response.clicked() && shift {
        if let (Some(at), Some(sel)) = (hit(view, placed, frame, origin, pointer), view.selection) {
            view.selection = Some(Selection { focus: at, ..sel });
        }
    } else if response.dragged() {
        if let (Some(at), Some(sel)) = (hit(view, placed, frame, origin, pointer), view.selection) {
            view.selection = Some(Selection { focus: at, ..sel });
        }
        // Dragging past the pane's edge scrolls towards it.
        let edge = if pointer.y < visible.top() {
            pointer.y - visible.top()
        } else if pointer.y > visible.bottom() {
            pointer.y - visible.bottom()
        } else {
            0.0
        };
        if edge != 0.0 {
            view.scroll_request = Some((view.scroll + edge * 0.5).max(0.0));
            ui.ctx().request_repaint();
        }
    }
}

/// Colour dots just under the end of a finished selection: one click highlights it.
fn highlight_bar(
    ui: &Ui,
    view: &ReaderView,
    placed: &[PlacedBlock],
    frame: &PageFrame,
    origin: Pos2,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let Some(sel) = view.selection.filter(|s| !s.is_empty()) else {
        return;
    };
    let Some(block) = placed.iter().find(|b| b.index == sel.focus.block) else {
        return;
    };
    let (x, line_i) = block.layout.caret(sel.focus.char);
    let Some(line) = block.layout.lines.get(line_i) else {
        return;
    };
    let o = block_origin(block, frame, origin);
    let s = lang.s();
    let at = pos2(o.x + x - 70.0, o.y + line.top + line.height + 2.0);
    egui::Area::new(Id::unique("qari-highlight-bar"))
        .fixed_pos(at)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                // The same order as the highlight cards: from the start side of the interface.
                ui.with_layout(super::row_layout(lang), |ui| {
                    for c in HighlightColor::ALL {
                        let label = format!("{} {}", s.highlight, color_name(c, s));
                        if swatch(ui, c, false, label)
                            .on_hover_text(visual(s.highlight_hint))
                            .clicked()
                        {
                            commands.push(Command::AddHighlight(c));
                        }
                    }
                });
            });
        });
}

fn block_origin(block: &PlacedBlock, frame: &PageFrame, origin: Pos2) -> Pos2 {
    pos2(origin.x + frame.column_x, origin.y + frame.top + block.top)
}

fn paint_selection(
    ui: &Ui,
    view: &ReaderView,
    placed: &[PlacedBlock],
    frame: &PageFrame,
    origin: Pos2,
    fill: Color32,
) {
    let Some(sel) = view.selection.filter(|s| !s.is_empty()) else {
        return;
    };
    for block in placed {
        let Some(range) = sel.range_in(block.index, block.layout.char_len()) else {
            continue;
        };
        let o = block_origin(block, frame, origin);
        for span in block.layout.selection_spans(range) {
            let line = &block.layout.lines[span.line];
            let rect = Rect::from_min_max(
                pos2(o.x + span.x0, o.y + line.top),
                pos2(o.x + span.x1, o.y + line.top + line.height),
            );
            ui.painter().rect_filled(rect, 0.0, fill);
        }
    }
}

fn expose_blocks(
    ui: &Ui,
    view: &ReaderView,
    placed: &[PlacedBlock],
    frame: &PageFrame,
    origin: Pos2,
) {
    for block in placed {
        let o = block_origin(block, frame, origin);
        let rect = Rect::from_min_size(o, vec2(frame.column_width, block.layout.height));
        let id = Id::unique(("qari-block", block.index));
        let response = ui.interact(rect, id, Sense::hover());
        let role = match view.page.blocks[block.index].kind {
            BlockKind::Title | BlockKind::Heading => egui::accesskit::Role::Heading,
            BlockKind::Paragraph(_) => egui::accesskit::Role::Paragraph,
        };
        let text = view.page.blocks[block.index].text.clone();
        response.widget_info(move || egui::WidgetInfo::labeled(role, true, &text));
    }
}

/// Builds one mesh with the glyphs of every visible block's lines inside `clip`.
#[expect(
    clippy::too_many_arguments,
    reason = "the pane's drawing state, passed as the other drawing helpers take it"
)]
pub fn text_mesh(
    atlas: &mut GlyphAtlas,
    engine: &mut LayoutEngine,
    placed: &[PlacedBlock],
    page: &Page,
    frame: &PageFrame,
    origin: Pos2,
    palette: (Rgba, Rgba),
    clip: Rect,
) -> Option<Mesh> {
    let mut mesh = Mesh::with_texture(atlas.texture_id()?);
    for block in placed {
        let c = match page.blocks[block.index].kind {
            BlockKind::Paragraph(_) => palette.0,
            _ => palette.1,
        };
        add_paragraph_within(
            &mut mesh,
            atlas,
            engine,
            &block.layout,
            block_origin(block, frame, origin),
            color(c),
            clip.top()..clip.bottom(),
        );
    }
    Some(mesh)
}
