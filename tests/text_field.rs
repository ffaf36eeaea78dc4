//! The text field on qari's own text path, typed into through egui events: bidi order, caret
//! movement, selection and copy, undo, and the find bar using it in the Arabic interface.

#[expect(dead_code, reason = "each test file uses some of the shared helpers")]
mod common;

use std::time::Duration;

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use qari::app::{QariApp, StartOptions};
use qari::state::Command;
use qari::state::i18n::Lang;
use qari::text::TextSystem;
use qari::text::field_layout::FieldLayout;
use qari::ui::text_field::{FieldOptions, FieldState, NewlineKeys, text_field};

/// A window with one field, and what the test reads back from it.
struct Field {
    text: String,
    system: TextSystem,
    rtl_interface: bool,
    multiline: bool,
    focus: bool,
    state: Option<FieldState>,
    rect: egui::Rect,
    enters: Vec<Modifiers>,
}

fn field(rtl_interface: bool, multiline: bool) -> Harness<'static, Field> {
    let state = Field {
        text: String::new(),
        system: TextSystem::new(common::engine()),
        rtl_interface,
        multiline,
        focus: true,
        state: None,
        rect: egui::Rect::NOTHING,
        enters: Vec::new(),
    };
    let mut harness = Harness::builder().with_size([500.0, 200.0]).build_ui_state(
        |ui, f: &mut Field| {
            f.system.atlas.begin_frame(ui.ctx());
            let mut options = FieldOptions::new("Field", f.rtl_interface)
                .hint("type here")
                .width(400.0);
            if f.multiline {
                options = options.multiline(NewlineKeys::ModifiedEnter);
            }
            let out = text_field(
                ui,
                &mut f.system,
                egui::Id::unique("field"),
                &mut f.text,
                &options,
            );
            if f.focus {
                out.response.request_focus();
                f.focus = false;
            }
            f.enters.extend(out.enter);
            f.rect = out.response.rect;
            f.state = FieldState::load(ui.ctx(), egui::Id::unique("field"));
        },
        state,
    );
    // A harness frame is a quarter second: allow the two clicks of a double-click a whole one.
    harness
        .ctx
        .options_mut(|o| o.input_options.max_double_click_delay = 1.0);
    harness.run_steps(2);
    harness
}

fn type_text(harness: &mut Harness<'static, Field>, text: &str) {
    harness.event(Event::Text(text.to_string()));
    harness.run_steps(2);
}

fn key(harness: &mut Harness<'static, Field>, key: Key, modifiers: Modifiers) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

fn shown(harness: &Harness<'static, Field>) -> (FieldLayout, egui::Pos2) {
    let Some((layout, origin)) = harness.state().state.as_ref().and_then(|s| s.shown.clone())
    else {
        panic!("the field was shown");
    };
    ((*layout).clone(), origin)
}

fn cursor(harness: &Harness<'static, Field>) -> usize {
    harness
        .state()
        .state
        .as_ref()
        .map_or(usize::MAX, |s| s.edit.cursor())
}

/// Screen x of the caret.
fn caret_x(harness: &Harness<'static, Field>) -> f32 {
    let (layout, origin) = shown(harness);
    origin.x + layout.caret(cursor(harness)).1
}

/// Leftmost screen x of the glyphs showing `chars`.
fn left_of(harness: &Harness<'static, Field>, chars: std::ops::Range<usize>) -> f32 {
    let (layout, origin) = shown(harness);
    let spans = layout.spans(chars);
    assert!(!spans.is_empty(), "the chars have glyphs");
    origin.x + spans.iter().map(|s| s.1).fold(f32::INFINITY, f32::min)
}

/// Rightmost screen x of all glyphs.
fn right_edge(harness: &Harness<'static, Field>) -> f32 {
    let (layout, origin) = shown(harness);
    origin.x
        + layout
            .clusters
            .iter()
            .map(|c| c.right)
            .fold(f32::NEG_INFINITY, f32::max)
}

fn copied(harness: &Harness<'static, Field>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

#[test]
fn arabic_typed_reads_right_to_left_flush_right() {
    let mut h = field(false, false);
    type_text(&mut h, "علي جمعة");
    assert_eq!(h.state().text, "علي جمعة");
    assert!(
        left_of(&h, 0..3) > left_of(&h, 4..8),
        "the first word typed is the rightmost"
    );
    let rect = h.state().rect;
    assert!(
        rect.right() - right_edge(&h) < 12.0,
        "flush right even in the English interface: {} vs {}",
        right_edge(&h),
        rect.right()
    );
    // The accessibility tree has the field, by its label, with the typed value.
    let node = h.get_by_label("Field");
    assert_eq!(node.value().as_deref(), Some("علي جمعة"));
}

#[test]
fn arrows_move_visually_home_and_end_logically() {
    let mut h = field(false, false);
    type_text(&mut h, "علي جمعة");
    assert_eq!(cursor(&h), 8, "typing leaves the caret at the logical end");
    let end_x = caret_x(&h);
    key(&mut h, Key::ArrowRight, Modifiers::NONE);
    assert_eq!(cursor(&h), 7, "Right in Arabic goes back in the text");
    assert!(caret_x(&h) > end_x, "and the caret moves right on screen");
    key(&mut h, Key::Home, Modifiers::NONE);
    assert_eq!(cursor(&h), 0);
    let home_x = caret_x(&h);
    assert!(home_x > end_x, "the start of Arabic text is its right edge");
    key(&mut h, Key::ArrowRight, Modifiers::NONE);
    assert_eq!(cursor(&h), 0, "nothing lies right of the start");
    key(&mut h, Key::ArrowLeft, Modifiers::NONE);
    assert_eq!(cursor(&h), 1);
    assert!(caret_x(&h) < home_x);
    key(&mut h, Key::ArrowLeft, Modifiers::CTRL);
    assert_eq!(cursor(&h), 3, "Ctrl+Left ends the first word");
    key(&mut h, Key::ArrowLeft, Modifiers::CTRL);
    assert_eq!(cursor(&h), 8);
    key(&mut h, Key::ArrowRight, Modifiers::CTRL);
    assert_eq!(
        cursor(&h),
        4,
        "Ctrl+Right goes back to the second word's start"
    );
    key(&mut h, Key::End, Modifiers::NONE);
    assert_eq!(cursor(&h), 8);
}

#[test]
fn mixed_arabic_latin_and_digits_keep_their_run_order() {
    let mut h = field(false, false);
    type_text(&mut h, "قال 25 مرة Hello");
    // Right to left line: قال, then 25, then مرة, then Hello leftmost.
    let (qal, num, marra, hello) = (
        left_of(&h, 0..3),
        left_of(&h, 4..6),
        left_of(&h, 7..10),
        left_of(&h, 11..16),
    );
    assert!(
        hello < marra && marra < num && num < qal,
        "{hello} {marra} {num} {qal}"
    );
    // Digits and Latin read left to right inside it.
    assert!(left_of(&h, 4..5) < left_of(&h, 5..6));
    assert!(left_of(&h, 11..12) < left_of(&h, 15..16));
    // Walking left from the start visits every caret position once, moving left each time.
    key(&mut h, Key::Home, Modifiers::NONE);
    let mut seen = vec![cursor(&h)];
    let mut x = caret_x(&h);
    for _ in 0..16 {
        key(&mut h, Key::ArrowLeft, Modifiers::NONE);
        assert!(caret_x(&h) < x, "after {seen:?}");
        x = caret_x(&h);
        seen.push(cursor(&h));
    }
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 17, "{seen:?}");
}

#[test]
fn shift_selects_copy_and_cut_reach_the_clipboard_and_undo_restores() {
    let mut h = field(false, false);
    type_text(&mut h, "علي جمعة");
    key(&mut h, Key::Home, Modifiers::NONE);
    for _ in 0..3 {
        key(&mut h, Key::ArrowLeft, Modifiers::SHIFT);
    }
    h.event(Event::Copy);
    h.run_steps(1);
    assert_eq!(copied(&h).as_deref(), Some("علي"));
    h.event(Event::Cut);
    h.run_steps(1);
    assert_eq!(copied(&h).as_deref(), Some("علي"));
    assert_eq!(h.state().text, " جمعة");
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(h.state().text, "علي جمعة");
    key(&mut h, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT);
    assert_eq!(h.state().text, " جمعة");
    key(&mut h, Key::Y, Modifiers::COMMAND);
    assert_eq!(h.state().text, " جمعة", "nothing more to redo");
    h.event(Event::Paste("محمد".into()));
    h.run_steps(2);
    assert_eq!(h.state().text, "محمد جمعة");
    key(&mut h, Key::A, Modifiers::COMMAND);
    key(&mut h, Key::Backspace, Modifiers::NONE);
    assert_eq!(h.state().text, "");
    key(&mut h, Key::Z, Modifiers::COMMAND);
    assert_eq!(h.state().text, "محمد جمعة");
}

fn pointer(harness: &mut Harness<'static, Field>, pos: egui::Pos2, pressed: bool) {
    harness.event(Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
    harness.step();
}

fn selection(harness: &Harness<'static, Field>) -> std::ops::Range<usize> {
    harness
        .state()
        .state
        .as_ref()
        .map_or(0..0, |s| s.edit.selection())
}

#[test]
fn click_places_the_caret_drag_selects_and_double_click_takes_a_word() {
    let mut h = field(false, false);
    type_text(&mut h, "علي جمعة");
    let (layout, origin) = shown(&h);
    let y = h.state().rect.center().y;
    let at = |pos: usize| egui::pos2(origin.x + layout.caret(pos).1, y);
    h.hover_at(at(2));
    h.step();
    pointer(&mut h, at(2), true);
    pointer(&mut h, at(2), false);
    h.run_steps(2);
    assert_eq!(cursor(&h), 2);
    assert!(selection(&h).is_empty());
    // Drag from the second word's start to the text's end (leftwards on screen).
    h.hover_at(at(4));
    h.step();
    pointer(&mut h, at(4), true);
    for i in 1..=6 {
        let x = at(4).x + (at(8).x - at(4).x) * i as f32 / 6.0;
        h.hover_at(egui::pos2(x, y));
        h.step();
    }
    pointer(&mut h, at(8), false);
    h.run_steps(2);
    assert_eq!(selection(&h), 4..8);
    // Double-click inside the first word selects it (once the earlier click is long past).
    let mid = egui::pos2((at(1).x + at(2).x) / 2.0, y);
    h.hover_at(mid);
    h.run_steps(40);
    for _ in 0..2 {
        pointer(&mut h, mid, true);
        pointer(&mut h, mid, false);
    }
    h.run_steps(2);
    assert_eq!(selection(&h), 0..3);
}

#[test]
fn ime_composition_shows_and_commit_inserts() {
    let mut h = field(true, false);
    type_text(&mut h, "سلام ");
    h.event(Event::Ime(egui::ImeEvent::Preedit {
        text: "عل".into(),
        active_range_chars: None,
    }));
    h.run_steps(2);
    assert_eq!(h.state().text, "سلام ", "a composition is not text yet");
    let (layout, _) = shown(&h);
    assert_eq!(layout.clusters.iter().map(|c| c.chars.end).max(), Some(7));
    h.event(Event::Ime(egui::ImeEvent::Commit("علي".into())));
    h.run_steps(2);
    assert_eq!(h.state().text, "سلام علي");
}

#[test]
fn empty_field_starts_at_the_interface_side_and_latin_stays_left() {
    let h = field(true, false);
    let rect = h.state().rect;
    assert!(
        rect.right() - caret_x(&h) < 8.0,
        "Arabic interface: caret at the right"
    );
    let mut h = field(true, false);
    type_text(&mut h, "/home/x.txt");
    let (layout, origin) = shown(&h);
    assert!(!layout.rtl);
    assert!(
        origin.x + layout.clusters[0].left - rect.left() < 8.0,
        "a path reads from the left"
    );
    let h = field(false, false);
    assert!(caret_x(&h) - h.state().rect.left() < 8.0);
}

#[test]
fn multiline_note_newline_on_shift_enter_and_enter_is_reported() {
    let mut h = field(true, true);
    type_text(&mut h, "سطر أول");
    key(&mut h, Key::Enter, Modifiers::SHIFT);
    type_text(&mut h, "ثان");
    assert_eq!(h.state().text, "سطر أول\nثان");
    assert!(h.state().enters.is_empty());
    key(&mut h, Key::Enter, Modifiers::NONE);
    assert_eq!(h.state().enters, vec![Modifiers::NONE]);
    assert_eq!(
        h.state().text,
        "سطر أول\nثان",
        "plain Enter is the caller's"
    );
    let (layout, _) = shown(&h);
    assert_eq!(layout.lines.len(), 2);
    // Up from the second line lands on the first.
    key(&mut h, Key::ArrowUp, Modifiers::NONE);
    assert!(cursor(&h) <= 7, "{}", cursor(&h));
}

#[test]
fn a_long_line_scrolls_to_keep_the_caret_in_view() {
    let mut h = field(false, false);
    type_text(&mut h, &"كلمة ".repeat(40));
    let rect = h.state().rect;
    let x = caret_x(&h);
    assert!(
        x >= rect.left() - 1.0 && x <= rect.right() + 1.0,
        "end visible: {x} in {rect:?}"
    );
    key(&mut h, Key::Home, Modifiers::NONE);
    let x = caret_x(&h);
    assert!(
        x >= rect.left() - 1.0 && x <= rect.right() + 1.0,
        "start visible: {x} in {rect:?}"
    );
}

fn app(lang: Lang) -> Harness<'static, QariApp> {
    let mut harness = common::app_harness(
        StartOptions {
            file: None,
            also: Vec::new(),
            lang: Some(lang),
            data_dir: Some(common::scratch_dir()),
        },
        [1400.0, 900.0],
    );
    harness.run_steps(2);
    harness
        .state_mut()
        .push_command(Command::Open(common::sample_path()));
    harness.state_mut().wait_for_load(Duration::from_secs(20));
    harness.run_steps(4);
    harness
}

#[test]
fn the_find_field_takes_arabic_in_the_arabic_interface() {
    let mut harness = app(Lang::Ar);
    harness.key_press_modifiers(Modifiers::CTRL | Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    assert!(harness.state().find.open);
    harness.event(Event::Text("الاميركي".into()));
    harness.run_steps(3);
    assert_eq!(harness.state().find.query, "الاميركي");
    let n = harness.state().find.matches.len();
    assert!(n >= 2, "hamza forms fold: {n}");
    let s = Lang::Ar.s();
    // egui labels carry the visual-order form of Arabic text.
    let label = qari::ui::visual_order::visual(s.find);
    let node = harness.get_by_label(&label);
    assert_eq!(node.value().as_deref(), Some("الاميركي"));
    let field = node.rect();
    // Right-aligned: the text's right edge is by the field's right edge.
    let state = FieldState::load(&harness.ctx, qari::ui::find_bar::query_field_id());
    let Some((layout, origin)) = state.and_then(|s| s.shown) else {
        panic!("the find field keeps its state");
    };
    assert!(layout.rtl);
    let right = layout
        .clusters
        .iter()
        .map(|c| c.right)
        .fold(f32::NEG_INFINITY, f32::max);
    let left = layout
        .clusters
        .iter()
        .map(|c| c.left)
        .fold(f32::INFINITY, f32::min);
    assert!(
        field.right() - (origin.x + right) < 12.0,
        "{field:?} {origin:?} {right}"
    );
    assert!(
        origin.x + left - field.left() > 60.0,
        "short text leaves room on the left"
    );
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().find.counter(), format!("2/{n}"));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().find.counter(), format!("1/{n}"));
    // Typing on after stepping still goes into the field.
    harness.key_press(Key::End);
    harness.key_press(Key::Backspace);
    harness.run_steps(2);
    assert_eq!(harness.state().find.query, "الاميرك");
    assert!(field.width() > 100.0);
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().find.open, "Escape closes the find bar");
}
