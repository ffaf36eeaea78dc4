//! Applying commands: every state change the interface asks for happens here.

use std::path::PathBuf;
use std::time::Instant;

use super::QariApp;
use crate::document::LoadOptions;
use crate::state::marks::MarkSet;
use crate::state::messages::Message;
use crate::state::notices::NoticeKind;
use crate::state::selection::{Selection, TextPos};
use crate::state::sidebar::SidebarTab;
use crate::state::{Command, Loading};

impl QariApp {
    /// Applies one command; every state change the UI asks for happens here.
    pub(super) fn apply(&mut self, ctx: Option<&egui::Context>, command: Command) {
        match command {
            Command::Quit => {
                if let Some(ctx) = ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
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
                        .open_article(request, path, doc, self.stores.clone());
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
            Command::ShowOpenPanel(true) => self.show_open_panel(false),
            Command::ShowOpenPanel(false) => self.open_panel.visible = false,
            Command::BrowseTo(dir) => self.open_panel.browse(&dir),
            Command::CopySelection => {
                let text = self.document.as_ref().and_then(|d| d.view.selected_text());
                if let Some(text) = text {
                    let n = text.chars().count();
                    self.copy(ctx, text, &Message::CopiedChars(n));
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
                    q.citation(&d.doc.title)
                } else {
                    q.text.clone()
                };
                self.sidebar.selected_quote = Some(index);
                self.copy(ctx, text, &Message::CopiedQuote);
            }
            Command::ReturnToReading => {
                if let Some(d) = &mut self.document
                    && let Some(back) = d.view.return_to.take()
                {
                    d.view.restore(back);
                }
            }
            Command::ShareQuote(index) => self.share_quote(index),
            Command::ShareSelection => self.share_selection(),
            Command::ShowEntity(i) => self.show_entity(i),
            Command::ShowQuote(i) => self.show_quote(i),
            Command::JumpToBlock(block) => {
                if let Some(d) = &mut self.document {
                    d.view.show(TextPos { block, char: 0 });
                }
            }
            Command::ToggleSidebar if self.narrow => self.sidebar.overlay = !self.sidebar.overlay,
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
                    self.sidebar.tab = SidebarTab::Highlights;
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
                    d.view.show(TextPos { block, char });
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
                    d.view.selection = Selection::all(&d.view.page);
                }
            }
            Command::ZoomIn => self.settings.zoom_by(1),
            Command::ZoomOut => self.settings.zoom_by(-1),
            Command::ZoomReset => self.settings.zoom = 1.0,
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::DismissNotice(id) => self.notices.dismiss(id),
        }
    }

    pub(super) fn copy(&mut self, ctx: Option<&egui::Context>, text: String, note: &Message<'_>) {
        if let Some(ctx) = ctx {
            ctx.copy_text(text.clone());
        }
        self.last_copied = Some(text);
        self.notices.push(NoticeKind::Info, note);
    }

    pub(super) fn show_entity(&mut self, index: usize) {
        let Some(d) = &mut self.document else { return };
        let targets = d.entity_targets(index);
        if targets.is_empty() {
            return;
        }
        let next = self.sidebar.next_mention.entry(index).or_insert(0);
        let (block, range) = targets[*next % targets.len()].clone();
        *next = (*next + 1) % targets.len();
        self.sidebar.selected_entity = Some(index);
        d.view.show(TextPos {
            block,
            char: range.start,
        });
        d.flash = Some((block, range, Instant::now()));
    }

    pub(super) fn show_quote(&mut self, index: usize) {
        let Some(d) = &mut self.document else { return };
        let Some(q) = d.analysis.as_ref().and_then(|a| a.quotes.get(index)) else {
            return;
        };
        self.sidebar.selected_quote = Some(index);
        let target = d.pos(q.paragraph, q.start);
        let range = q.start..q.end;
        if let Some(t) = target {
            d.view.show(t);
        }
        d.view.selection = None;
        if let Some(t) = target {
            d.flash = Some((t.block, range, Instant::now()));
        }
    }

    /// Starts loading a file in the background (a later request supersedes this one).
    pub(super) fn load(&mut self, path: PathBuf, options: LoadOptions) {
        self.next_request += 1;
        self.loading = Some(Loading {
            request: self.next_request,
            path: path.clone(),
            since: Instant::now(),
        });
        self.save_highlights(true);
        self.save_position();
        let stores = self.stores.clone();
        self.jobs.load(self.next_request, path, options, stores);
    }
}
