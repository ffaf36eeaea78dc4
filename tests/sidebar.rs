//! The sidebar driven through the real app: entities jump and mark, quotes copy with attribution.

#[expect(dead_code, reason = "each test file uses some of the shared helpers")]
mod common;

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use qari::app::{QariApp, StartOptions};
use qari::state::Command;
use qari::state::analysis_progress::AnalysisProgress;
use qari::state::i18n::Lang;

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
    // Open the sample the way the open panel, the picker and drag-and-drop do.
    harness
        .state_mut()
        .push_command(Command::Open(common::sample_path()));
    harness
        .state_mut()
        .wait_for_analysis(Duration::from_secs(30));
    harness.run_steps(4);
    harness
}

#[test]
fn clicking_a_person_scrolls_to_and_marks_a_mention() {
    let mut harness = app(Lang::En);
    assert!(
        harness
            .state()
            .document
            .as_ref()
            .unwrap()
            .analysis
            .is_some()
    );
    harness.get_by_label("ماريا زاخاروفا").click();
    harness.run_steps(4);
    let app = harness.state();
    let doc = app.document.as_ref().unwrap();
    let analysis = doc.analysis.as_ref().unwrap();
    let i = app.sidebar.selected_entity.expect("an entity is selected");
    let entity = &analysis.entities[i];
    assert!(entity.name.contains("زاخاروفا"));
    // The first mention's paragraph is on screen and marked.
    let m = &entity.mentions[0];
    let block = doc.view.page.block_of_paragraph(m.paragraph).unwrap();
    assert!(
        doc.view.visible_blocks.contains(&block),
        "{:?}",
        doc.view.visible_blocks
    );
    let (flash_block, range, _) = doc.flash.clone().expect("the mention is marked");
    assert_eq!((flash_block, range), (block, m.start..m.end));
    assert!(doc.view.scroll > 0.0, "the pane scrolled");
}

#[test]
fn copy_on_a_quote_card_copies_quote_speaker_and_title() {
    let mut harness = app(Lang::En);
    harness.get_by_label("Quotes").click();
    harness.run_steps(2);
    let first = harness
        .get_all_by_label("Copy")
        .next()
        .expect("a Copy button");
    first.click();
    harness.run_steps(2);
    let app = harness.state();
    let doc = app.document.as_ref().unwrap();
    let q = doc
        .analysis
        .as_ref()
        .unwrap()
        .quotes
        .iter()
        .find(|q| !q.short)
        .unwrap();
    let copied = app.last_copied.clone().unwrap();
    assert!(
        copied.starts_with('«') && copied.contains(&q.text),
        "{copied}"
    );
    assert!(
        copied.contains(" — ") && copied.ends_with(&doc.doc.title),
        "{copied}"
    );
    if let Some(sp) = &q.speaker {
        assert!(copied.contains(&format!("» — {sp}، ")), "{copied}");
    }
}

#[test]
fn the_interface_switches_to_arabic_and_back() {
    let mut harness = app(Lang::En);
    harness.get_by_label("العربية").click();
    harness.run_steps(3);
    assert_eq!(harness.state().settings.lang, Lang::Ar);
    // Arabic tab names; the Arabic sidebar header goes through the RTL text path.
    harness.get_by_label("أشخاص");
    harness.get_by_label("English").click();
    harness.run_steps(3);
    assert_eq!(harness.state().settings.lang, Lang::En);
    harness.get_by_label("Entities");
}

#[test]
fn a_long_analysis_shows_its_percentage_in_both_languages() {
    let mut harness = app(Lang::En);
    // As if the analysis were still running: started a second ago, 42 % done.
    {
        let d = harness.state_mut().document.as_mut().unwrap();
        d.analysis = None;
        let since = Instant::now().checked_sub(Duration::from_secs(1)).unwrap();
        d.progress = AnalysisProgress::started_at(since);
        d.progress.report(0.42);
    }
    harness.run_steps(2);
    harness.get_by_label("Analysing… 42%");
    harness.state_mut().settings.lang = Lang::Ar;
    harness.run_steps(2);
    // Through the RTL text path, like the other Arabic headers.
    harness.get_by_label("جارٍ التحليل… 42٪");
    // Just started: the spinner and the words, no number yet.
    harness.state_mut().document.as_mut().unwrap().progress = AnalysisProgress::default();
    harness.run_steps(1);
    harness.get_by_label("جارٍ تحليل المقال…");
}

fn search(harness: &mut Harness<'static, QariApp>, query: &str) -> (usize, String) {
    harness.state_mut().find.query = query.to_string();
    harness.run_steps(3);
    let app = harness.state();
    (app.find.matches.len(), app.find.counter())
}

#[test]
fn search_ignores_diacritics_and_marks_matches() {
    let mut harness = app(Lang::En);
    harness.key_press_modifiers(
        egui::Modifiers::CTRL | egui::Modifiers::COMMAND,
        egui::Key::F,
    );
    harness.run_steps(2);
    assert!(harness.state().find.open, "Ctrl+F opens the find bar");
    // Typed into the focused field like a user would.
    harness.event(egui::Event::Text("سريعاً".into()));
    harness.run_steps(3);
    assert_eq!(harness.state().find.query, "سريعاً");
    let with_marks = harness.state().find.matches.len();
    assert!(with_marks >= 1);
    assert_eq!(search(&mut harness, "سريعا").0, with_marks);
    assert_eq!(search(&mut harness, "سَرِيعًا").0, with_marks);
    // Hamza forms fold to bare alef: "الأميركي" is found by "الاميركي".
    let (n, counter) = search(&mut harness, "الاميركي");
    assert!(n >= 2, "{n}");
    assert_eq!(counter, format!("1/{n}"));
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.find.counter(), format!("2/{n}"));
    let (block, _) = app.find.matches[1].clone();
    assert!(
        app.document
            .as_ref()
            .unwrap()
            .view
            .visible_blocks
            .contains(&block)
    );
}

fn app_on(data_dir: &std::path::Path) -> Harness<'static, QariApp> {
    let dir = data_dir.to_path_buf();
    let mut harness = common::app_harness(
        StartOptions {
            file: Some(common::sample_path()),
            also: Vec::new(),
            lang: Some(Lang::En),
            data_dir: Some(dir),
        },
        [1400.0, 900.0],
    );
    harness
        .state_mut()
        .wait_for_analysis(Duration::from_secs(30));
    harness.run_steps(4);
    harness
}

fn drag(harness: &mut Harness<'static, QariApp>, from: egui::Pos2, to: egui::Pos2) {
    let press = |pressed, pos| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    harness.hover_at(from);
    harness.step();
    harness.event(press(true, from));
    harness.step();
    for i in 1..=6 {
        harness.hover_at(from + (to - from) * (i as f32 / 6.0));
        harness.step();
    }
    harness.event(press(false, to));
    harness.run_steps(2);
}

#[test]
fn a_highlight_survives_closing_and_reopening_the_app() {
    let data = common::scratch_dir();
    let doc = common::sample();
    let text = doc.paragraphs().nth(1).unwrap().to_string();
    let expected;
    {
        let mut harness = app_on(&data);
        let rect = harness.get_by_label(&text).rect();
        // Drag right to left across the middle of the paragraph's first line.
        let y = rect.top() + 20.0;
        drag(
            &mut harness,
            egui::pos2(rect.right() - 30.0, y),
            egui::pos2(rect.right() - 260.0, y),
        );
        expected = harness
            .state()
            .document
            .as_ref()
            .unwrap()
            .view
            .selected_text()
            .unwrap();
        assert!(expected.chars().count() > 10, "{expected}");
        harness.get_by_label("Highlight green").click();
        harness.run_steps(3);
        let d = harness.state().document.as_ref().unwrap();
        assert_eq!(d.highlights.items.len(), 1);
        assert_eq!(d.highlights.items[0].anchor.exact, expected);
        assert!(!d.highlights.has_unsaved_changes(), "saved at once");
    } // the app is dropped without any shutdown hook, as if killed
    let mut harness = app_on(&data);
    let d = harness.state().document.as_ref().unwrap();
    assert_eq!(d.highlights.items.len(), 1);
    assert_eq!(d.highlights.items[0].anchor.exact, expected);
    assert!(!d.highlights.is_orphaned(0));
    harness.get_by_label("Highlights").click();
    harness.run_steps(2);
    harness.get_by_label(&expected);
}
