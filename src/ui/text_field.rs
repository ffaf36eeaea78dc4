//! A text field on qari's own text path: bidi layout, right-aligned Arabic, visual caret
//! movement, selection, clipboard, undo and IME, in place of egui's `TextEdit`.
//!
//! The caller keeps the `String`; the editing state (caret, selection, undo) lives in egui
//! memory under the field's id and follows the string when the app changes it.

use std::sync::Arc;

use egui::{
    CornerRadius, Event, EventFilter, Id, ImeEvent, Key, Modifiers, Rect, Response, Sense, Stroke,
    StrokeKind, Ui, pos2, vec2,
};

use crate::text::editor::EditText;
use crate::text::field_layout::FieldLayout;
use crate::text::paint::paint_paragraph;
use crate::text::{TextStyle, TextSystem};

/// Space between the frame and the text.
const MARGIN: egui::Vec2 = egui::vec2(5.0, 1.0);

/// Which Enter chord inserts a newline in a multi-line field; the others are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewlineKeys {
    /// Enter inserts a newline.
    Enter,
    /// Shift+Enter or Ctrl+Enter inserts a newline; plain Enter is reported to the caller.
    ModifiedEnter,
}

/// How a field looks and behaves.
#[derive(Debug, Clone)]
pub struct FieldOptions<'a> {
    /// Name for the accessibility tree (and tests).
    pub label: &'a str,
    /// Shown, dimmed, while the field is empty.
    pub hint: &'a str,
    /// Wraps and takes newlines.
    pub multiline: bool,
    /// Which Enter chord inserts a newline (multi-line fields only).
    pub newline: NewlineKeys,
    /// Width of the field; `None` takes the available width.
    pub width: Option<f32>,
    /// Text style.
    pub style: TextStyle,
    /// The interface reads right to left: an empty field starts at its right edge.
    pub rtl_interface: bool,
}

impl<'a> FieldOptions<'a> {
    /// A one-line field in the interface's direction, in the default field style.
    pub fn new(label: &'a str, rtl_interface: bool) -> Self {
        Self {
            label,
            hint: "",
            multiline: false,
            newline: NewlineKeys::Enter,
            width: None,
            style: field_style(),
            rtl_interface,
        }
    }

    /// With a hint shown while empty.
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = hint;
        self
    }

    /// At a fixed width.
    pub fn width(mut self, width: f32) -> Self {
        self.width = Some(width);
        self
    }

    /// Multi-line, with newlines on `newline`.
    pub fn multiline(mut self, newline: NewlineKeys) -> Self {
        self.multiline = true;
        self.newline = newline;
        self
    }
}

/// The style fields use: Noto Naskh with room above and below for harakat and dots.
pub fn field_style() -> TextStyle {
    TextStyle {
        size: 15.0,
        line_height: 1.75,
        ..TextStyle::default()
    }
}

/// What happened to a field this frame.
#[derive(Debug)]
pub struct FieldOutput {
    /// The widget's response: `changed()` when the text changed, focus, hover.
    pub response: Response,
    /// Enter (with these modifiers) was pressed and not taken as a newline.
    pub enter: Option<Modifiers>,
    /// Escape was pressed; the field gave up the focus.
    pub escape: bool,
}

/// The editing state a field keeps between frames.
#[derive(Debug, Clone, Default)]
pub struct FieldState {
    /// Text, caret, selection, undo.
    pub edit: EditText,
    /// The IME composition being typed, shown at the caret but not yet in the text.
    pub preedit: String,
    /// Horizontal scroll of a one-line field that overflows.
    pub scroll: f32,
    /// The layout last shown, and where its text's top-left was on screen.
    pub shown: Option<(Arc<FieldLayout>, egui::Pos2)>,
}

impl FieldState {
    /// The state of the field `id`, if it was shown.
    pub fn load(ctx: &egui::Context, id: Id) -> Option<Self> {
        ctx.data(|d| d.get_temp::<Self>(id))
    }

    fn store(self, ctx: &egui::Context, id: Id) {
        ctx.data_mut(|d| d.insert_temp(id, self));
    }
}

/// Shows a text field editing `text`; `id` names it (its focus and its [`FieldState`]).
pub fn text_field(
    ui: &mut Ui,
    text_system: &mut TextSystem,
    id: Id,
    text: &mut String,
    options: &FieldOptions<'_>,
) -> FieldOutput {
    let mut state = FieldState::load(ui.ctx(), id).unwrap_or_default();
    if state.edit.text() != text.as_str() {
        // The app changed the text (a new document, a test): follow it.
        state.edit.reset(text);
        state.preedit.clear();
    }

    let width = options
        .width
        .unwrap_or_else(|| ui.available_width())
        .max(40.0);
    let inner_width = width - 2.0 * MARGIN.x;
    let lay = |ts: &mut TextSystem, s: &str| {
        Arc::new(FieldLayout::new(
            ts,
            s,
            &options.style,
            inner_width,
            options.multiline,
            options.rtl_interface,
        ))
    };
    let layout = lay(text_system, state.edit.text());
    let height = layout.height + 2.0 * MARGIN.y;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    // Interact under the field's own id, so focus and the stored state share it.
    let mut response = ui.interact(rect, id, Sense::click_and_drag());
    let text_origin = rect.min + MARGIN - vec2(state.scroll, 0.0);

    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
        ui.output_mut(|o| o.mutable_text_under_cursor = true);
    }

    // Mouse: press places the caret (Shift extends), drag selects, double-click takes a word,
    // triple-click the line.
    let mut layout = layout;
    let mut layout_for = state.edit.text().to_string();
    if state.preedit.is_empty()
        && let Some(p) = response.interact_pointer_pos()
    {
        let boundaries = boundaries(&state.edit);
        let pos = layout.hit(p.x - text_origin.x, p.y - text_origin.y, |i| {
            boundaries.get(i).copied().unwrap_or(false)
        });
        let shift = ui.input(|i| i.modifiers.shift);
        if response.triple_clicked() {
            let line = state.edit.line_start(pos)..state.edit.line_end(pos);
            state.edit.select(line);
        } else if response.double_clicked() {
            state.edit.select(state.edit.word_at(pos));
        } else if ui.input(|i| i.pointer.primary_pressed()) {
            response.request_focus();
            state.edit.move_to(pos, shift);
        } else if response.dragged() {
            state.edit.move_to(pos, true);
        }
    }
    if response.clicked() {
        response.request_focus();
    }

    let mut enter = None;
    let mut escape = false;
    let mut changed = false;
    let focused = response.has_focus();
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                EventFilter {
                    tab: false,
                    horizontal_arrows: true,
                    vertical_arrows: options.multiline,
                    escape: true,
                },
            )
        });
        let events = ui.input(|i| i.events.clone());
        for event in events {
            match event {
                Event::Text(s) => {
                    let s = clean(&s, options.multiline);
                    changed |= state.edit.type_text(&s);
                }
                Event::Paste(s) => {
                    let s = clean(&s, options.multiline);
                    changed |= state.edit.paste(&s);
                }
                Event::Copy if state.edit.has_selection() => {
                    ui.ctx().copy_text(state.edit.selected_text().to_string());
                }
                Event::Cut => {
                    if let Some(s) = state.edit.cut() {
                        ui.ctx().copy_text(s);
                        changed = true;
                    }
                }
                Event::Ime(ime) => match ime {
                    ImeEvent::Preedit { text: s, .. } => state.preedit = s,
                    ImeEvent::Commit(s) => {
                        state.preedit.clear();
                        changed |= state.edit.type_text(&clean(&s, options.multiline));
                    }
                    _ => {}
                },
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => {
                    if state.edit.text() != layout_for {
                        layout = lay(text_system, state.edit.text());
                        layout_for = state.edit.text().to_string();
                    }
                    match on_key(&mut state.edit, &layout, key, modifiers, options) {
                        KeyOutcome::Edited => changed = true,
                        KeyOutcome::Enter => enter = Some(modifiers),
                        KeyOutcome::Escape => escape = true,
                        KeyOutcome::Moved | KeyOutcome::Ignored => {}
                    }
                }
                _ => {}
            }
        }
    }
    if escape {
        response.surrender_focus();
    }
    if escape || !response.has_focus() {
        // A composition does not outlive the focus.
        state.preedit.clear();
    }
    if changed {
        *text = state.edit.text().to_string();
        response.mark_changed();
    }

    // Lay out what is shown: the text with any composition at the caret.
    let composing = !state.preedit.is_empty();
    let cursor = state.edit.cursor();
    let shown_text = if composing {
        let mut s = state.edit.text().to_string();
        let at = s.char_indices().nth(cursor).map_or(s.len(), |(b, _)| b);
        s.insert_str(at, &state.preedit);
        s
    } else {
        state.edit.text().to_string()
    };
    let layout = lay(text_system, &shown_text);
    let preedit_chars = state.preedit.chars().count();
    let caret_pos = cursor + preedit_chars;
    let (caret_line, caret_x) = layout.caret(caret_pos);

    // Keep the caret in view in a one-line field that overflows.
    if !options.multiline {
        let max_scroll = (layout.content_width - inner_width).max(0.0);
        if caret_x - state.scroll > inner_width {
            state.scroll = caret_x - inner_width;
        } else if caret_x < state.scroll {
            state.scroll = caret_x;
        }
        state.scroll = state.scroll.clamp(0.0, max_scroll);
    } else {
        state.scroll = 0.0;
    }
    let origin = rect.min + MARGIN - vec2(state.scroll, 0.0);

    if ui.is_rect_visible(rect) {
        paint(
            ui,
            text_system,
            rect,
            origin,
            &layout,
            &state,
            options,
            focused || response.has_focus(),
            response.hovered(),
        );
    }
    let line = layout.lines.get(caret_line);
    let caret_rect = Rect::from_min_size(
        pos2(origin.x + caret_x, origin.y + line.map_or(0.0, |l| l.top)),
        vec2(1.0, line.map_or(layout.height, |l| l.height)),
    );
    if response.has_focus() {
        // Tells the platform to send IME events and where to put the candidate window.
        ui.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect,
                cursor_rect: caret_rect,
                should_interrupt_composition: false,
            })
        });
    }

    let value = text.clone();
    let label = options.label.to_string();
    let hint = options.hint.to_string();
    response.widget_info(move || {
        let mut info = egui::WidgetInfo::text_edit(true, &value, &value, &hint);
        info.label = Some(label.clone());
        info
    });
    state.shown = Some((layout, origin));
    state.store(ui.ctx(), id);
    FieldOutput {
        response,
        enter,
        escape,
    }
}

/// Which char positions the caret may stand at (grapheme boundaries).
fn boundaries(edit: &EditText) -> Vec<bool> {
    edit.grapheme_boundaries()
}

/// Control chars dropped; newlines become spaces in a one-line field.
fn clean(s: &str, multiline: bool) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\r' => None,
            '\n' if multiline => Some('\n'),
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

enum KeyOutcome {
    Edited,
    Moved,
    Enter,
    Escape,
    Ignored,
}

/// Applies one key press to the editing model.
fn on_key(
    edit: &mut EditText,
    layout: &FieldLayout,
    key: Key,
    m: Modifiers,
    options: &FieldOptions<'_>,
) -> KeyOutcome {
    let shift = m.shift;
    let word = m.ctrl || m.alt || m.mac_cmd;
    let ok = |b: bool| {
        if b {
            KeyOutcome::Edited
        } else {
            KeyOutcome::Ignored
        }
    };
    match key {
        Key::ArrowLeft | Key::ArrowRight => {
            let right = key == Key::ArrowRight;
            // Which way is logically forward here: towards the end of the text.
            let forward = right != layout.rtl;
            let pos = edit.cursor();
            if edit.has_selection() && !shift {
                // A selection collapses to its visual edge on that side.
                let r = edit.selection();
                let (_, xa) = layout.caret(r.start);
                let (_, xb) = layout.caret(r.end);
                let to = if (xa > xb) == right { r.start } else { r.end };
                edit.move_to(to, false);
                return KeyOutcome::Moved;
            }
            let to = if word {
                if forward {
                    edit.word_end_after(pos)
                } else {
                    edit.word_start_before(pos)
                }
            } else {
                let allowed = boundaries(edit);
                layout
                    .step_visual(pos, right, |i| allowed.get(i).copied().unwrap_or(false))
                    .unwrap_or_else(|| {
                        // At the edge of a visual line: on to the next or previous line.
                        if forward {
                            edit.next_grapheme(pos)
                        } else {
                            edit.prev_grapheme(pos)
                        }
                    })
            };
            edit.move_to(to, shift);
            KeyOutcome::Moved
        }
        Key::ArrowUp | Key::ArrowDown if options.multiline => {
            let (line, x) = layout.caret(edit.cursor());
            let target = if key == Key::ArrowUp {
                line.checked_sub(1)
            } else {
                Some(line + 1).filter(|&l| l < layout.lines.len())
            };
            let to = match target {
                Some(t) => {
                    let allowed = boundaries(edit);
                    layout
                        .nearest_on_line(t, x, |i| allowed.get(i).copied().unwrap_or(false))
                        .unwrap_or(edit.cursor())
                }
                None if key == Key::ArrowUp => 0,
                None => edit.char_len(),
            };
            edit.move_to(to, shift);
            KeyOutcome::Moved
        }
        Key::Home => {
            let to = if m.ctrl {
                0
            } else {
                edit.line_start(edit.cursor())
            };
            edit.move_to(to, shift);
            KeyOutcome::Moved
        }
        Key::End => {
            let to = if m.ctrl {
                edit.char_len()
            } else {
                edit.line_end(edit.cursor())
            };
            edit.move_to(to, shift);
            KeyOutcome::Moved
        }
        Key::Backspace if word => ok(edit.backspace_word()),
        Key::Backspace => ok(edit.backspace()),
        Key::Delete => ok(edit.delete_forward()),
        Key::A if m.command => {
            edit.select_all();
            KeyOutcome::Moved
        }
        Key::Z if m.command && shift => ok(edit.redo()),
        Key::Z if m.command => ok(edit.undo()),
        Key::Y if m.command => ok(edit.redo()),
        Key::Enter => {
            let newline = options.multiline
                && match options.newline {
                    NewlineKeys::Enter => !m.any() || m.shift_only(),
                    NewlineKeys::ModifiedEnter => m.shift || m.ctrl || m.command,
                };
            if newline {
                ok(edit.type_text("\n"))
            } else {
                KeyOutcome::Enter
            }
        }
        Key::Escape => KeyOutcome::Escape,
        _ => KeyOutcome::Ignored,
    }
}

/// Frame, selection, text (or hint), composition underline and caret.
#[expect(clippy::too_many_arguments, reason = "one painting step of one widget")]
fn paint(
    ui: &Ui,
    text_system: &mut TextSystem,
    rect: Rect,
    origin: egui::Pos2,
    layout: &FieldLayout,
    state: &FieldState,
    options: &FieldOptions<'_>,
    focused: bool,
    hovered: bool,
) {
    let visuals = ui.visuals();
    let stroke = if focused {
        visuals.selection.stroke
    } else if hovered {
        visuals.widgets.hovered.bg_stroke
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    let radius = CornerRadius::same(3);
    ui.painter().rect(
        rect,
        radius,
        visuals.text_edit_bg_color(),
        stroke,
        StrokeKind::Inside,
    );
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    let line_rect = |line: usize, l: f32, r: f32| {
        let fl = layout.lines.get(line);
        let top = origin.y + fl.map_or(0.0, |f| f.top);
        let h = fl.map_or(layout.height, |f| f.height);
        Rect::from_min_max(pos2(origin.x + l, top), pos2(origin.x + r, top + h))
    };

    let composing = !state.preedit.is_empty();
    let cursor = state.edit.cursor();
    if state.edit.has_selection() && !composing {
        let fill = visuals.selection.bg_fill;
        for (line, l, r) in layout.spans(state.edit.selection()) {
            painter.rect_filled(line_rect(line, l, r), 0.0, fill);
        }
    }

    let color = visuals.text_color();
    if state.edit.text().is_empty() && !composing {
        if !options.hint.is_empty() {
            let hint = FieldLayout::new(
                text_system,
                options.hint,
                &options.style,
                rect.width() - 2.0 * MARGIN.x,
                options.multiline,
                options.rtl_interface,
            );
            // The hint stands where the text will start: flush with the interface's side.
            let dx = if hint.rtl == layout.rtl {
                0.0
            } else if layout.rtl {
                layout.width - hint.content_width
            } else {
                -(hint.width - hint.content_width)
            };
            for p in &hint.paragraphs {
                let at = origin + vec2(p.origin.0 + dx + state.scroll, p.origin.1);
                paint_paragraph(
                    &painter,
                    &mut text_system.atlas,
                    &mut text_system.engine,
                    &p.layout,
                    at,
                    visuals.weak_text_color(),
                );
            }
        }
    } else {
        for p in &layout.paragraphs {
            paint_paragraph(
                &painter,
                &mut text_system.atlas,
                &mut text_system.engine,
                &p.layout,
                origin + vec2(p.origin.0, p.origin.1),
                color,
            );
        }
    }
    if composing {
        let range = cursor..cursor + state.preedit.chars().count();
        for (line, l, r) in layout.spans(range) {
            let b = line_rect(line, l, r);
            painter.line_segment(
                [
                    pos2(b.left(), b.bottom() - 3.0),
                    pos2(b.right(), b.bottom() - 3.0),
                ],
                Stroke::new(1.0, color),
            );
        }
    }
    if focused {
        let pos = cursor + state.preedit.chars().count();
        let (line, x) = layout.caret(pos);
        let x = x.clamp(0.0, layout.width.max(layout.content_width) - 1.0);
        let r = line_rect(line, x, x + 1.5);
        painter.rect_filled(
            r.shrink2(vec2(0.0, 3.0)),
            0.0,
            visuals.text_cursor.stroke.color,
        );
    }
}
