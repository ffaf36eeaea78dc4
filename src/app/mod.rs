//! The eframe application: state, commands applied in one place, background jobs, persistence.

pub mod browser;
pub mod commands;
pub mod jobs;
pub mod notices;
pub mod settings;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers};

pub use commands::Command;

use crate::document::{Document, LoadOptions};
use crate::text::LayoutEngine;
use crate::text::atlas::GlyphAtlas;
use crate::text::fonts::{FontSources, font_system};
use crate::ui;
use crate::ui::reading_pane::ReaderView;
use browser::OpenPanel;
use jobs::{JobResult, Jobs};
use notices::{NoticeKind, Notices};
use settings::{SETTINGS_KEY, Settings};

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// A document to open at once.
    pub file: Option<PathBuf>,
}

/// The open document and its view.
#[derive(Debug)]
pub struct OpenDocument {
    /// The document.
    pub doc: Document,
    /// Where it came from.
    pub path: PathBuf,
    /// The reading pane's state.
    pub view: ReaderView,
}

/// A load in progress.
#[derive(Debug, Clone)]
pub struct Loading {
    /// Request number (later requests win).
    pub request: u64,
    /// The file.
    pub path: PathBuf,
    /// When it started.
    pub since: Instant,
}

/// The qari window.
pub struct QariApp {
    /// Layout engine and fonts.
    pub engine: LayoutEngine,
    /// Glyph texture.
    pub atlas: GlyphAtlas,
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
    /// Installed Arabic font families, once discovered.
    pub installed_fonts: Vec<String>,
    /// Text most recently put on the clipboard (also for tests).
    pub last_copied: Option<String>,
    jobs: Jobs,
    commands: Vec<Command>,
    next_request: u64,
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
    /// Builds the app inside eframe, restoring saved settings.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY))
            .unwrap_or_default();
        Self::with_settings(&cc.egui_ctx, settings, options)
    }

    /// Builds the app for a context with given settings (tests use this too).
    pub fn with_settings(ctx: &egui::Context, settings: Settings, options: StartOptions) -> Self {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let jobs = Jobs::new(Some(ctx.clone()));
        jobs.discover_fonts();
        let mut app = Self {
            engine: LayoutEngine::new(font_system(FontSources::BundledOnly)),
            atlas: GlyphAtlas::default(),
            settings,
            document: None,
            loading: None,
            notices: Notices::default(),
            open_panel: OpenPanel::default(),
            installed_fonts: Vec::new(),
            last_copied: None,
            jobs,
            commands: Vec::new(),
            next_request: 0,
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
        let deadline = Instant::now() + timeout;
        for c in std::mem::take(&mut self.commands) {
            self.apply(None, c);
        }
        while self.loading.is_some() && Instant::now() < deadline {
            if let Some(result) = self
                .jobs
                .wait(deadline.saturating_duration_since(Instant::now()))
            {
                self.on_job(result);
            }
        }
    }

    fn on_job(&mut self, result: JobResult) {
        match result {
            JobResult::Loaded {
                request,
                path,
                result,
            } => {
                if self.loading.as_ref().map(|l| l.request) != Some(request) {
                    return; // a newer request superseded this one
                }
                self.loading = None;
                match result {
                    Ok(loaded) => {
                        let (doc, page) = *loaded;
                        for w in &doc.warnings {
                            self.notices
                                .push(NoticeKind::Warning, format!("{w}: {}", path.display()));
                        }
                        self.open_panel.visible = false;
                        self.document = Some(OpenDocument {
                            doc,
                            path,
                            view: ReaderView::new(page),
                        });
                    }
                    Err(err) => self.notices.push(NoticeKind::Error, err.to_string()),
                }
            }
            JobResult::DialogClosed { picked, open_for } => match picked {
                Some(path) => self.commands.push(Command::Open(path)),
                // An instant "no" means there is no picker on this desktop: offer ours.
                None if open_for < Duration::from_millis(700) => {
                    self.show_open_panel(Some(
                        "No system file picker is available; choose a file here.".into(),
                    ));
                }
                None => {}
            },
            JobResult::Fonts(names) => self.installed_fonts = names,
        }
    }

    fn show_open_panel(&mut self, reason: Option<String>) {
        let dir = self
            .document
            .as_ref()
            .and_then(|d| d.path.parent().map(PathBuf::from))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        self.open_panel.visible = true;
        self.open_panel.reason = reason;
        self.open_panel.browse(&dir);
    }

    /// Applies one command; every state change the UI asks for happens here.
    fn apply(&mut self, ctx: Option<&egui::Context>, command: Command) {
        match command {
            Command::Open(path) => {
                self.next_request += 1;
                self.loading = Some(Loading {
                    request: self.next_request,
                    path: path.clone(),
                    since: Instant::now(),
                });
                self.jobs
                    .load(self.next_request, path, LoadOptions::default());
            }
            Command::OpenDialog => {
                let dir = self
                    .document
                    .as_ref()
                    .and_then(|d| d.path.parent().map(PathBuf::from));
                self.jobs.pick_file(dir);
            }
            Command::ShowOpenPanel(true) => self.show_open_panel(None),
            Command::ShowOpenPanel(false) => self.open_panel.visible = false,
            Command::BrowseTo(dir) => self.open_panel.browse(&dir),
            Command::CopySelection => {
                let text = self.document.as_ref().and_then(|d| d.view.selected_text());
                if let Some(text) = text {
                    let n = text.chars().count();
                    if let Some(ctx) = ctx {
                        ctx.copy_text(text.clone());
                    }
                    self.last_copied = Some(text);
                    self.notices
                        .push(NoticeKind::Info, format!("Copied {n} characters"));
                }
            }
            Command::SelectAll => {
                if let Some(d) = &mut self.document {
                    d.view.selection = ui::selection::Selection::all(&d.view.page);
                }
            }
            Command::ZoomIn => self.settings.zoom_by(1),
            Command::ZoomOut => self.settings.zoom_by(-1),
            Command::ZoomReset => self.settings.zoom = 1.0,
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::DismissNotice(id) => self.notices.dismiss(id),
        }
    }

    fn global_shortcuts(&mut self, ctx: &egui::Context) {
        let shortcuts = [
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
                Command::OpenDialog,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus),
                Command::ZoomIn,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals),
                Command::ZoomIn,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus),
                Command::ZoomOut,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0),
                Command::ZoomReset,
            ),
        ];
        for (shortcut, command) in shortcuts {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.commands.push(Command::Open(path));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.document {
            Some(d) if !d.doc.title.is_empty() => format!("{} — qari", d.doc.title),
            _ => "qari".to_string(),
        };
        if title != self.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
    }

    /// One frame of UI: jobs, input, panels, then the queued commands.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        for result in self.jobs.poll() {
            self.on_job(result);
        }
        self.atlas.begin_frame(&ctx);
        ctx.set_visuals(if self.settings.theme.is_dark() {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        self.global_shortcuts(&ctx);
        self.update_title(&ctx);

        let style = self.settings.page_style();
        let mut commands = Vec::new();
        ui::toolbar::toolbar(ui, &self.settings, self.loading.as_ref(), &mut commands);
        ui::notices::notices(ui, self.notices.items(), &mut commands);
        if self.open_panel.visible {
            ui::open_panel::open_panel(ui, &mut self.open_panel, &mut commands);
        }
        egui::CentralPanel::no_frame().show(ui, |ui| match &mut self.document {
            Some(open) => ui::reading_pane::reading_pane(
                ui,
                &mut open.view,
                ui::reading_pane::PaneEnv {
                    engine: &mut self.engine,
                    atlas: &mut self.atlas,
                    style: &style,
                    theme: self.settings.theme,
                },
                &mut commands,
            ),
            None => ui::start_screen::start_screen(ui, self.loading.as_ref(), &mut commands),
        });
        ui::start_screen::drop_overlay(ui);

        commands.append(&mut self.commands);
        for command in commands {
            self.apply(Some(&ctx), command);
        }
        if self.notices.expire() || self.loading.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }
}

impl eframe::App for QariApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// Runs the reader window until it is closed.
pub fn run(options: StartOptions) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("qari")
            .with_app_id("qari")
            .with_inner_size([1280.0, 860.0])
            .with_min_inner_size([480.0, 320.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "qari",
        native,
        Box::new(move |cc| Ok(Box::new(QariApp::new(cc, options)))),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("could not open the window")
}
