//! Settings and the recent files survive a restart: the real app is started on a data
//! directory, changed, closed as eframe closes it, and started again on the same directory.

#[expect(dead_code, reason = "each test file uses some of the shared helpers")]
mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::kittest::Queryable as _;
use qari::app::{QariApp, StartOptions, native_options};
use qari::state::Command;
use qari::state::i18n::Lang;
use qari::text::Theme;

fn start(data_dir: &Path, file: Option<PathBuf>) -> egui_kittest::Harness<'static, QariApp> {
    let mut harness = common::app_harness(
        StartOptions {
            file,
            also: Vec::new(),
            lang: None,
            data_dir: Some(data_dir.to_path_buf()),
        },
        [1200.0, 800.0],
    );
    harness.state_mut().wait_for_load(Duration::from_secs(20));
    harness.run_steps(3);
    harness
}

#[test]
fn theme_language_zoom_and_recent_files_are_there_after_a_restart() {
    let dir = common::scratch_dir();
    let sample = common::sample_path();
    {
        let mut first = start(&dir, Some(sample.clone()));
        assert_eq!(first.state().settings.theme, Theme::Light, "a fresh start");
        let app = first.state_mut();
        app.push_command(Command::SetTheme(Theme::Dark));
        app.push_command(Command::ZoomIn);
        app.settings.lang = Lang::Ar;
        first.run_steps(3);
        // Closing: eframe calls `save` (which does exactly this) before the window goes.
        assert!(first.state_mut().save_settings_now());
    }
    let second = start(&dir, None);
    let settings = &second.state().settings;
    assert_eq!(settings.theme, Theme::Dark);
    assert_eq!(settings.lang, Lang::Ar);
    assert!(settings.zoom > 1.0, "zoom {}", settings.zoom);
    assert_eq!(settings.recent.first(), Some(&sample));
    // The start screen lists the file opened before the restart.
    let name = sample.file_name().map(|n| n.to_string_lossy().into_owned());
    second.get_by_label_contains(name.as_deref().unwrap_or("?"));
}

#[test]
fn settings_are_written_soon_after_a_change_without_closing() {
    let dir = common::scratch_dir();
    let mut harness = start(&dir, None);
    harness
        .state_mut()
        .push_command(Command::SetTheme(Theme::Sepia));
    harness.run_steps(2);
    std::thread::sleep(Duration::from_millis(1100));
    harness.run_steps(2);
    // A crash now would keep the change: the file already holds it.
    let saved = std::fs::read_to_string(dir.join("settings.json")).unwrap_or_default();
    assert!(saved.contains("Sepia"), "{saved}");
}

#[test]
fn a_data_folder_that_cannot_be_written_is_a_notice_not_silence() {
    let blocked = common::scratch_dir().join("not-a-folder");
    std::fs::write(&blocked, b"a file where the data folder should be").ok();
    let mut harness = start(&blocked, None);
    harness.state_mut().settings.lang = Lang::En;
    harness
        .state_mut()
        .push_command(Command::SetTheme(Theme::Dark));
    harness.run_steps(2);
    assert!(!harness.state_mut().save_settings_now());
    harness.run_steps(2);
    harness.get_by_label_contains("Could not save the settings");
}

#[test]
fn a_damaged_settings_file_is_reported_and_the_defaults_used() {
    let dir = common::scratch_dir();
    std::fs::create_dir_all(&dir).ok();
    std::fs::write(dir.join("settings.json"), b"{\"theme\": 12").ok();
    let mut harness = start(&dir, None);
    harness.state_mut().settings.lang = Lang::En;
    harness.run_steps(2);
    assert_eq!(harness.state().settings.theme, Theme::Light);
    harness.get_by_label_contains("The settings file is damaged");
}

#[test]
fn eframe_writes_the_window_state_to_a_file_inside_the_data_folder() {
    // eframe uses `persistence_path` as the file it writes: a folder there fails (EISDIR).
    let dir = common::scratch_dir();
    let options = native_options(&StartOptions {
        file: None,
        also: Vec::new(),
        lang: None,
        data_dir: Some(dir.clone()),
    });
    assert_eq!(options.persistence_path, Some(dir.join("window.ron")));
}
