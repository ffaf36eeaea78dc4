//! The open document's view model: the document, its view, highlights, analysis and marks.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::analysis::Analysis;
use crate::annotations::HighlightStore;
use crate::document::Document;
use crate::state::analysis_progress::AnalysisProgress;
use crate::state::highlights::DocHighlights;
use crate::state::marks::{MarkSet, MarkStyle, kind_color};
use crate::state::reader_view::ReaderView;
use crate::state::selection::TextPos;
use crate::state::sidebar::SidebarState;

use super::jobs;

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
    pub highlights: DocHighlights,
    /// Entities and quotes, once the background analysis is done.
    pub analysis: Option<Box<Analysis>>,
    /// How far the analysis has got while it runs.
    pub progress: AnalysisProgress,
    /// The reading position was restored on opening (the app says so once).
    pub restored: bool,
    /// The position last saved, so an unchanged one is not written again.
    pub saved_top: Option<TextPos>,
    /// A range marked briefly (a quote jumped to) and when the mark started.
    pub flash: Option<(usize, std::ops::Range<usize>, Instant)>,
    pub(super) marks: MarkSet,
    pub(super) marks_key: Option<(Option<usize>, bool)>,
}

impl OpenDocument {
    pub(super) fn new(
        loaded: jobs::LoadedDoc,
        path: PathBuf,
        request: u64,
        stores: Option<&jobs::Stores>,
    ) -> Self {
        let jobs::LoadedDoc {
            doc,
            page,
            text,
            hash,
            saved,
            position,
        } = loaded;
        let store = stores.map(|s| s.highlights.clone());
        let highlights = DocHighlights::new(text, hash, saved, store, &path, &doc.title);
        let mut view = ReaderView::new(page);
        if let Some(p) = position.filter(|p| p.block > 0 || p.char > 0) {
            view.restore(TextPos {
                block: p.block,
                char: p.char,
            });
        }
        Self {
            restored: position.is_some_and(|p| p.block > 0 || p.char > 0),
            saved_top: view.top,
            doc,
            path,
            view,
            request,
            highlights,
            analysis: None,
            progress: AnalysisProgress::default(),
            flash: None,
            marks: MarkSet::default(),
            marks_key: None,
        }
    }

    /// A file made from the document (`NAME.what`) and where it may be written: beside the
    /// document, else in the data folder.
    pub(super) fn output_targets(&self, what: &str) -> (String, Vec<PathBuf>) {
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "document".into());
        let name = format!("{stem}.{what}");
        let beside = self.path.parent().map(|p| p.join(&name));
        let data = HighlightStore::default_data_dir().map(|p| p.join(&name));
        (name, [beside, data].into_iter().flatten().collect())
    }

    /// Where a body-paragraph range is on the page.
    pub(super) fn pos(&self, paragraph: usize, char: usize) -> Option<TextPos> {
        let block = self.view.page.block_of_paragraph(paragraph)?;
        Some(TextPos { block, char })
    }

    /// Every place an entity is named, in reading order: title first, then body mentions.
    pub(super) fn entity_targets(&self, index: usize) -> Vec<(usize, std::ops::Range<usize>)> {
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
    pub(super) fn refresh_marks(&mut self, sidebar: &SidebarState) {
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
    pub(super) fn transient_marks(&mut self, sidebar: &SidebarState) -> MarkSet {
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
pub(super) const FLASH: Duration = Duration::from_millis(1600);
