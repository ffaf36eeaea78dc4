//! Background work on named threads — loading documents, analysis, the file picker, font
//! discovery, exports —
//! reporting back over one channel.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::analysis::{Analysis, Options, run};
use crate::annotations::store::Loaded;
use crate::annotations::{DocText, HighlightStore, PositionStore, ReadingPosition};
use crate::document::{Document, Format, LoadError, LoadOptions, load_documents};
use crate::state::analysis_progress::AnalysisProgress;
use crate::text::Page;
use crate::text::card::{CardStyle, QuoteCard};
use crate::text::fonts::{FontSources, arabic_families, font_system};

/// A finished piece of background work.
#[derive(Debug)]
pub enum JobResult {
    /// A document finished loading (or failed).
    Loaded {
        /// Which request this answers.
        request: u64,
        /// The file.
        path: PathBuf,
        /// The document, its page and saved highlights, or why not.
        result: Result<Box<LoadedDoc>, LoadError>,
    },
    /// The system file picker closed.
    DialogClosed {
        /// The chosen file, if any.
        picked: Option<PathBuf>,
        /// How long it was open: an instant `None` means no picker exists.
        open_for: Duration,
    },
    /// A file holding several articles: the reader picks one.
    Collection {
        /// Which request this answers.
        request: u64,
        /// The file.
        path: PathBuf,
        /// Its articles.
        docs: Vec<Document>,
    },
    /// Installed font families that cover Arabic, and a font database with them and the bundled fonts.
    Fonts(Vec<String>, Box<cosmic_text::fontdb::Database>),
    /// A highlights export was written (to the first target that took it), or none could be.
    Exported {
        /// Where it was written.
        written: Option<PathBuf>,
        /// The file name tried.
        name: String,
    },
    /// A quote card was drawn.
    Card {
        /// The image for the clipboard.
        image: Box<egui::ColorImage>,
        /// Where the PNG was written, if anywhere.
        written: Option<PathBuf>,
    },
    /// A reading position was saved (or why not).
    Saved {
        /// The store's sentence when it could not be saved.
        error: Option<String>,
    },
    /// A document's analysis is ready.
    Analyzed {
        /// The load request of the document analysed.
        request: u64,
        /// Entities and quotes.
        analysis: Box<Analysis>,
    },
}

/// A loaded document with everything prepared off the UI thread.
#[derive(Debug)]
pub struct LoadedDoc {
    /// The document.
    pub doc: Document,
    /// Its page of blocks.
    pub page: Page,
    /// Its text as highlight anchors see it.
    pub text: DocText,
    /// Its content hash.
    pub hash: String,
    /// Its saved highlights.
    pub saved: Loaded,
    /// Where the reader stopped last time, if they did read it.
    pub position: Option<ReadingPosition>,
}

/// Where the reader's data lives: highlights and reading positions, one data directory.
#[derive(Debug, Clone)]
pub struct Stores {
    /// Highlights per document.
    pub highlights: HighlightStore,
    /// Reading positions per document.
    pub positions: PositionStore,
}

impl Stores {
    /// The stores in a data directory.
    pub fn new(data_dir: &std::path::Path) -> Self {
        Self {
            highlights: HighlightStore::new(data_dir),
            positions: PositionStore::new(data_dir),
        }
    }
}

/// Lays out the page, anchors' text and saved highlights of a loaded document.
fn prepare(doc: Document, path: &std::path::Path, stores: Option<&Stores>) -> LoadedDoc {
    let page = Page::new(&doc);
    let text = DocText::new(&doc);
    let hash = HighlightStore::content_hash(&text);
    let saved = stores
        .map(|s| s.highlights.load(&hash, Some(path)))
        .unwrap_or_default();
    let position = stores.and_then(|s| s.positions.load(&hash));
    LoadedDoc {
        doc,
        page,
        text,
        hash,
        saved,
        position,
    }
}

/// Starts jobs and collects their results.
#[derive(Debug)]
pub struct Jobs {
    tx: Sender<JobResult>,
    rx: Receiver<JobResult>,
    ctx: Option<egui::Context>,
}

impl Jobs {
    /// A job runner that wakes `ctx` when a result arrives.
    pub fn new(ctx: Option<egui::Context>) -> Self {
        let (tx, rx) = channel();
        Self { tx, rx, ctx }
    }

    fn spawn(&self, name: &str, work: impl FnOnce() -> JobResult + Send + 'static) {
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                // The receiver lives as long as the app; a send error means it is closing.
                let _ = tx.send(work());
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            });
        if let Err(err) = spawned {
            eprintln!("qari: could not start the {name} thread: {err}");
        }
    }

    /// Loads a document in the background.
    pub fn load(&self, request: u64, path: PathBuf, options: LoadOptions, stores: Option<Stores>) {
        self.spawn("qari-loader", move || {
            match load_documents(&path, &options) {
                Ok(docs) if docs.len() > 1 => JobResult::Collection {
                    request,
                    path,
                    docs,
                },
                Ok(mut docs) => match docs.pop() {
                    Some(doc) => JobResult::Loaded {
                        request,
                        result: Ok(Box::new(prepare(doc, &path, stores.as_ref()))),
                        path,
                    },
                    None => JobResult::Loaded {
                        request,
                        result: Err(LoadError::Empty(path.clone())),
                        path,
                    },
                },
                Err(err) => JobResult::Loaded {
                    request,
                    path,
                    result: Err(err),
                },
            }
        });
    }

    /// Prepares one article of a collection in the background.
    pub fn open_article(&self, request: u64, path: PathBuf, doc: Document, stores: Option<Stores>) {
        self.spawn("qari-loader", move || JobResult::Loaded {
            request,
            result: Ok(Box::new(prepare(doc, &path, stores.as_ref()))),
            path,
        });
    }

    /// Analyses a document in the background, reporting how far it got to `progress`.
    pub fn analyze(&self, request: u64, doc: Document, progress: AnalysisProgress) {
        self.spawn("qari-analysis", move || JobResult::Analyzed {
            request,
            analysis: Box::new(
                run(
                    &doc,
                    Options {
                        progress: Some(&mut |f| progress.report(f)),
                        ..Options::default()
                    },
                )
                .analysis,
            ),
        });
    }

    /// Writes `body` to the first of `targets` that can be written.
    pub fn write_export(&self, targets: Vec<PathBuf>, name: String, body: String) {
        self.spawn("qari-export", move || JobResult::Exported {
            written: targets
                .into_iter()
                .find(|target| std::fs::write(target, &body).is_ok()),
            name,
        });
    }

    /// Draws a quote card and writes it as PNG to the first of `targets` that takes it.
    pub fn render_card(&self, card: QuoteCard, targets: Vec<PathBuf>) {
        self.spawn("qari-card", move || {
            let mut engine = crate::text::LayoutEngine::new(font_system(FontSources::BundledOnly));
            let (image, _) = card.render(&mut engine, CardStyle::default());
            let png = image.to_png().ok();
            let written = png.and_then(|png| {
                targets
                    .into_iter()
                    .find(|t| std::fs::write(t, &png).is_ok())
            });
            let size = [image.width as usize, image.height as usize];
            JobResult::Card {
                image: Box::new(egui::ColorImage::from_rgba_unmultiplied(
                    size,
                    &image.pixels,
                )),
                written,
            }
        });
    }

    /// Saves a reading position in the background.
    pub fn save_position(&self, positions: PositionStore, hash: String, position: ReadingPosition) {
        self.spawn("qari-positions", move || JobResult::Saved {
            error: positions.save(&hash, position).err().map(|e| e.to_string()),
        });
    }

    /// Shows the system file picker without blocking the UI.
    pub fn pick_file(&self, start_dir: Option<PathBuf>) {
        self.spawn("qari-file-dialog", move || {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new()
                .set_title("Open an article")
                .add_filter("Documents", &Format::all_extensions().collect::<Vec<_>>())
                .add_filter("All files", &["*"]);
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            let picked = dialog.pick_file();
            JobResult::DialogClosed {
                picked,
                open_for: started.elapsed(),
            }
        });
    }

    /// Lists installed fonts that cover Arabic.
    pub fn discover_fonts(&self) {
        self.spawn("qari-fonts", || {
            let mut system = font_system(FontSources::WithSystem);
            let names = arabic_families(&mut system);
            let (_, db) = system.into_locale_and_db();
            JobResult::Fonts(names, Box::new(db))
        });
    }

    /// Results that have arrived since the last call.
    pub fn poll(&self) -> Vec<JobResult> {
        self.rx.try_iter().collect()
    }

    /// Waits up to `timeout` for one result (for tests and headless runs).
    pub fn wait(&self, timeout: Duration) -> Option<JobResult> {
        self.rx.recv_timeout(timeout).ok()
    }
}
