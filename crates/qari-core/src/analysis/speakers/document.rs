//! The quote stage of a whole document: every marked or colon quote found, decided quote or
//! term, and attributed in reading order so that continuation sees the earlier speakers.

use crate::analysis::entities::{ResolvedMention, TaggedParagraph};
use crate::analysis::learned::Learned;
use crate::analysis::quotes::{self, QuoteClass};
use crate::analysis::schema::{Entity, Quote, QuoteKind};
use crate::analysis::triggers::Triggers;

use super::{Attribution, Context, Decision, MentionIndex, Said, Source, attribute};

/// Earlier speakers kept for continuation (at least this many, at most twice).
const HISTORY: usize = 16;

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

/// What the quote stage found.
#[derive(Debug, Clone, Default)]
pub struct DocumentQuotes {
    /// Quotes (and short quoted terms, marked `short`) in reading order; paragraph indices
    /// count body paragraphs.
    pub quotes: Vec<Quote>,
    /// Per quote, how its speaker was attributed (only when explaining).
    pub attributions: Vec<Attribution>,
    /// Every marked span the quote-or-term model rated (only when explaining).
    pub rated: Vec<RatedSpan>,
}

/// Finds and attributes the quotes of `paras` (text 0 is the title, never searched).
/// `progress` gets the share of paragraphs done.
pub fn document_quotes(
    paras: &[TaggedParagraph],
    entities: &[Entity],
    resolved: &[ResolvedMention],
    triggers: &Triggers,
    learned: &Learned,
    explain: bool,
    progress: &mut dyn FnMut(f32),
) -> DocumentQuotes {
    let ctx = Context {
        paras,
        entities,
        mentions: resolved,
        index: MentionIndex::new(paras, resolved),
        triggers,
        model: &learned.speakers,
    };
    let mut out = DocumentQuotes::default();
    let mut history: Vec<Said> = Vec::new();
    let found = quotes::find_document_quotes(paras, &learned.quotes);
    for ((p, para), found) in paras.iter().enumerate().skip(1).zip(found) {
        progress(p as f32 / paras.len().max(1) as f32);
        for q in found {
            if explain && let Some((features, score)) = q.rated {
                out.rated.push(RatedSpan {
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
                        .is_some_and(|c| c.source == Source::Continuation),
                });
                // Continuation looks back a few speakers, not through the whole document.
                if history.len() > 2 * HISTORY {
                    history.drain(..HISTORY);
                }
            }
            if explain {
                out.attributions.push(attribution);
            }
            out.quotes.push(Quote {
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
    out
}
