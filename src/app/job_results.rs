//! What the app does with the results of background jobs: loaded documents, dialogs, fonts,
//! analyses and exports.

use std::path::PathBuf;
use std::time::Duration;

use super::QariApp;
use super::jobs::JobResult;
use super::open_document::OpenDocument;
use crate::state::Command;
use crate::state::analysis_progress::AnalysisProgress;
use crate::state::messages::Message;
use crate::state::notices::NoticeKind;

impl QariApp {
    pub(super) fn on_job(&mut self, result: JobResult) {
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
                            self.notices
                                .push(NoticeKind::Warning, &Message::HighlightsSetAside(n));
                        }
                        let doc = &loaded.doc;
                        for w in &doc.warnings {
                            self.notices
                                .push(NoticeKind::Warning, &Message::DocumentWarning(w, &path));
                        }
                        self.open_panel.visible = false;
                        self.settings.remember(&path);
                        self.sidebar.reset_for_document();
                        self.find.searched = None;
                        let progress = AnalysisProgress::default();
                        self.jobs.analyze(request, doc.clone(), progress.clone());
                        let mut open =
                            OpenDocument::new(loaded, path, request, self.stores.as_ref());
                        open.progress = progress;
                        self.document = Some(open);
                        self.report_orphans();
                        if self.document.as_ref().is_some_and(|d| d.restored) {
                            self.notices
                                .push(NoticeKind::Info, &Message::PositionRestored);
                        }
                    }
                    Err(err) => self
                        .notices
                        .push(NoticeKind::Error, &Message::LoadFailed(&err)),
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
                    self.show_open_panel(true);
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
            JobResult::Card { image, written } => {
                self.egui_ctx.copy_image(*image);
                match written {
                    Some(path) => self
                        .notices
                        .push(NoticeKind::Info, &Message::CardSaved(&path)),
                    None => self
                        .notices
                        .push(NoticeKind::Warning, &Message::CardNotSaved),
                }
            }
            JobResult::Saved { error: Some(e) } => self
                .notices
                .push(NoticeKind::Error, &Message::HighlightsNotSaved(&e)),
            JobResult::Saved { error: None } => {}
            JobResult::Exported { written, name } => match written {
                Some(target) => self
                    .notices
                    .push(NoticeKind::Info, &Message::Exported(&target)),
                None => self
                    .notices
                    .push(NoticeKind::Error, &Message::ExportFailed(&name)),
            },
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

    pub(super) fn show_open_panel(&mut self, no_picker: bool) {
        let dir = self
            .document
            .as_ref()
            .and_then(|d| d.path.parent().map(PathBuf::from))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        self.open_panel.visible = true;
        self.open_panel.no_picker = no_picker;
        self.open_panel.browse(&dir);
    }
}
