//! Text analysis of a `Document`: named entities (people, places, organisations), hashtags,
//! dates, and direct quotes with their speakers. No GUI dependency; pure functions of a document.
//!
//! The stages run in order: `ner` tags the paragraphs (`entities::tag_paragraphs`),
//! `entities` finds, groups and finishes the mentions, `quotes` finds the quotes and decides
//! quote or term, `speakers` attributes them; `triggers` holds the word lists they share.
//! This module only calls them, in that order ([`run`], with [`Options`]).

pub mod citation;
pub mod dates;
pub mod entities;
pub mod hashtags;
pub mod learned;
pub mod logistic;
pub mod ner;
pub mod normalize;
pub mod parallel;
pub mod quotes;
pub mod schema;
pub mod speakers;
pub mod tokens;
pub mod triggers;

// The NER modules under their earlier paths (the CLI, tests and examples name them so).
pub use ner::{conll, gazetteer};

use crate::document::Document;
use learned::Learned;

pub use ner::tagger::Tagger;
pub use schema::{Analysis, Entity, EntityKind, Mention, Quote, QuoteKind};
pub use speakers::RatedSpan;

use entities::{
    TaggedParagraph, add_hashtags_and_dates, find_mentions_with_progress, group, reading_order,
    split_title_mentions, tag_paragraphs_with_progress,
};
use speakers::{Attribution, document_quotes};

/// Where each stage ends on the progress scale, from timings on a long article: the tagger's
/// passes take about 40 % of the time, the entity rules and propagation about 40 %, quotes
/// and speakers the rest.
const TAGGED: f32 = 0.4;
const MENTIONS_FOUND: f32 = 0.78;
const GROUPED: f32 = 0.8;

/// How an analysis runs. `Options::default()`: the shipped models, no explanation, every
/// core, no progress reports.
#[derive(Default)]
pub struct Options<'a> {
    /// The NER tagger (`None`: the shipped model).
    pub tagger: Option<&'a Tagger>,
    /// The learned quote and speaker stages (`None`: the shipped ones).
    pub learned: Option<&'a Learned>,
    /// Keep, per quote, how its speaker was attributed and every rated quoted span.
    pub explain: bool,
    /// Run on the calling thread only (a caller that parallelises over documents itself).
    pub single_thread: bool,
    /// Told the share of the work done, from 0 to 1, never decreasing, at coarse steps (a
    /// sentence of the tagger, a paragraph of the quotes), and 1 at the end.
    pub progress: Option<&'a mut (dyn FnMut(f32) + Send)>,
}

impl std::fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("tagger", &self.tagger.is_some())
            .field("learned", &self.learned.is_some())
            .field("explain", &self.explain)
            .field("single_thread", &self.single_thread)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

/// Analyses a document with the shipped models: `run(doc, Options::default()).analysis`.
pub fn analyze(doc: &Document) -> Analysis {
    run(doc, Options::default()).analysis
}

/// An analysis with how it was reached: each quote's speaker attribution (same order as
/// `analysis.quotes`) and every marked span the quote-or-term model decided; both empty
/// unless [`Options::explain`] asks for them.
#[derive(Debug, Clone)]
pub struct Explained {
    /// The analysis.
    pub analysis: Analysis,
    /// Per quote of `analysis.quotes`: candidates, scores, decision.
    pub attributions: Vec<Attribution>,
    /// Marked spans rated by the quote-or-term model, in reading order.
    pub rated: Vec<RatedSpan>,
}

/// The one entry point: runs the stages on `doc` as `options` ask. The result does not
/// depend on `single_thread` or `progress`. If the embedded tagger cannot be loaded (never
/// expected), entities come from the rules alone.
pub fn run(doc: &Document, options: Options<'_>) -> Explained {
    if options.single_thread
        && let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(1).build()
    {
        return pool.install(|| stages(doc, options));
    }
    stages(doc, options)
}

fn empty_weights() -> ner::tagger::Weights {
    ner::tagger::Weights {
        bits: 8,
        emit: vec![0; (1 << 8) * ner::tagger::NUM_TAGS],
        trans: vec![0; ner::tagger::NUM_TAGS * ner::tagger::NUM_TAGS],
        start: vec![0; ner::tagger::NUM_TAGS],
    }
}

/// Calls the stages in order: tag, find mentions, group, quotes and speakers, finish the
/// entities.
fn stages(doc: &Document, options: Options<'_>) -> Explained {
    let fallback;
    let tagger = match options.tagger {
        Some(t) => t,
        None => match Tagger::default_model() {
            Ok(t) => t,
            Err(_) => {
                fallback = Tagger::new(empty_weights(), Default::default());
                &fallback
            }
        },
    };
    let learned = options.learned.unwrap_or_else(|| Learned::shipped());
    let mut silent = |_: f32| {};
    let progress: &mut dyn FnMut(f32) = match options.progress {
        Some(p) => p,
        None => &mut silent,
    };
    let paragraphs: Vec<String> = doc.paragraphs().map(str::to_string).collect();
    // The title is analysed as text 0 so names only the headline uses are found too; body
    // paragraph i is text i + 1 until `split_title_mentions` renumbers them.
    let texts: Vec<&str> = std::iter::once(doc.title.as_str())
        .chain(paragraphs.iter().map(String::as_str))
        .collect();
    let paras: Vec<TaggedParagraph> =
        tag_paragraphs_with_progress(&texts, tagger, &mut |f| progress(f * TAGGED));
    let raw = find_mentions_with_progress(&paras, tagger.gazetteer(), &mut |f| {
        progress(TAGGED + f * (MENTIONS_FOUND - TAGGED))
    });
    let (mut entities, resolved) = group(&raw, &paras);
    progress(GROUPED);
    let found = document_quotes(
        &paras,
        &entities,
        &resolved,
        tagger.triggers(),
        learned,
        options.explain,
        &mut |f| progress(GROUPED + f * (0.99 - GROUPED)),
    );
    split_title_mentions(&mut entities);
    add_hashtags_and_dates(&paras, &mut entities);
    reading_order(&mut entities);
    progress(1.0);
    Explained {
        analysis: Analysis {
            title: doc.title.clone(),
            paragraphs,
            entities,
            quotes: found.quotes,
        },
        attributions: found.attributions,
        rated: found.rated,
    }
}
