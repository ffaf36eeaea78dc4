//! Direct quotes: spans between quotation marks (`"…"`, `«…»`, `“…”`), nested and unclosed
//! ones, unquoted speech after a speech verb and a colon, and what is *not* a quote
//! (quoted names, numbers, one- or two-word scare quotes).
//!
//! Rules, independent of how the reader copies text:
//! - `«` opens and `»` closes; `“`/`”`/`„` and `"` pair with the next mark of their family.
//! - A quote without a closing mark runs to the end of its paragraph.
//! - A quote inside another quote is nested: kept (flagged short), not listed on its own.
//! - A quote right after a naming noun (وكالة "تاس", صحيفة «الشرق الأوسط», فيلم "…") or
//!   made only of an entity name is a name, not a quote; one of only numbers is not a quote.
//! - One or two words are a *short* quote (scare quotes) unless a speech verb introduces
//!   them directly (وأضاف أن "الوضع متوتر").
//! - `قال …: words` without marks is a quote up to the sentence end, when the colon follows a
//!   speech verb in the same clause; a trailing "، بحسب …" attribution is not part of it.

pub mod features;

use crate::analysis::entities::TaggedParagraph;
use crate::analysis::logistic::BoundModel;
use crate::analysis::ner::tagger::Tag;
use crate::analysis::normalize::{normalize, split_clitics};
use crate::analysis::schema::QuoteKind;
use crate::analysis::tokens::{TokenKind, is_sentence_end};
use crate::analysis::triggers::rules::NAMING_HEADS_ORG;
use crate::analysis::triggers::speech::{CueKind, speech_cue};

use features::{QuoteFeatures, SpanAt};

/// How a quoted span is classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteClass {
    /// Direct speech: listed.
    Speech,
    /// One or two words without a speech verb, or nested in another quote.
    Short,
    /// A quoted name (agency, newspaper, work title…).
    Name,
    /// Only numbers or punctuation.
    NotText,
}

/// A quote found in a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSpan {
    /// Char index of the opening mark (or of the colon).
    pub open: usize,
    /// Char index of the closing mark, if any.
    pub close: Option<usize>,
    /// First char of the quoted words.
    pub start: usize,
    /// One past their last char.
    pub end: usize,
    /// Marked or colon-introduced.
    pub kind: QuoteKind,
    /// Classification.
    pub class: QuoteClass,
    /// Inside another quote.
    pub nested: bool,
    /// What the quote-or-term model saw, and its score, for a marked span it decided.
    pub rated: Option<(QuoteFeatures, f32)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Guillemet,
    Curly,
    Straight,
}

/// Pairs the quotation marks of a paragraph into raw `(open, close)` char positions.
pub fn pair_marks(chars: &[char]) -> Vec<(usize, Option<usize>)> {
    let mut stack: Vec<(Family, usize)> = Vec::new();
    let mut out: Vec<(usize, Option<usize>)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let (fam, opening_only, closing_only) = match c {
            '«' => (Family::Guillemet, true, false),
            '»' => (Family::Guillemet, false, true),
            '“' | '”' | '„' => (Family::Curly, false, false),
            '"' | '＂' => (Family::Straight, false, false),
            _ => continue,
        };
        let open_at = stack.iter().rposition(|(f, _)| *f == fam);
        if opening_only || (!closing_only && open_at.is_none()) {
            stack.push((fam, i));
            continue;
        }
        if let Some(k) = open_at {
            // Marks opened after the one being closed and left open end here with it.
            while stack.len() > k + 1 {
                if let Some((_, o)) = stack.pop() {
                    out.push((o, Some(i)));
                }
            }
            if let Some((_, o)) = stack.pop() {
                out.push((o, Some(i)));
            }
        }
        // A closing guillemet with nothing open is a stray mark: ignored.
    }
    for (_, o) in stack {
        out.push((o, None));
    }
    out.sort_by_key(|&(o, _)| o);
    out
}

/// Words besides organisation heads that name what follows in quotation marks (a title, a
/// brand, a hashtag), not speech.
const OTHER_NAMING_NOUNS: &[&str] = &[
    "كتاب",
    "روايه",
    "فيلم",
    "مسلسل",
    "برنامج",
    "اغنيه",
    "البوم",
    "مسرحيه",
    "عمليه",
    "حمله",
    "مبادره",
    "مشروع",
    "مهرجان",
    "جائزه",
    "وسم",
    "هاشتاغ",
    "هاشتاج",
    "شعار",
    "لقب",
    "اسم",
    "باسم",
    "المسمي",
    "المسماه",
    "يدعي",
    "تدعي",
    "المعروف",
    "المعروفه",
    "بعنوان",
    "عنوان",
    "مقال",
    "صفحه",
    "حساب",
    "قصيده",
    "معرض",
    "مؤتمر",
    "منتدي",
    "قمه",
    "مسابقه",
    "بطوله",
    "دوري",
    "كاس",
    "نظام",
    "سفينه",
    "طائره",
    "صاروخ",
    "مركبه",
    "مهمه",
    "تلسكوب",
    "قمر",
    "ماركه",
    "علامه",
    "منتج",
];

/// A word that names what follows in quotation marks: an organisation head or another naming noun.
fn is_naming_noun(word: &str) -> bool {
    NAMING_HEADS_ORG.contains(&word) || OTHER_NAMING_NOUNS.contains(&word)
}

fn char_to_token(para: &TaggedParagraph, char_pos: usize) -> usize {
    para.tokens.partition_point(|t| t.end <= char_pos)
}

/// True when a speech cue introduces the token at `at` directly: within a few tokens before
/// it, not across sentence ends, commas or other quotation marks.
fn direct_cue_before(para: &TaggedParagraph, at: usize, reach: usize) -> bool {
    let mut j = at;
    let mut steps = 0;
    while j > 0 && steps < reach {
        j -= 1;
        let raw = para.raw(j);
        if para.tokens[j].kind == TokenKind::Punct {
            if raw == ":" {
                continue;
            }
            if is_sentence_end(raw) || matches!(raw, "\"" | "«" | "»" | "“" | "”" | "," | "،")
            {
                return false;
            }
            continue;
        }
        steps += 1;
        if speech_cue(raw).is_some_and(|c| c.kind != CueKind::According) {
            return true;
        }
    }
    false
}

/// Finds and classifies the quotes of a paragraph.
pub fn find_quotes(para: &TaggedParagraph, model: &BoundModel) -> Vec<QuoteSpan> {
    let chars: Vec<char> = para.text.chars().collect();
    let mut out: Vec<QuoteSpan> = Vec::new();
    for (open, close) in pair_marks(&chars) {
        let mut start = open + 1;
        let mut end = close.unwrap_or(chars.len());
        while start < end && chars[start].is_whitespace() {
            start += 1;
        }
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        if close.is_none() {
            while end > start && matches!(chars[end - 1], '.' | ',' | '،' | ' ') {
                end -= 1;
            }
        }
        let first_tok = char_to_token(para, start);
        let last_tok = char_to_token(para, end);
        let inner = first_tok..last_tok.max(first_tok);
        let words = para.tokens[inner.clone()]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        let open_tok = char_to_token(para, open);
        let mut rated = None;
        let class = if words == 0 {
            QuoteClass::NotText
        } else {
            let before = if open_tok > 0 {
                let raw = para.raw(open_tok - 1);
                let s = split_clitics(raw);
                let w = s.with_article;
                let bare = w
                    .strip_prefix("ال")
                    .map(str::to_string)
                    .unwrap_or(w.clone());
                // "بـ" before a mark is only a preposition glued with a tatweel.
                is_naming_noun(&bare) || is_naming_noun(&w) || is_naming_noun(&normalize(raw))
            } else {
                false
            };
            let all_entity = para.tags[inner.clone()]
                .iter()
                .zip(&para.tokens[inner.clone()])
                .all(|(t, tok)| *t != Tag::O || tok.kind == TokenKind::Punct);
            let entity_name = all_entity && words <= 3 && !direct_cue_before(para, open_tok, 3);
            if (before && words <= 5) || entity_name {
                QuoteClass::Name
            } else {
                // Speech or a quoted term: the model decides from the span's features.
                let at = SpanAt {
                    open,
                    close,
                    first_tok,
                    end_tok: last_tok,
                    open_tok,
                    words,
                };
                let f = QuoteFeatures::of(para, &at);
                let score = model.score(&f.values);
                rated = Some((f, score));
                if model.says_yes(score) {
                    QuoteClass::Speech
                } else {
                    QuoteClass::Short
                }
            }
        };
        out.push(QuoteSpan {
            open,
            close,
            start,
            end,
            kind: QuoteKind::Marked,
            class,
            nested: false,
            rated,
        });
    }
    out.extend(colon_quotes(para, &chars, &out));
    out.sort_by_key(|q| q.open);
    mark_nested(&mut out);
    out
}

/// The quotes of every body paragraph (the title, paragraph 0, has none listed), with one
/// document-wide feature added before the model decides: the same words quoted again
/// elsewhere in the document (a term or a name is quoted each time it comes up; speech
/// rarely repeats word for word).
pub fn find_document_quotes(paras: &[TaggedParagraph], model: &BoundModel) -> Vec<Vec<QuoteSpan>> {
    let mut found: Vec<Vec<QuoteSpan>> = paras
        .iter()
        .skip(1)
        .map(|para| find_quotes(para, model))
        .collect();
    let key = |para: &TaggedParagraph, q: &QuoteSpan| normalize(&para.slice(q.start, q.end));
    let mut seen: rustc_hash::FxHashMap<String, u32> = Default::default();
    for (para, quotes) in paras.iter().skip(1).zip(&found) {
        for q in quotes.iter().filter(|q| q.rated.is_some()) {
            *seen.entry(key(para, q)).or_default() += 1;
        }
    }
    for (para, quotes) in paras.iter().skip(1).zip(&mut found) {
        for q in quotes.iter_mut() {
            let Some((mut f, _)) = q.rated else {
                continue;
            };
            if seen.get(&key(para, q)).is_some_and(|&n| n > 1) {
                f.values[features::QUOTED_AGAIN] = 1.0;
                let score = model.score(&f.values);
                q.rated = Some((f, score));
                if !q.nested {
                    q.class = if model.says_yes(score) {
                        QuoteClass::Speech
                    } else {
                        QuoteClass::Short
                    };
                }
            }
        }
    }
    found
}

/// Flags quotes inside the content of another quote (one whose words start at or before
/// this quote's mark and end at or after its end). A sweep over the quotes sorted by where
/// their words start keeps this linear-logarithmic in the number of quotes.
fn mark_nested(quotes: &mut [QuoteSpan]) {
    let mut by_start: Vec<(usize, usize)> = quotes.iter().map(|q| (q.start, q.end)).collect();
    by_start.sort_unstable();
    // `quotes` is sorted by `open`; a quote's own words start after its mark, so it is never
    // among the spans counted for itself.
    let mut next = 0;
    let mut max_end: Option<usize> = None;
    for q in quotes.iter_mut() {
        while let Some(&(s, e)) = by_start.get(next)
            && s <= q.open
        {
            max_end = Some(max_end.map_or(e, |m| m.max(e)));
            next += 1;
        }
        q.nested = max_end.is_some_and(|m| q.end <= m);
        if q.nested && q.class == QuoteClass::Speech {
            q.class = QuoteClass::Short;
        }
    }
}

/// The first token of the clause introducing the speech colon at token `c`: back to its
/// speech verb (found by [`speech_colon`]), then to the comma, sentence end or mark before.
fn clause_start(para: &TaggedParagraph, c: usize) -> usize {
    let mut j = c;
    while j > 0 && c - j < 16 {
        j -= 1;
        if speech_cue(para.raw(j)).is_some_and(|k| k.kind == CueKind::Verb) {
            return j;
        }
    }
    c
}

/// Attribution words that end an unquoted quote when they follow a comma.
const TAIL_ATTRIBUTION: &[&str] = &[
    "بحسب", "حسب", "وفق", "وفقا", "على", "علي", "كما", "قال", "قالت",
];

/// Per token: whether it starts inside a marked quote (after its opening mark, before its
/// closing one). A difference array over the tokens keeps this linear.
fn inside_marked_tokens(para: &TaggedParagraph, chars: &[char], marked: &[QuoteSpan]) -> Vec<bool> {
    let n = para.tokens.len();
    let mut delta = vec![0i32; n + 1];
    for q in marked {
        let close = q.close.unwrap_or(chars.len());
        // Tokens starting strictly between the marks.
        let from = para.tokens.partition_point(|t| t.start <= q.open);
        let to = para.tokens.partition_point(|t| t.start < close);
        if from < to {
            delta[from] += 1;
            delta[to] -= 1;
        }
    }
    let mut depth = 0;
    delta[..n]
        .iter()
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect()
}

/// True when the colon at token `i` follows a speech verb in its clause (not a participle:
/// "مضيفاً:" is followed by a marked quote in practice, and a bare participle is too weak a
/// cue).
fn speech_colon(para: &TaggedParagraph, i: usize) -> bool {
    let mut j = i;
    while j > 0 && i - j < 16 {
        j -= 1;
        let raw = para.raw(j);
        if is_sentence_end(raw) || matches!(raw, "\"" | "«" | "»" | "“" | "”" | ":") {
            return false;
        }
        if speech_cue(raw).is_some_and(|c| c.kind == CueKind::Verb) {
            return true;
        }
    }
    false
}

fn colon_quotes(para: &TaggedParagraph, chars: &[char], marked: &[QuoteSpan]) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let inside = inside_marked_tokens(para, chars, marked);
    let inside_marked = |k: usize| inside.get(k).copied().unwrap_or(false);
    let colons: Vec<usize> = (0..para.tokens.len())
        .filter(|&i| para.raw(i) == ":" && !inside_marked(i) && speech_colon(para, i))
        .collect();
    for (ci, &i) in colons.iter().enumerate() {
        let tok = para.tokens[i];
        // The next speech colon opens the next quote: this one ends before its clause
        // (without this, "وقال الرئيس: " repeated makes every quote run to the paragraph's
        // end, quadratic in time and memory).
        let next_colon = colons.get(ci + 1).copied();
        let mut start = tok.end;
        while start < chars.len() && chars[start].is_whitespace() {
            start += 1;
        }
        if start >= chars.len() || matches!(chars[start], '"' | '«' | '“' | '”' | '„') {
            continue;
        }
        // "قال: قال رسول الله ﷺ «…»": a marked quote opening within the first words is the
        // quote; the colon only introduces its chain of narration.
        if (i + 1..para.tokens.len().min(i + 9))
            .any(|k| matches!(para.raw(k), "\"" | "«" | "“" | "„" | "”"))
        {
            continue;
        }
        // Up to the sentence end outside any marked quote.
        let mut k = i + 1;
        let mut end_tok = para.tokens.len();
        let stop = next_colon.map_or(para.tokens.len(), |c| clause_start(para, c));
        while k < para.tokens.len() {
            let raw = para.raw(k);
            if k >= stop {
                end_tok = k;
                break;
            }
            if !inside_marked(k) && is_sentence_end(raw) {
                end_tok = k;
                break;
            }
            if matches!(raw, "," | "،")
                && !inside_marked(k)
                && let Some(next) = para.tokens.get(k + 1)
                && TAIL_ATTRIBUTION.contains(&normalize(next.text(para.text)).as_str())
            {
                end_tok = k;
                break;
            }
            k += 1;
        }
        let mut end = if end_tok < para.tokens.len() {
            let raw = para.raw(end_tok);
            if matches!(raw, "?" | "؟" | "!") {
                para.tokens[end_tok].end
            } else {
                para.tokens[end_tok].start
            }
        } else {
            chars.len()
        };
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        let words = para.tokens[i + 1..end_tok.min(para.tokens.len())]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        if words >= 3 {
            out.push(QuoteSpan {
                open: tok.start,
                close: None,
                start,
                end,
                kind: QuoteKind::Colon,
                class: QuoteClass::Speech,
                nested: false,
                rated: None,
            });
        }
    }
    out
}
