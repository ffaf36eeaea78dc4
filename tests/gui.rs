//! The real app driven headless through egui_kittest: open the sample, read it, select and copy.

#[expect(dead_code, reason = "each test file uses some of the shared helpers")]
mod common;

use std::time::Duration;

use egui::{Modifiers, PointerButton, Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use qari::app::{QariApp, StartOptions};

fn app_with_sample<'a>() -> Harness<'a, QariApp> {
    let mut harness = common::app_harness(
        StartOptions {
            file: Some(common::sample_path()),
            also: Vec::new(),
            lang: Some(qari::state::i18n::Lang::En),
            data_dir: Some(common::scratch_dir()),
        },
        [1400.0, 900.0],
    );
    harness.state_mut().wait_for_load(Duration::from_secs(20));
    harness.run_steps(4);
    harness
}

#[test]
fn shows_title_and_paragraphs_in_the_accessibility_tree() {
    let harness = app_with_sample();
    let doc = common::sample();
    harness.get_by_label(&doc.title);
    let first = doc.paragraphs().next().unwrap();
    let node = harness.get_by_label(first);
    assert!(node.rect().width() > 100.0);
    assert!(harness.state().document.is_some());
}

fn press(harness: &Harness<'_, QariApp>, pos: Pos2, pressed: bool) {
    harness.event(egui::Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

#[test]
fn dragging_across_a_line_break_copies_the_logical_substring() {
    let mut harness = app_with_sample();
    let doc = common::sample();
    let text = doc.paragraphs().nth(4).unwrap().to_string();
    let rect = harness.get_by_label(&text).rect();
    let layout = {
        let view = &harness.state().document.as_ref().unwrap().view;
        let block = view.page.block_of_paragraph(4).unwrap();
        view.page.cached(block).unwrap()
    };
    assert!(layout.lines.len() >= 2);
    let (l0, l1) = (&layout.lines[0], &layout.lines[1]);
    let start = pos2(
        rect.left() + (l0.x_min + l0.x_max) / 2.0,
        rect.top() + l0.top + l0.height / 2.0,
    );
    let end = pos2(
        rect.left() + l1.x_max - 40.0,
        rect.top() + l1.top + l1.height / 2.0,
    );
    harness.hover_at(start);
    harness.step();
    press(&harness, start, true);
    harness.step();
    for i in 1..=8 {
        harness.hover_at(start + (end - start) * (i as f32 / 8.0));
        harness.step();
    }
    press(&harness, end, false);
    harness.step();
    // Ctrl+C reaches egui as a Copy event.
    harness.event(egui::Event::Copy);
    harness.step();

    let a = layout.hit(start.x - rect.left(), start.y - rect.top());
    let b = layout.hit(end.x - rect.left(), end.y - rect.top());
    assert!(
        a < l0.chars.end && b > l1.chars.start,
        "the drag crosses the line break"
    );
    let expected: String = text.chars().skip(a).take(b - a).collect();
    assert_eq!(
        harness.state().last_copied.as_deref(),
        Some(expected.as_str())
    );
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(t) if *t == expected));
    assert!(copied, "the text went to the clipboard");
}

#[test]
fn end_key_scrolls_to_the_last_paragraph() {
    let mut harness = app_with_sample();
    harness.key_press(egui::Key::End);
    harness.run_steps(6);
    let view = &harness.state().document.as_ref().unwrap().view;
    let last = view.page.blocks.len() - 1;
    assert!(
        view.visible_blocks.contains(&last),
        "{:?}",
        view.visible_blocks
    );
    assert!(!view.visible_blocks.contains(&0));
}

#[test]
fn sepia_tints_the_whole_window_not_only_the_page() {
    let mut harness = app_with_sample();
    let light_panels = harness.ctx.global_style().visuals.panel_fill;
    harness
        .state_mut()
        .push_command(qari::state::Command::SetTheme(qari::text::Theme::Sepia));
    harness.run_steps(2);
    let visuals = harness.ctx.global_style().visuals.clone();
    assert_eq!(
        visuals,
        qari::ui::window_theme::visuals(qari::text::Theme::Sepia)
    );
    assert_ne!(
        visuals.panel_fill, light_panels,
        "toolbar and sidebar stay grey"
    );
}

#[test]
fn the_shortcuts_window_reads_right_to_left_in_arabic_and_esc_closes_it() {
    use qari::state::i18n::Lang;
    use qari::state::keymap::KEY_MAP;
    use qari::ui::visual_order::visual;
    let mut harness = common::app_harness(
        StartOptions {
            file: None,
            also: Vec::new(),
            lang: Some(Lang::Ar),
            data_dir: Some(common::scratch_dir()),
        },
        [1000.0, 800.0],
    );
    harness.run_steps(2);
    harness.key_press(egui::Key::F1);
    harness.run_steps(3);
    assert!(harness.state().shortcuts_open, "F1 opens the list");
    let keys_right = KEY_MAP
        .iter()
        .flat_map(|b| {
            let label = visual(b.keys(Lang::Ar));
            harness
                .query_all_by_label(&label)
                .map(|n| n.rect().right())
                .collect::<Vec<_>>()
        })
        .fold(f32::MIN, f32::max);
    let descriptions: Vec<egui::Rect> = KEY_MAP
        .iter()
        .flat_map(|b| {
            let label = visual(b.description(Lang::Ar));
            harness
                .query_all_by_label(&label)
                .map(|n| n.rect())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(descriptions.len() >= KEY_MAP.len());
    let right_edge = descriptions[0].right();
    for d in &descriptions {
        assert!((d.right() - right_edge).abs() < 1.0, "aligned right: {d:?}");
        assert!(
            d.left() > keys_right,
            "clear of the keys on the left: {d:?}"
        );
    }
    // Mouse gestures are named in Arabic too.
    harness.get_by_label(&visual("نقر مزدوج"));
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().shortcuts_open, "Esc closes the list");
}

#[test]
fn the_shortcuts_descriptions_form_one_column_in_english() {
    use qari::state::i18n::Lang;
    use qari::state::keymap::KEY_MAP;
    let mut harness = common::app_harness(
        StartOptions {
            file: None,
            also: Vec::new(),
            lang: Some(Lang::En),
            data_dir: Some(common::scratch_dir()),
        },
        [1000.0, 800.0],
    );
    harness.run_steps(2);
    harness.key_press(egui::Key::F1);
    harness.run_steps(3);
    let lefts: Vec<f32> = KEY_MAP
        .iter()
        .flat_map(|b| {
            harness
                .query_all_by_label(b.description(Lang::En))
                .map(|n| n.rect().left())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(lefts.len() >= KEY_MAP.len());
    for l in &lefts {
        assert!(
            (l - lefts[0]).abs() < 1.0,
            "descriptions start at {lefts:?}"
        );
    }
}

#[test]
fn the_article_picker_counts_in_arabic_and_opens_on_the_right() {
    use qari::state::i18n::Lang;
    use qari::ui::visual_order::visual;
    let mut harness = common::app_harness(
        StartOptions {
            file: Some(common::fixture("formats/articles.jsonl")),
            also: Vec::new(),
            lang: Some(Lang::Ar),
            data_dir: Some(common::scratch_dir()),
        },
        [1200.0, 800.0],
    );
    harness.state_mut().wait_for_load(Duration::from_secs(20));
    harness.run_steps(4);
    let count = harness.get_by_label(&visual("في هذا الملف 3 مقالات")).rect();
    assert!(
        count.left() > 600.0,
        "the picker opens on the right: {count:?}"
    );
    harness.get_by_label(&visual("فقرتان"));
}

#[test]
fn a_two_column_pdf_opens_in_reading_order_with_its_sidebar() {
    let path = common::fixture("pdf/000_f28f254fb6dd51e1.chromium-2col.pdf");
    let mut harness = common::app_harness(
        StartOptions {
            file: Some(path.clone()),
            also: Vec::new(),
            lang: Some(qari::state::i18n::Lang::Ar),
            data_dir: Some(common::scratch_dir()),
        },
        [1400.0, 900.0],
    );
    harness.state_mut().wait_for_load(Duration::from_secs(20));
    harness.run_steps(4);
    let doc = qari::document::load_path(&path, &Default::default()).unwrap();
    harness.get_by_label(&doc.title);
    // The first paragraph shown is the document's first, read from the right-hand column.
    let first = doc.paragraphs().next().unwrap();
    assert!(harness.get_by_label(first).rect().width() > 100.0);
    // The sidebar lists the people the analysis finds in it.
    let analysis = qari::analysis::analyze(&doc);
    let person = analysis
        .entities
        .iter()
        .find(|e| e.kind == qari::analysis::EntityKind::Person)
        .expect("a person in the sample");
    assert!(
        harness
            .query_all(egui_kittest::kittest::by().label_contains(&person.name))
            .next()
            .is_some(),
        "{} in the sidebar",
        person.name
    );
}
