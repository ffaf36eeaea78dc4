//! Text analysis of a `Document`: named entities (people, places, organisations), hashtags,
//! dates, and direct quotes with their speakers. No GUI dependency; pure functions of a document.
//!
//! The stages run in order: `ner` tags the paragraphs, `entities` finds and groups the
//! mentions, `quotes` finds the quotes and `speakers` attributes them; `triggers` holds the
//! word lists they share. This module runs them (`run`).

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

use std::collections::HashMap;

use rayon::prelude::*;

use crate::document::Document;
use learned::Learned;

pub use ner::tagger::Tagger;
pub use schema::{Analysis, Entity, EntityKind, Mention, Quote, QuoteKind};

use entities::{TaggedParagraph, find_mentions_with_progress, group, tag_paragraphs_with_progress};
use quotes::QuoteClass;
use speakers::{Attribution, Context, Decision, MentionIndex, Said, attribute};

/// Earlier speakers kept for continuation (at least this many, at most twice).
const HISTORY: usize = 16;

/// Where each stage ends on the progress scale, from timings on a long article: the tagger's
/// passes take about 40 % of the time, the entity rules and propagation about 40 %, quotes
/// and speakers the rest.
const TAGGED: f32 = 0.4;
const MENTIONS_FOUND: f32 = 0.78;
const GROUPED: f32 = 0.8;

/// Analyses a document with the shipped model. If the embedded model cannot be loaded
/// (never expected), entities come from the rules alone.
pub fn analyze(doc: &Document) -> Analysis {
    analyze_reporting(doc, &mut |_| {})
}

/// [`analyze`], telling `progress` the share of the work done (see
/// [`analyze_with_progress`]).
pub fn analyze_reporting(doc: &Document, progress: &mut dyn FnMut(f32)) -> Analysis {
    match Tagger::default_model() {
        Ok(t) => analyze_with_progress(doc, t, progress),
        Err(_) => analyze_with_progress(
            doc,
            &Tagger::new(empty_weights(), Default::default()),
            progress,
        ),
    }
}

fn empty_weights() -> ner::tagger::Weights {
    ner::tagger::Weights {
        bits: 8,
        emit: vec![0; (1 << 8) * ner::tagger::NUM_TAGS],
        trans: vec![0; ner::tagger::NUM_TAGS * ner::tagger::NUM_TAGS],
        start: vec![0; ner::tagger::NUM_TAGS],
    }
}

/// Analyses a document with a given tagger.
pub fn analyze_with(doc: &Document, tagger: &Tagger) -> Analysis {
    run(doc, tagger, Learned::shipped(), false, &mut |_| {}).0
}

/// [`analyze_with`], telling `progress` the share of the work done, from 0 to 1, never
/// decreasing, at coarse steps (a sentence of the tagger, a paragraph of the quotes), and 1
/// at the end. The result is the same as [`analyze_with`]'s.
pub fn analyze_with_progress(
    doc: &Document,
    tagger: &Tagger,
    progress: &mut dyn FnMut(f32),
) -> Analysis {
    run(doc, tagger, Learned::shipped(), false, progress).0
}

/// Analyses a document and also returns, for each quote of `Analysis::quotes` (same order),
/// how its speaker was attributed: the candidates with their features and the decision.
pub fn analyze_explained(doc: &Document, tagger: &Tagger) -> (Analysis, Vec<Attribution>) {
    let explained = analyze_explained_with(doc, tagger, Learned::shipped());
    (explained.analysis, explained.attributions)
}

/// A marked span the quote-or-term model decided, as `--explain` and training see it.
#[derive(Debug, Clone, PartialEq)]
pub struct RatedSpan {
    /// Body paragraph index.
    pub paragraph: usize,
    /// The words between the marks.
    pub text: String,
    /// What the model saw.
    pub features: quotes::features::QuoteFeatures,
    /// Its score (log-odds of speech).
    pub score: f32,
    /// Listed as a quote.
    pub listed: bool,
}

/// An analysis with how it was reached: each quote's speaker attribution (same order as
/// `analysis.quotes`) and every marked span the quote-or-term model decided.
#[derive(Debug, Clone)]
pub struct Explained {
    /// The analysis.
    pub analysis: Analysis,
    /// Per quote of `analysis.quotes`: candidates, scores, decision.
    pub attributions: Vec<Attribution>,
    /// Marked spans rated by the quote-or-term model, in reading order.
    pub rated: Vec<RatedSpan>,
}

/// [`analyze_explained`] with given learned models (a fold's, in cross-validation).
pub fn analyze_explained_with(doc: &Document, tagger: &Tagger, learned: &Learned) -> Explained {
    let (analysis, attributions, rated) = run_rated(doc, tagger, learned, true, &mut |_| {});
    Explained {
        analysis,
        attributions,
        rated,
    }
}

/// [`analyze_with`] with given learned models.
pub fn analyze_with_learned(doc: &Document, tagger: &Tagger, learned: &Learned) -> Analysis {
    run(doc, tagger, learned, false, &mut |_| {}).0
}

/// The analysis; the attributions are kept only when `explain` asks for them.
fn run(
    doc: &Document,
    tagger: &Tagger,
    learned: &Learned,
    explain: bool,
    progress: &mut dyn FnMut(f32),
) -> (Analysis, Vec<Attribution>) {
    let (analysis, attributions, _) = run_rated(doc, tagger, learned, explain, progress);
    (analysis, attributions)
}

/// [`run`], also returning the rated spans when `explain` asks for them.
fn run_rated(
    doc: &Document,
    tagger: &Tagger,
    learned: &Learned,
    explain: bool,
    progress: &mut dyn FnMut(f32),
) -> (Analysis, Vec<Attribution>, Vec<RatedSpan>) {
    let paragraphs: Vec<String> = doc.paragraphs().map(str::to_string).collect();
    // The title is analysed as text 0 so names only the headline uses are found too; body
    // paragraph i is text i + 1 until the offsets are shifted back below.
    let texts: Vec<&str> = std::iter::once(doc.title.as_str())
        .chain(paragraphs.iter().map(String::as_str))
        .collect();
    let paras: Vec<TaggedParagraph> =
        tag_paragraphs_with_progress(&texts, tagger, &mut |f| progress(f * TAGGED));
    let raw = find_mentions_with_progress(&paras, tagger.gazetteer(), &mut |f| {
        progress(TAGGED + f * (MENTIONS_FOUND - TAGGED))
    });
    let (mut entities, resolved) = group(&raw, &paras);
    let quotes_from = GROUPED;
    progress(quotes_from);

    // Quotes and speakers, in reading order so continuation sees earlier speakers.
    let ctx = Context {
        paras: &paras,
        entities: &entities,
        mentions: &resolved,
        index: MentionIndex::new(&paras, &resolved),
        triggers: tagger.triggers(),
        model: &learned.speakers,
    };
    let mut rated = Vec::new();
    let mut quotes = Vec::new();
    let mut attributions = Vec::new();
    let mut history: Vec<Said> = Vec::new();
    let per_paragraph = (0.99 - quotes_from) / paras.len().max(1) as f32;
    let found = quotes::find_document_quotes(&paras, &learned.quotes);
    for ((p, para), found) in paras.iter().enumerate().skip(1).zip(found) {
        progress(quotes_from + p as f32 * per_paragraph);
        for q in found {
            if explain && let Some((features, score)) = q.rated {
                rated.push(RatedSpan {
                    paragraph: p - 1,
                    text: para.slice(q.start, q.end),
                    features,
                    score,
                    listed: q.class == QuoteClass::Speech && !q.nested,
                });
            }
            if matches!(q.class, QuoteClass::Name | QuoteClass::NotText) {
                continue;
            }
            let open_tok = para.tokens.partition_point(|t| t.end <= q.open);
            let close_tok = match q.close {
                Some(c) => para.tokens.partition_point(|t| t.end <= c) + 1,
                None => para.tokens.len(),
            };
            let attribution = if q.nested {
                Attribution {
                    candidates: Vec::new(),
                    decision: Decision::Nested,
                    confidence: None,
                    threshold: learned.speakers.model.threshold,
                }
            } else {
                attribute(&ctx, p, open_tok, close_tok, &history)
            };
            let speaker = attribution.speaker().cloned();
            if let Some(s) = &speaker
                && q.class == QuoteClass::Speech
            {
                history.push(Said {
                    speaker: s.clone(),
                    paragraph: p,
                    token: close_tok.min(para.tokens.len()),
                    continued: attribution
                        .candidates
                        .first()
                        .is_some_and(|c| c.source == speakers::Source::Continuation),
                });
                // Continuation looks back a few speakers, not through the whole document.
                if history.len() > 2 * HISTORY {
                    history.drain(..HISTORY);
                }
            }
            if explain {
                attributions.push(attribution);
            }
            quotes.push(Quote {
                text: para.slice(q.start, q.end),
                speaker: speaker.as_ref().map(|s| s.name.clone()),
                paragraph: p - 1,
                start: q.start,
                end: q.end,
                short: q.class != QuoteClass::Speech || q.nested,
                kind: q.kind,
                speaker_mention: speaker.and_then(|s| s.mention).map(|mut m| {
                    m.paragraph = m.paragraph.saturating_sub(1);
                    m
                }),
                unclosed: q.close.is_none() && q.kind == QuoteKind::Marked,
            });
        }
    }

    for e in &mut entities {
        let (title, body): (Vec<Mention>, Vec<Mention>) =
            e.mentions.drain(..).partition(|m| m.paragraph == 0);
        e.title_mentions = title;
        e.mentions = body
            .into_iter()
            .map(|mut m| {
                m.paragraph -= 1;
                m
            })
            .collect();
    }

    // Hashtags and dates are entities of their own, grouped by normalised text, added
    // straight to the list (a wall of hashtags makes an entity each).
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    // Dates are found paragraph by paragraph on all cores (few per paragraph to hold).
    let body_dates: Vec<Vec<dates::DateSpan>> = paras
        .par_iter()
        .skip(1)
        .map(|para| dates::find_dates(para.text, &para.tokens))
        .collect();
    for ((p, para), para_dates) in paras.iter().enumerate().skip(1).zip(body_dates) {
        let p = p - 1;
        let mut found: Vec<(EntityKind, usize, usize)> = para
            .hashtags
            .iter()
            .map(|h| (EntityKind::Hashtag, h.start, h.end))
            .collect();
        found.extend(
            para_dates
                .into_iter()
                .map(|d| (EntityKind::Date, d.start, d.end)),
        );
        for (kind, start, end) in found {
            let text = para.slice(start, end);
            let key = normalize::normalize(&text);
            let e = *by_key.entry((kind, key)).or_insert_with(|| {
                entities.push(Entity {
                    name: text.clone(),
                    kind,
                    // Most have one mention: no room for four.
                    mentions: Vec::with_capacity(1),
                    aliases: Vec::new(),
                    title_mentions: Vec::new(),
                });
                entities.len() - 1
            });
            entities[e].mentions.push(Mention {
                paragraph: p,
                start,
                end,
                text,
            });
        }
    }
    for e in &mut entities {
        e.mentions.sort_by_key(|m| (m.paragraph, m.start));
    }
    entities.sort_by_key(|e| {
        e.mentions
            .first()
            .map_or((usize::MAX, 0), |m| (m.paragraph, m.start))
    });
    progress(1.0);
    let analysis = Analysis {
        title: doc.title.clone(),
        paragraphs,
        entities,
        quotes,
    };
    (analysis, attributions, rated)
}
