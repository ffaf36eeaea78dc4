//! The eframe shell: owns the state, applies commands in one place (`apply`), runs background
//! jobs (`jobs`) and lays out each frame (`frame`).

mod apply;
mod find;
mod fonts;
mod frame;
mod highlights;
mod job_results;
pub mod jobs;
pub mod open_document;
mod positions;
mod settings_file;
mod share;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::annotations::{HighlightColor, HighlightStore};
use crate::document::Document;
use crate::state::find::FindState;
use crate::state::marks::MarkSet;
use crate::state::notices::Notices;
use crate::state::open_panel::OpenPanel;
use crate::state::settings::Settings;
use crate::state::settings_store::SettingsStore;
use crate::state::sidebar::SidebarState;
use crate::state::{Command, Loading};
use crate::text::fonts::{FontSources, font_system};
use crate::text::{LayoutEngine, TextSystem};
use jobs::{Jobs, Stores};
pub use open_document::OpenDocument;

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// A document to open at once.
    pub file: Option<PathBuf>,
    /// More documents given: listed in the recent files, not opened.
    pub also: Vec<PathBuf>,
    /// Interface language, overriding the saved or system one.
    pub lang: Option<crate::state::i18n::Lang>,
    /// Where highlights are kept, overriding the user's data directory.
    pub data_dir: Option<PathBuf>,
}

/// The qari window.
pub struct QariApp {
    /// Layout engine, fonts, glyph texture.
    pub text: TextSystem,
    /// The sidebar's state.
    pub sidebar: SidebarState,
    /// The find bar and its matches.
    pub find: FindState,
    find_marks: MarkSet,
    /// Reader's settings.
    pub settings: Settings,
    /// The open document.
    pub document: Option<OpenDocument>,
    /// A load in progress.
    pub loading: Option<Loading>,
    /// Messages shown to the user.
    pub notices: Notices,
    /// The in-app open panel.
    pub open_panel: OpenPanel,
    /// A file of several articles waiting for the reader to pick one.
    pub collection: Option<(u64, PathBuf, Vec<Document>)>,
    /// Installed Arabic font families, once discovered.
    pub installed_fonts: Vec<String>,
    /// Bundled and installed fonts, once discovered, until the reader picks an installed one.
    system_fonts: Option<Box<cosmic_text::fontdb::Database>>,
    /// Settings window shown.
    pub settings_open: bool,
    /// Keyboard shortcuts window shown.
    pub shortcuts_open: bool,
    /// Text most recently put on the clipboard (also for tests).
    pub last_copied: Option<String>,
    /// Where highlights are saved (none if there is no data directory).
    pub stores: Option<Stores>,
    /// Where the settings are saved (none if there is no data directory, and in tests that
    /// build the app from given settings).
    settings_file: Option<SettingsStore>,
    /// The settings as last written (or read): a change from these is saved.
    settings_on_disk: Settings,
    /// When the settings were last written.
    last_settings_save: Instant,
    /// Colour of the last highlight made (the shortcut uses it).
    pub highlight_color: HighlightColor,
    jobs: Jobs,
    commands: Vec<Command>,
    next_request: u64,
    /// The window's context (images go to the clipboard through it).
    egui_ctx: egui::Context,
    /// When a reading position was last written.
    last_position_save: Instant,
    /// The window was too narrow for a sidebar column last frame.
    narrow: bool,
    title_shown: String,
}

impl std::fmt::Debug for QariApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QariApp")
            .field("document", &self.document.as_ref().map(|d| &d.path))
            .finish_non_exhaustive()
    }
}

impl QariApp {
    /// Builds the app inside eframe, restoring the settings saved in the data directory (a
    /// file that cannot be read becomes a notice, and the defaults are used).
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let store = data_dir(&options).map(|d| SettingsStore::new(&d));
        let (settings, problem) = match store.as_ref().map(SettingsStore::load) {
            Some(Ok(Some(saved))) => (saved, None),
            Some(Err(err)) => (Settings::default(), Some(err)),
            Some(Ok(None)) | None => (Settings::default(), None),
        };
        let mut app = Self::with_settings(&cc.egui_ctx, settings, options);
        app.settings_file = store;
        app.settings_on_disk = app.settings.clone();
        if let Some(err) = problem {
            app.report_settings_error(&err);
        }
        app
    }

    /// Builds the app for a context with given settings (tests use this too).
    pub fn with_settings(
        ctx: &egui::Context,
        mut settings: Settings,
        options: StartOptions,
    ) -> Self {
        if let Some(lang) = options.lang {
            settings.lang = lang;
        }
        // The first file opens (and so goes to the top); the others follow it in order.
        for path in options.also.iter().rev() {
            settings.remember(path);
        }
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        fonts::install_ui_fonts(ctx);
        let jobs = Jobs::new(Some(ctx.clone()));
        jobs.discover_fonts();
        let sidebar = SidebarState {
            open: settings.sidebar_open,
            underline: settings.underline_entities,
            ..Default::default()
        };
        let mut app = Self {
            text: TextSystem::new(LayoutEngine::new(font_system(FontSources::BundledOnly))),
            sidebar,
            find: FindState::default(),
            find_marks: MarkSet::default(),
            settings,
            document: None,
            loading: None,
            notices: Notices::default(),
            open_panel: OpenPanel::default(),
            collection: None,
            installed_fonts: Vec::new(),
            system_fonts: None,
            settings_open: false,
            shortcuts_open: false,
            last_copied: None,
            stores: data_dir(&options).map(|d| Stores::new(&d)),
            settings_file: None,
            settings_on_disk: Settings::default(),
            last_settings_save: Instant::now(),
            highlight_color: HighlightColor::Yellow,
            jobs,
            commands: Vec::new(),
            next_request: 0,
            narrow: false,
            last_position_save: Instant::now(),
            egui_ctx: ctx.clone(),
            title_shown: String::new(),
        };
        if let Some(file) = options.file {
            app.commands.push(Command::Open(file));
        }
        app
    }

    /// Queues a command (applied at the end of the frame).
    pub fn push_command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Blocks until the current load finishes (tests and headless checks only).
    pub fn wait_for_load(&mut self, timeout: Duration) {
        self.wait_until(timeout, |app| app.loading.is_none());
    }

    /// Blocks until the open document's analysis is ready (tests and headless checks only).
    pub fn wait_for_analysis(&mut self, timeout: Duration) {
        self.wait_until(timeout, |app| {
            app.loading.is_none() && app.document.as_ref().is_none_or(|d| d.analysis.is_some())
        });
    }

    fn wait_until(&mut self, timeout: Duration, done: impl Fn(&Self) -> bool) {
        let deadline = Instant::now() + timeout;
        for c in std::mem::take(&mut self.commands) {
            self.apply(None, c);
        }
        while !done(self) && Instant::now() < deadline {
            let left = deadline.saturating_duration_since(Instant::now());
            if let Some(result) = self.jobs.wait(left) {
                self.on_job(result);
            }
        }
    }
}

impl eframe::App for QariApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        // eframe's storage keeps only the window's size and place (window.ron); the settings
        // have their own file, whose failures the reader is told about.
        self.save_settings_now();
        self.save_highlights(true);
        // Closing: written here, since a background job might not finish before exit.
        if let Some((positions, hash, position)) = self.position_to_save() {
            let _ = positions.save(&hash, position);
        }
    }
}

/// The data directory: the one given, else the platform's.
fn data_dir(options: &StartOptions) -> Option<PathBuf> {
    options
        .data_dir
        .clone()
        .or_else(HighlightStore::default_data_dir)
}

/// The window's options: eframe keeps the window's size and place in `window.ron` in the data
/// directory (`persistence_path` is the file it writes, not a folder).
pub fn native_options(options: &StartOptions) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("qari")
            .with_app_id("io.github.qari.Qari")
            .with_inner_size([1280.0, 860.0])
            .with_min_inner_size([480.0, 320.0])
            .with_drag_and_drop(true),
        persist_window: true,
        persistence_path: data_dir(options).map(|d| d.join("window.ron")),
        ..Default::default()
    }
}

/// Runs the reader window until it is closed.
pub fn run(options: StartOptions) -> anyhow::Result<()> {
    use anyhow::Context as _;
    eframe::run_native(
        "qari",
        native_options(&options),
        Box::new(move |cc| Ok(Box::new(QariApp::new(cc, options)))),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("could not open the window")
}
