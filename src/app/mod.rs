//! The eframe application: state, commands applied in one place, background jobs, persistence.

pub mod browser;
pub mod commands;
pub mod highlights;
pub mod jobs;
pub mod notices;
pub mod settings;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers};

pub use commands::Command;

use crate::analysis::Analysis;
use crate::annotations::{HighlightColor, HighlightStore};
use crate::document::{Document, LoadOptions};
use crate::text::fonts::{FontSources, font_system};
use crate::text::page::BlockKind;
use crate::text::{LayoutEngine, TextStyle, TextSystem};
use crate::ui;
use crate::ui::find_bar::FindState;
use crate::ui::marks::{MarkSet, MarkStyle};
use crate::ui::reading_pane::ReaderView;
use crate::ui::selection::TextPos;
use crate::ui::sidebar::{SidebarState, kind_color, quote_citation};
use browser::OpenPanel;
use jobs::{JobResult, Jobs};
use notices::{NoticeKind, Notices};
use settings::{SETTINGS_KEY, Settings};

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// A document to open at once.
    pub file: Option<PathBuf>,
    /// Interface language, overriding the saved or system one.
    pub lang: Option<crate::ui::i18n::Lang>,
    /// Where highlights are kept, overriding the user's data directory.
    pub data_dir: Option<PathBuf>,
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
    /// Its load request number (matches the analysis job).
    pub request: u64,
    /// The reader's highlights in it.
    pub highlights: highlights::DocHighlights,
    /// Entities and quotes, once the background analysis is done.
    pub analysis: Option<Box<Analysis>>,
    /// A range marked briefly (a quote jumped to) and when the mark started.
    pub flash: Option<(usize, std::ops::Range<usize>, Instant)>,
    marks: MarkSet,
    marks_key: Option<(Option<usize>, bool)>,
}

impl OpenDocument {
    fn new(
        loaded: jobs::LoadedDoc,
        path: PathBuf,
        request: u64,
        store: Option<HighlightStore>,
    ) -> Self {
        let jobs::LoadedDoc {
            doc,
            page,
            text,
            hash,
            saved,
        } = loaded;
        let highlights =
            highlights::DocHighlights::new(text, hash, saved, store, &path, &doc.title);
        Self {
            doc,
            path,
            view: ReaderView::new(page),
            request,
            highlights,
            analysis: None,
            flash: None,
            marks: MarkSet::default(),
            marks_key: None,
        }
    }

    /// Where a body-paragraph range is on the page.
    fn pos(&self, paragraph: usize, char: usize) -> Option<TextPos> {
        let block = self.view.page.block_of_paragraph(paragraph)?;
        Some(TextPos { block, char })
    }

    /// Every place an entity is named, in reading order: title first, then body mentions.
    fn entity_targets(&self, index: usize) -> Vec<(usize, std::ops::Range<usize>)> {
        let Some(e) = self.analysis.as_ref().and_then(|a| a.entities.get(index)) else {
            return Vec::new();
        };
        let title = e.title_mentions.iter().map(|m| (0, m.start..m.end));
        let body = e.mentions.iter().filter_map(|m| {
            let block = self.view.page.block_of_paragraph(m.paragraph)?;
            Some((block, m.start..m.end))
        });
        title.chain(body).collect()
    }

    /// Rebuilds the lasting marks (selected entity, underlines) when what they show changed.
    fn refresh_marks(&mut self, sidebar: &SidebarState) {
        let key = (sidebar.selected_entity, sidebar.underline);
        if self.marks_key == Some(key) {
            return;
        }
        let Some(analysis) = &self.analysis else {
            return;
        };
        self.marks_key = Some(key);
        let mut marks = MarkSet::default();
        for (i, e) in analysis.entities.iter().enumerate() {
            if e.kind == crate::analysis::EntityKind::Misc {
                continue;
            }
            let selected = sidebar.selected_entity == Some(i);
            if !(selected || sidebar.underline) {
                continue;
            }
            let style = if selected {
                MarkStyle::Fill(kind_color(e.kind).gamma_multiply(0.28))
            } else {
                MarkStyle::Underline(kind_color(e.kind))
            };
            for (block, range) in self.entity_targets(i) {
                marks.add(block, range, style);
            }
        }
        self.marks = marks;
    }

    /// Marks that last one frame: the hovered entity's mentions and a flashing quote.
    fn transient_marks(&mut self, sidebar: &SidebarState) -> MarkSet {
        let mut marks = MarkSet::default();
        if let Some(i) = sidebar.hovered_entity
            && let Some(kind) = self
                .analysis
                .as_ref()
                .and_then(|a| a.entities.get(i))
                .map(|e| e.kind)
        {
            for (block, range) in self.entity_targets(i) {
                marks.add(block, range, MarkStyle::Outline(kind_color(kind)));
            }
        }
        if let Some((block, range, since)) = &self.flash {
            if since.elapsed() < FLASH {
                marks.add(
                    *block,
                    range.clone(),
                    MarkStyle::Fill(egui::Color32::from_rgba_unmultiplied(255, 200, 0, 110)),
                );
            } else {
                self.flash = None;
            }
        }
        marks
    }
}

/// How long a quote jumped to stays marked.
const FLASH: Duration = Duration::from_millis(1600);

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
    pub store: Option<HighlightStore>,
    /// Colour of the last highlight made (the shortcut uses it).
    pub highlight_color: HighlightColor,
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
    pub fn with_settings(
        ctx: &egui::Context,
        mut settings: Settings,
        options: StartOptions,
    ) -> Self {
        if let Some(lang) = options.lang {
            settings.lang = lang;
        }
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        install_ui_fonts(ctx);
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
            store: options
                .data_dir
                .clone()
                .or_else(HighlightStore::default_data_dir)
                .map(|d| HighlightStore::new(&d)),
            highlight_color: HighlightColor::Yellow,
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
                        let loaded = *loaded;
                        if let Some(n) = &loaded.saved.notice {
                            self.notices.push(NoticeKind::Warning, n.clone());
                        }
                        let doc = &loaded.doc;
                        for w in &doc.warnings {
                            self.notices
                                .push(NoticeKind::Warning, format!("{w}: {}", path.display()));
                        }
                        self.open_panel.visible = false;
                        self.settings.remember(&path);
                        self.sidebar.reset_for_document();
                        self.find.searched = None;
                        self.jobs.analyze(request, doc.clone());
                        self.document =
                            Some(OpenDocument::new(loaded, path, request, self.store.clone()));
                        self.report_orphans();
                    }
                    Err(err) => self.notices.push(NoticeKind::Error, err.to_string()),
                }
            }
            JobResult::Collection {
                request,
                path,
                docs,
            } => {
                if self.loading.as_ref().map(|l| l.request) == Some(request) {
                    self.loading = None;
                    self.collection = Some((request, path, docs));
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
            JobResult::Fonts(names, db) => {
                self.installed_fonts = names;
                self.system_fonts = Some(db);
                if matches!(
                    self.settings.font,
                    crate::text::style::FontChoice::Installed(_)
                ) {
                    self.use_system_fonts();
                }
            }
            JobResult::Analyzed { request, analysis } => {
                if let Some(d) = &mut self.document
                    && d.request == request
                {
                    d.analysis = Some(analysis);
                    d.marks_key = None;
                }
            }
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
            Command::Open(path) => self.load(path, LoadOptions::default()),
            Command::ReopenWithEncoding(encoding) => {
                if let Some(path) = self.document.as_ref().map(|d| d.path.clone()) {
                    let options = LoadOptions {
                        encoding: Some(encoding),
                        ..LoadOptions::default()
                    };
                    self.load(path, options);
                }
            }
            Command::OpenArticle(index) => {
                if let Some((request, path, mut docs)) = self.collection.take()
                    && index < docs.len()
                {
                    let doc = docs.swap_remove(index);
                    self.loading = Some(Loading {
                        request,
                        path: path.clone(),
                        since: Instant::now(),
                    });
                    self.jobs
                        .open_article(request, path, doc, self.store.clone());
                }
            }
            Command::CloseCollection => self.collection = None,
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
                    let s = self.settings.lang.s();
                    self.copy(ctx, text, format!("{} {n}", s.copied_chars));
                } else if let Some(i) = self.sidebar.selected_quote {
                    self.apply(
                        ctx,
                        Command::CopyQuote {
                            index: i,
                            attributed: true,
                        },
                    );
                }
            }
            Command::CopyQuote { index, attributed } => {
                let Some(d) = &self.document else { return };
                let Some(q) = d.analysis.as_ref().and_then(|a| a.quotes.get(index)) else {
                    return;
                };
                let text = if attributed {
                    quote_citation(&q.text, q.speaker.as_deref(), &d.doc.title)
                } else {
                    q.text.clone()
                };
                self.sidebar.selected_quote = Some(index);
                let note = self.settings.lang.s().copied_quote.to_string();
                self.copy(ctx, text, note);
            }
            Command::ShowEntity(i) => self.show_entity(i),
            Command::ShowQuote(i) => self.show_quote(i),
            Command::JumpToBlock(block) => {
                if let Some(d) = &mut self.document {
                    d.view.jump_to = Some(TextPos { block, char: 0 });
                }
            }
            Command::ToggleSidebar => {
                self.sidebar.open = !self.sidebar.open;
                self.settings.sidebar_open = self.sidebar.open;
            }
            Command::SetLang(lang) => self.settings.lang = lang,
            Command::ShowSettings(open) => self.settings_open = open,
            Command::ShowShortcuts(open) => self.shortcuts_open = open,
            Command::UpdateSettings(settings) => {
                let new_font = settings.font != self.settings.font;
                self.settings = *settings;
                self.sidebar.open = self.settings.sidebar_open;
                self.sidebar.underline = self.settings.underline_entities;
                if new_font
                    && matches!(
                        self.settings.font,
                        crate::text::style::FontChoice::Installed(_)
                    )
                {
                    self.use_system_fonts();
                }
            }
            Command::AddHighlight(color) => {
                self.highlight_color = color;
                let Some(d) = &mut self.document else { return };
                let Some(sel) = d.view.selection.filter(|s| !s.is_empty()) else {
                    return;
                };
                let (a, b) = sel.ordered();
                if d.highlights
                    .add((a.block, a.char), (b.block, b.char), color)
                    .is_some()
                {
                    d.view.selection = None;
                    self.sidebar.tab = crate::ui::sidebar::SidebarTab::Highlights;
                }
            }
            Command::DeleteHighlight(id) => {
                if let Some(d) = &mut self.document {
                    d.highlights.delete(id);
                }
            }
            Command::UndoDeleteHighlight => {
                if let Some(d) = &mut self.document {
                    d.highlights.undo_delete();
                }
            }
            Command::SetHighlightNote { id, note } => {
                if let Some(d) = &mut self.document {
                    d.highlights.set_note(id, note);
                }
            }
            Command::SetHighlightColor { id, color } => {
                if let Some(d) = &mut self.document {
                    d.highlights.set_color(id, color);
                }
            }
            Command::JumpToHighlight(id) => {
                if let Some(d) = &mut self.document
                    && let Some((block, char)) = d.highlights.position_of(id)
                {
                    d.view.jump_to = Some(TextPos { block, char });
                }
            }
            Command::ExportHighlights { markdown } => self.export_highlights(markdown),
            Command::OpenFind => {
                self.find.open = true;
                self.find.focus = true;
            }
            Command::CloseFind => {
                self.find.open = false;
                self.find.matches.clear();
                self.find.current = None;
                self.find.searched = None;
                self.find_marks = MarkSet::default();
            }
            Command::FindStep { forward } => {
                self.refresh_find();
                let hit = self.find.step(forward);
                self.show_find_match(hit);
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

    fn copy(&mut self, ctx: Option<&egui::Context>, text: String, note: String) {
        if let Some(ctx) = ctx {
            ctx.copy_text(text.clone());
        }
        self.last_copied = Some(text);
        self.notices.push(NoticeKind::Info, note);
    }

    fn show_entity(&mut self, index: usize) {
        let Some(d) = &mut self.document else { return };
        let targets = d.entity_targets(index);
        if targets.is_empty() {
            return;
        }
        let next = self.sidebar.next_mention.entry(index).or_insert(0);
        let (block, range) = targets[*next % targets.len()].clone();
        *next = (*next + 1) % targets.len();
        self.sidebar.selected_entity = Some(index);
        d.view.jump_to = Some(TextPos {
            block,
            char: range.start,
        });
        d.flash = Some((block, range, Instant::now()));
    }

    fn show_quote(&mut self, index: usize) {
        let Some(d) = &mut self.document else { return };
        let Some(q) = d.analysis.as_ref().and_then(|a| a.quotes.get(index)) else {
            return;
        };
        self.sidebar.selected_quote = Some(index);
        let target = d.pos(q.paragraph, q.start);
        let range = q.start..q.end;
        d.view.jump_to = target;
        d.view.selection = None;
        if let Some(t) = target {
            d.flash = Some((t.block, range, Instant::now()));
        }
    }

    /// Starts loading a file in the background (a later request supersedes this one).
    fn load(&mut self, path: PathBuf, options: LoadOptions) {
        self.next_request += 1;
        self.loading = Some(Loading {
            request: self.next_request,
            path: path.clone(),
            since: Instant::now(),
        });
        self.save_highlights(true);
        let store = self.store.clone();
        self.jobs.load(self.next_request, path, options, store);
    }

    /// Switches layout to a font system with the installed fonts (once, when first needed).
    fn use_system_fonts(&mut self) {
        let Some(db) = self.system_fonts.take() else {
            return;
        };
        let fonts = cosmic_text::FontSystem::new_with_locale_and_db("ar".into(), *db);
        self.text.engine = LayoutEngine::new(fonts);
        // Font ids now name other fonts: nothing laid out or rasterised before is valid.
        self.text.atlas.clear();
        self.text.labels.clear();
        if let Some(d) = &mut self.document {
            d.view.page.invalidate();
        }
    }

    /// Writes pending highlight changes (all of them with `now`); failures become notices.
    fn save_highlights(&mut self, now: bool) {
        if let Some(d) = &mut self.document
            && let Err(err) = d.highlights.save_if_due(now)
        {
            self.notices.push(NoticeKind::Error, err.to_string());
        }
    }

    /// Tells the reader about highlights that no longer match the file.
    fn report_orphans(&mut self) {
        let Some(d) = &self.document else { return };
        let n = (0..d.highlights.items.len())
            .filter(|&i| d.highlights.is_orphaned(i))
            .count();
        if n > 0 {
            self.notices.push(
                NoticeKind::Warning,
                format!("{n} highlight(s) could not be found in the changed file; they are kept in the Highlights tab"),
            );
        }
    }

    /// Writes the highlights as Markdown or JSON beside the document (or in the data folder).
    fn export_highlights(&mut self, markdown: bool) {
        let Some(d) = &self.document else { return };
        let h = &d.highlights;
        let orphaned = |x: &crate::annotations::Highlight| {
            h.items
                .iter()
                .position(|y| y.id == x.id)
                .is_some_and(|i| h.is_orphaned(i))
        };
        let (body, ext) = if markdown {
            (
                crate::annotations::export::to_markdown(&d.doc.title, &h.items, orphaned),
                "md",
            )
        } else {
            (
                crate::annotations::export::to_json(&d.doc.title, &h.items, orphaned),
                "json",
            )
        };
        let stem = d
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "document".into());
        let name = format!("{stem}.highlights.{ext}");
        let beside = d.path.parent().map(|p| p.join(&name));
        let fallback = HighlightStore::default_data_dir().map(|p| p.join(&name));
        let written = [beside, fallback]
            .into_iter()
            .flatten()
            .find(|target| std::fs::write(target, &body).is_ok());
        match written {
            Some(target) => self.notices.push(
                NoticeKind::Info,
                format!("Highlights exported to {}", target.display()),
            ),
            None => self.notices.push(
                NoticeKind::Error,
                format!("Could not write the highlights export: {name}"),
            ),
        }
    }

    /// Searches again when the query or options changed; the first match is shown.
    fn refresh_find(&mut self) {
        let Some(d) = &self.document else { return };
        let key = (self.find.query.clone(), self.find.options);
        if !self.find.open || self.find.searched.as_ref() == Some(&key) {
            return;
        }
        let texts = d.view.page.blocks.iter().map(|b| b.text.as_str());
        self.find.matches = crate::search::find_all(texts, &key.0, key.1);
        self.find.searched = Some(key);
        self.find.current = None;
        let hit = self.find.step(true);
        self.show_find_match(hit);
    }

    /// Jumps to a match and redraws the match marks with it as current.
    fn show_find_match(&mut self, hit: Option<(usize, std::ops::Range<usize>)>) {
        let mut marks = MarkSet::default();
        let all = egui::Color32::from_rgba_unmultiplied(255, 214, 0, 90);
        let current = egui::Color32::from_rgb(0xe6, 0x7e, 0x00);
        for (block, range) in &self.find.matches {
            marks.add(*block, range.clone(), MarkStyle::Fill(all));
        }
        if let Some((block, range)) = hit {
            marks.add(block, range.clone(), MarkStyle::Outline(current));
            if let Some(d) = &mut self.document {
                d.view.jump_to = Some(TextPos {
                    block,
                    char: range.start,
                });
            }
        }
        self.find_marks = marks;
    }

    fn global_shortcuts(&mut self, ctx: &egui::Context) {
        let shortcuts = [
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
                Command::OpenDialog,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::F),
                Command::OpenFind,
            ),
            (
                KeyboardShortcut::new(Modifiers::NONE, Key::F1),
                Command::ShowShortcuts(true),
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::H),
                Command::AddHighlight(self.highlight_color),
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
        self.text.atlas.begin_frame(&ctx);
        ctx.set_visuals(if self.settings.theme.is_dark() {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        self.global_shortcuts(&ctx);
        self.update_title(&ctx);

        let style = self.settings.page_style();
        let lang = self.settings.lang;
        let mut commands = Vec::new();
        ui::toolbar::toolbar(ui, &self.settings, self.loading.as_ref(), &mut commands);
        ui::notices::notices(ui, self.notices.items(), lang, &mut commands);
        if self.open_panel.visible {
            ui::open_panel::open_panel(ui, &mut self.open_panel, lang, &mut commands);
        }
        if self.settings_open {
            let installed = self.installed_fonts.clone();
            ui::settings_window::settings_window(ui, &self.settings, &installed, &mut commands);
        }
        if let Some((_, _, docs)) = &self.collection {
            let style = sidebar_style(&style.body);
            ui::article_picker::article_picker(
                ui,
                docs,
                &mut self.text,
                &style,
                lang,
                &mut commands,
            );
        }
        if self.shortcuts_open {
            ui::shortcuts::shortcuts_window(ui, lang, &mut commands);
        }
        if self.find.open && self.document.is_some() {
            ui::find_bar::find_bar(ui, &mut self.find, lang, &mut commands);
            self.refresh_find();
        }
        if let Some(open) = &mut self.document {
            if self.sidebar.open {
                let panel = if lang.rtl() {
                    egui::Panel::left("qari-sidebar")
                } else {
                    egui::Panel::right("qari-sidebar")
                };
                let headings = open
                    .view
                    .page
                    .blocks
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.kind == BlockKind::Heading)
                    .map(|(i, b)| (i, b.text.as_str()))
                    .collect();
                let env = ui::sidebar::SidebarEnv {
                    analysis: open.analysis.as_deref(),
                    highlights: Some(&open.highlights),
                    headings,
                    text: &mut self.text,
                    style: sidebar_style(&style.body),
                    lang,
                    color: ui.visuals().text_color(),
                };
                panel
                    .resizable(true)
                    .default_size(340.0)
                    .min_size(220.0)
                    .show(ui, |ui| {
                        ui::sidebar::sidebar(ui, &mut self.sidebar, env, &mut commands)
                    });
            }
            open.refresh_marks(&self.sidebar);
            let transient = open.transient_marks(&self.sidebar);
            if open.flash.is_some() {
                ctx.request_repaint_after(Duration::from_millis(100));
            }
            let layers = [
                &open.highlights.marks,
                &open.marks,
                &self.find_marks,
                &transient,
            ];
            egui::CentralPanel::no_frame().show(ui, |ui| {
                ui::reading_pane::reading_pane(
                    ui,
                    &mut open.view,
                    ui::reading_pane::PaneEnv {
                        text: &mut self.text,
                        style: &style,
                        theme: self.settings.theme,
                        marks: &layers,
                        lang,
                    },
                    &mut commands,
                );
            });
        } else {
            egui::CentralPanel::no_frame().show(ui, |ui| {
                ui::start_screen::start_screen(
                    ui,
                    self.loading.as_ref(),
                    &self.settings.recent,
                    lang,
                    &mut commands,
                );
            });
        }
        ui::start_screen::drop_overlay(ui, lang);

        commands.append(&mut self.commands);
        for command in commands {
            self.apply(Some(&ctx), command);
        }
        self.settings.underline_entities = self.sidebar.underline;
        self.save_highlights(false);
        let unsaved = self
            .document
            .as_ref()
            .is_some_and(|d| d.highlights.has_unsaved_changes());
        if self.notices.expire() || self.loading.is_some() || unsaved {
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
        self.save_highlights(true);
    }
}

/// Gives egui's own widgets an Arabic fallback font, so short Arabic labels have glyphs.
fn install_ui_fonts(ctx: &egui::Context) {
    let Some(bytes) = crate::text::fonts::bundled_font("NotoSansArabic-Regular.ttf") else {
        return;
    };
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans-arabic".into(),
        std::sync::Arc::new(egui::FontData::from_static(bytes)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-sans-arabic".into());
    }
    ctx.set_fonts(fonts);
}

/// Sidebar text: the reading font a little smaller.
fn sidebar_style(body: &TextStyle) -> TextStyle {
    TextStyle {
        size: (body.size * 0.8).clamp(13.0, 22.0),
        line_height: 1.45,
        justify: false,
        ..body.clone()
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
