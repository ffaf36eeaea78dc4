//! What a quoted span looks like to the quote-or-term model: its length, the speech cues
//! around it, the marks and punctuation, and how much of it the tagger calls a name. The
//! model (`assets/models/quotes.json`, fitted by `qari-train`) weighs these; no list of seen
//! terms is involved.

use crate::analysis::entities::TaggedParagraph;
use crate::analysis::ner::tagger::Tag;
use crate::analysis::tokens::{TokenKind, is_sentence_end};
use crate::analysis::triggers::speech::{CueKind, speech_cue};

/// The features' names, in the order of [`QuoteFeatures::values`].
pub const NAMES: [&str; 22] = [
    "words_1",
    "words_2",
    "words_3",
    "words_4_5",
    "words_6_9",
    "words_10_19",
    "words_20_plus",
    "cue_directly_before",
    "cue_in_sentence_before",
    "participle_before",
    "according_before",
    "cue_right_after",
    "colon_before",
    "paragraph_starts_with_it",
    "unclosed",
    "sentence_end_inside",
    "comma_inside",
    "name_share",
    "number_share",
    "word_glued_before",
    "sentence_continues_after",
    "quoted_again",
];

/// The slot of "the same words are quoted elsewhere in the document", set by the document
/// pass ([`super::find_document_quotes`]).
pub const QUOTED_AGAIN: usize = 21;

/// The feature values of one quoted span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuoteFeatures {
    /// One value per name of [`NAMES`].
    pub values: [f32; NAMES.len()],
}

/// Where a quoted span sits in its paragraph, in tokens and chars.
pub struct SpanAt {
    /// Char index of the opening mark.
    pub open: usize,
    /// Char index of the closing mark, if any.
    pub close: Option<usize>,
    /// First token inside the marks.
    pub first_tok: usize,
    /// One past the last token inside.
    pub end_tok: usize,
    /// The token of the opening mark.
    pub open_tok: usize,
    /// Word tokens inside.
    pub words: usize,
}

impl QuoteFeatures {
    /// The features of the span `at` of `para`.
    pub fn of(para: &TaggedParagraph, at: &SpanAt) -> Self {
        let mut v = [0.0f32; NAMES.len()];
        let bucket = match at.words {
            0 | 1 => 0,
            2 => 1,
            3 => 2,
            4..=5 => 3,
            6..=9 => 4,
            10..=19 => 5,
            _ => 6,
        };
        v[bucket] = 1.0;
        let (direct, in_sentence, participle, according) = cues_before(para, at.open_tok);
        v[7] = f32::from(u8::from(direct));
        v[8] = f32::from(u8::from(in_sentence));
        v[9] = f32::from(u8::from(participle));
        v[10] = f32::from(u8::from(according));
        let close_tok = at
            .close
            .map(|c| para.tokens.partition_point(|t| t.end <= c));
        v[11] = f32::from(u8::from(
            close_tok.is_some_and(|c| cue_right_after(para, c)),
        ));
        v[12] = f32::from(u8::from(
            previous_non_space(para, at.open_tok).is_some_and(|raw| raw == ":"),
        ));
        v[13] = f32::from(u8::from(
            at.open_tok <= 2
                && para.tokens[..at.open_tok.min(para.tokens.len())]
                    .iter()
                    .all(|t| t.kind == TokenKind::Punct),
        ));
        v[14] = f32::from(u8::from(at.close.is_none()));
        let inside = at.first_tok..at.end_tok.max(at.first_tok).min(para.tokens.len());
        let mut sentence_end = false;
        let mut comma = false;
        let mut names = 0usize;
        let mut numbers = 0usize;
        for i in inside.clone() {
            let raw = para.raw(i);
            match para.tokens[i].kind {
                TokenKind::Punct => {
                    sentence_end |= is_sentence_end(raw);
                    comma |= matches!(raw, "،" | ",");
                }
                TokenKind::Number => numbers += 1,
                _ => {
                    if para.tags.get(i).is_some_and(|t| *t != Tag::O) {
                        names += 1;
                    }
                }
            }
        }
        v[15] = f32::from(u8::from(sentence_end));
        v[16] = f32::from(u8::from(comma));
        let total = inside.len().max(1) as f32;
        v[17] = names as f32 / total;
        v[18] = numbers as f32 / total;
        // A word right before the mark without a space: "بـ«…»", "لـ"…"" — a term after a
        // preposition or a noun it completes.
        v[19] = f32::from(u8::from(at.open_tok.checked_sub(1).is_some_and(|i| {
            let t = &para.tokens[i];
            t.end == at.open && t.kind != TokenKind::Punct
        })));
        v[20] = f32::from(u8::from(
            close_tok.is_some_and(|c| continues_after(para, c)),
        ));
        Self { values: v }
    }
}

/// Speech cues before the token `open_tok` in its sentence: a verb or participle within three
/// words (no comma or mark between), any verb in the sentence, a participle, بحسب/وفق.
fn cues_before(para: &TaggedParagraph, open_tok: usize) -> (bool, bool, bool, bool) {
    let (mut direct, mut any, mut participle, mut according) = (false, false, false, false);
    let mut j = open_tok;
    let mut words = 0;
    let mut broken = false;
    while j > 0 && words < 20 {
        j -= 1;
        let raw = para.raw(j);
        if para.tokens[j].kind == TokenKind::Punct {
            if is_sentence_end(raw) {
                break;
            }
            // A comma or another quotation mark cuts the verb off from the quote.
            if matches!(raw, "\"" | "«" | "»" | "“" | "”" | "," | "،") {
                broken = true;
            }
            continue;
        }
        words += 1;
        if let Some(cue) = speech_cue(raw) {
            match cue.kind {
                CueKind::According => according = true,
                CueKind::Participle => {
                    participle = true;
                    any = true;
                }
                CueKind::Verb | CueKind::Saying => any = true,
            }
            if cue.kind != CueKind::According && words <= 3 && !broken {
                direct = true;
            }
        }
    }
    (direct, any, participle, according)
}

/// A speech cue within three words after the closing mark at token `close_tok`: «…»، قال.
fn cue_right_after(para: &TaggedParagraph, close_tok: usize) -> bool {
    let mut words = 0;
    for i in close_tok + 1..para.tokens.len() {
        if para.tokens[i].kind == TokenKind::Punct {
            if is_sentence_end(para.raw(i)) {
                return false;
            }
            continue;
        }
        words += 1;
        if words > 3 {
            return false;
        }
        if speech_cue(para.raw(i)).is_some_and(|c| c.kind != CueKind::According) {
            return true;
        }
    }
    false
}

/// The sentence goes on after the closing mark with a word (no punctuation between): the
/// span is part of a larger phrase, as a term is.
fn continues_after(para: &TaggedParagraph, close_tok: usize) -> bool {
    para.tokens
        .get(close_tok + 1)
        .is_some_and(|t| t.kind != TokenKind::Punct)
}

/// The raw text of the last token before `tok`.
fn previous_non_space<'a>(para: &TaggedParagraph<'a>, tok: usize) -> Option<&'a str> {
    tok.checked_sub(1).map(|i| para.raw(i))
}
