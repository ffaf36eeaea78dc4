//! The reader as a person meets it, driven headless through egui_kittest: a new document
//! opens at its top, the reading position comes back on reopening, settings apply at once,
//! Escape closes the open panel, and a narrow window keeps its width for the text.

#[expect(dead_code, reason = "each test file uses some of the shared helpers")]
mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::Harness;
use qari::app::{QariApp, StartOptions};
use qari::state::Command;
use qari::state::i18n::Lang;

fn app(data_dir: &Path, file: Option<PathBuf>, size: [f32; 2]) -> Harness<'static, QariApp> {
    let dir = data_dir.to_path_buf();
    let mut harness = common::app_harness(
        StartOptions {
            file,
            also: Vec::new(),
            lang: Some(Lang::En),
            data_dir: Some(dir),
        },
        size,
    );
    harness.state_mut().wait_for_load(Duration::from_secs(20));
    harness.run_steps(4);
    harness
}

fn open(harness: &mut Harness<'static, QariApp>, path: &Path) {
    harness
        .state_mut()
        .push_command(Command::Open(path.to_path_buf()));
    harness.state_mut().wait_for_load(Duration::from_secs(20));
    harness.run_steps(4);
}

fn scroll(harness: &Harness<'static, QariApp>) -> f32 {
    harness
        .state()
        .document
        .as_ref()
        .map_or(0.0, |d| d.view.scroll)
}

/// A second long article: the sample's paragraphs three times over, under another title.
fn long_article(dir: &Path, name: &str) -> PathBuf {
    let doc = common::sample();
    let mut text = format!("{name}\n\n");
    for _ in 0..3 {
        for p in doc.paragraphs() {
            text.push_str(p);
            text.push('\n');
        }
    }
    let path = dir.join(format!("{name}.txt"));
    common::must(std::fs::write(&path, text), "article written");
    path
}

#[test]
fn a_new_document_opens_at_its_top() {
    let data = common::scratch_dir();
    let first = long_article(&data, "first");
    let second = long_article(&data, "second");
    let mut harness = app(&data, Some(first), [1400.0, 700.0]);
    harness.key_press(egui::Key::End);
    harness.run_steps(4);
    assert!(scroll(&harness) > 200.0, "End scrolled the first document");
    open(&mut harness, &second);
    let d = harness.state().document.as_ref().unwrap();
    assert!(d.path.ends_with("second.txt"));
    assert_eq!(d.view.scroll, 0.0, "the second document starts at its top");
    assert!(d.view.visible_blocks.contains(&0), "its title is shown");
}

#[test]
fn reopening_a_document_returns_to_where_the_reader_was() {
    let data = common::scratch_dir();
    let article = long_article(&data, "article");
    let other = long_article(&data, "other");
    let mut harness = app(&data, Some(article.clone()), [1400.0, 700.0]);
    for _ in 0..3 {
        harness.key_press(egui::Key::PageDown);
        harness.run_steps(3);
    }
    let was = harness.state().document.as_ref().unwrap().view.top;
    let was = was.expect("a position at the top of the view");
    assert!(
        was.block > 2,
        "paged down past the first paragraphs: {was:?}"
    );
    // Opening another document saves the position (in the background).
    open(&mut harness, &other);
    std::thread::sleep(Duration::from_millis(300));
    open(&mut harness, &article);
    harness.run_steps(4);
    let d = harness.state().document.as_ref().unwrap();
    assert!(d.restored, "the position was found");
    assert_eq!(d.view.top, Some(was), "the same paragraph and line on top");
    // A fresh app on the same data directory finds it too.
    let mut fresh = app(&data, Some(article), [1000.0, 800.0]);
    fresh.run_steps(4);
    let top = fresh.state().document.as_ref().unwrap().view.top;
    assert_eq!(
        top.map(|t| t.block),
        Some(was.block),
        "a narrower window, same paragraph"
    );
}

#[test]
fn hiding_diacritics_applies_at_once() {
    let data = common::scratch_dir();
    let mut harness = app(&data, Some(common::sample_path()), [1400.0, 900.0]);
    let has_marks = |h: &Harness<'static, QariApp>| {
        let d = h.state().document.as_ref().unwrap();
        d.view.visible_blocks.iter().any(|&b| {
            d.view.page.cached(b).is_some_and(|l| {
                l.text
                    .chars()
                    .any(|c| ('\u{064B}'..='\u{0652}').contains(&c))
            })
        })
    };
    assert!(has_marks(&harness), "the sample shows some harakat");
    let mut settings = harness.state().settings.clone();
    settings.show_diacritics = false;
    harness
        .state_mut()
        .push_command(Command::UpdateSettings(Box::new(settings)));
    harness.run_steps(3);
    assert!(!has_marks(&harness), "laid out again without them");
}

#[test]
fn escape_closes_the_open_panel() {
    let data = common::scratch_dir();
    let mut harness = app(&data, None, [1000.0, 700.0]);
    harness
        .state_mut()
        .push_command(Command::ShowOpenPanel(true));
    harness.run_steps(3);
    assert!(harness.state().open_panel.visible);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    assert!(!harness.state().open_panel.visible, "Escape closed it");
}

#[test]
fn a_narrow_window_gives_the_text_its_width() {
    let data = common::scratch_dir();
    let mut harness = app(&data, Some(common::sample_path()), [520.0, 800.0]);
    harness.run_steps(3);
    let width = harness.state().document.as_ref().unwrap().view.column_width;
    assert!(width > 400.0, "the column keeps most of 520 px: {width}");
    // The sidebar comes back as an overlay on request, without narrowing the text.
    harness.state_mut().push_command(Command::ToggleSidebar);
    harness.run_steps(3);
    assert!(harness.state().sidebar.overlay);
    let after = harness.state().document.as_ref().unwrap().view.column_width;
    assert_eq!(after, width);
}

#[test]
fn several_files_open_the_first_and_list_the_others() {
    let data = common::scratch_dir();
    let first = long_article(&data, "one");
    let others = [long_article(&data, "two"), long_article(&data, "three")];
    let dir = data.clone();
    let also = others.to_vec();
    let mut harness = common::app_harness(
        StartOptions {
            file: Some(first),
            also,
            lang: Some(Lang::En),
            data_dir: Some(dir),
        },
        [1200.0, 800.0],
    );
    harness.state_mut().wait_for_load(Duration::from_secs(20));
    harness.run_steps(2);
    let app = harness.state();
    assert!(app.document.as_ref().unwrap().path.ends_with("one.txt"));
    let recent: Vec<String> = app
        .settings
        .recent
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(recent[..3], ["one.txt", "two.txt", "three.txt"]);
}
