//! A mention before grouping, and how one is cut from tokens: punctuation, clitics and
//! prepositional tails trimmed.

use std::ops::Range;

use crate::analysis::ner::gazetteer::{Gazetteer, class};
use crate::analysis::ner::tagger::EntityType;
use crate::analysis::normalize::{clitic_candidates, normalize, split_clitics, with_article};
use crate::analysis::schema::EntityKind;
use crate::analysis::tokens::TokenKind;
use crate::analysis::triggers::Triggers;
use crate::analysis::triggers::rules::NOT_NAMES;

use super::tagged::TaggedParagraph;

/// بن، ابن، بنت، أبو/أبي/أبا (normalised): what follows names another person (a father, a
/// son) inside this person's name.
pub(super) fn is_nasab(word: &str) -> bool {
    matches!(word, "بن" | "ابن" | "بنت" | "ابنه" | "ابو" | "ابي" | "ابا")
}

/// Per paragraph, which tokens lie inside one of `mentions`: one pass over the mentions, so
/// callers stay linear in paragraphs and mentions.
pub(super) fn covered_tokens(paras: &[TaggedParagraph], mentions: &[RawMention]) -> Vec<Vec<bool>> {
    let mut covered: Vec<Vec<bool>> = paras.iter().map(|p| vec![false; p.tokens.len()]).collect();
    for m in mentions {
        if let Some(row) = covered.get_mut(m.paragraph) {
            for t in m.tokens.clone() {
                if let Some(c) = row.get_mut(t) {
                    *c = true;
                }
            }
        }
    }
    covered
}

/// A mention before grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMention {
    /// Paragraph index.
    pub paragraph: usize,
    /// Tokens covered (the first may carry a clitic outside the span).
    pub tokens: Range<usize>,
    /// First char (after any clitic).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Kind.
    pub kind: EntityKind,
    /// Display form of the name (clitics removed, underscores as spaces).
    pub name: String,
    /// Normalised name used to group mentions.
    pub key: String,
    /// Higher wins when mentions overlap.
    pub priority: u8,
}

pub(super) fn kind_of(t: EntityType) -> EntityKind {
    match t {
        EntityType::Pers => EntityKind::Person,
        EntityType::Loc => EntityKind::Place,
        EntityType::Org => EntityKind::Organization,
        EntityType::Misc => EntityKind::Misc,
    }
}

/// How many leading chars of `word` are clitics (و, ف, ب, ل, ك, or conj+prep) in front of
/// a name. A clitic is stripped only where the analysis supports it, never by default:
/// - the stripped form is a known name or place while the whole word is not (لروسيا);
/// - the contraction لل (للأمم);
/// - و or ب before the article (والكرملين, بالعراق) — in ANERcorp's names every "وال…" and
///   most "بال…" are conjunction or preposition + article;
/// - و before four or more letters when the whole word is not known (وموسكو; واشنطن is known).
///
/// ف and ك are not stripped on their own: names begin with them far more often than with a
/// clitic ("فالنسيا", "فيديل", "كالديرون", "كارلوس"), so they need the stripped form known.
pub fn clitic_len(word: &str, gaz: &Gazetteer) -> usize {
    // The person-name-unit list is large and noisy (جنة, زيرة are in it), so only places,
    // countries and names seen in the training data vouch for a stripped form.
    const STRONG: u16 = class::COUNTRY
        | class::CITY
        | class::GIVEN_FREQ
        | class::TRAIN_LOC
        | class::TRAIN_ORG
        | class::TRAIN_PERS;
    const PUBLIC: u16 =
        class::COUNTRY | class::CITY | class::GIVEN | class::SURNAME | class::CLUB | class::PERSON;
    let full = normalize(word);
    let full_flags = gaz.word(&full);
    // ل + ال is written لل: at the start of a name the ل is always the preposition
    // (للنظام السوري → النظام السوري), even when the contracted word is frequent.
    if full.starts_with("لل") && full.chars().count() >= 5 {
        return 1;
    }
    if full_flags & (PUBLIC | class::COMMON) != 0 || Triggers::default_ref().get(&full).is_some() {
        return 0;
    }
    for (k, rest) in clitic_candidates(word) {
        if k > 0
            && rest.chars().count() >= 3
            && (gaz.word(&rest) & STRONG != 0 || gaz.phrase(&rest) != 0)
            && gaz.word(&rest) & class::COMMON == 0
        {
            return k;
        }
    }
    let s = split_clitics(word);
    if s.definite && s.clitic_chars > 0 {
        // و and ب before the article are clitics; ف and ك only when what follows is known
        // as a word of its own (ANERcorp's words, the lists) — "فالنسيا", "كالديرون".
        let known = |w: &str| gaz.word(w) != 0;
        let supported = s.clitics.starts_with('و')
            || s.clitics == "ب"
            || known(&s.with_article)
            || known(&s.bare);
        return if supported { s.clitic_chars } else { 0 };
    }
    // A word known whole (from training: وزارة, وكالة) keeps its letters.
    if full_flags != 0 {
        return 0;
    }
    let mut chars = full.chars();
    if chars.next() == Some('و') && chars.count() >= 4 {
        return 1;
    }
    0
}

pub(super) fn byte_at(text: &str, from_byte: usize, skip_chars: usize) -> usize {
    text.get(from_byte..)
        .and_then(|rest| {
            rest.char_indices()
                .nth(skip_chars)
                .map(|(b, _)| from_byte + b)
        })
        .unwrap_or(text.len())
}

/// Builds a mention over tokens `a..b`, trimming punctuation and the first token's clitic.
pub fn make_mention(
    para: &TaggedParagraph,
    p: usize,
    range: Range<usize>,
    kind: EntityKind,
    gaz: &Gazetteer,
    priority: u8,
) -> Option<RawMention> {
    let (mut a, mut b) = (range.start, range.end.min(para.tokens.len()));
    while a < b && para.tokens[a].kind == TokenKind::Punct {
        a += 1;
    }
    while b > a && para.tokens[b - 1].kind == TokenKind::Punct {
        b -= 1;
    }
    // A name never ends in a speech word: "عن البنك الدولي قوله" names البنك الدولي.
    while b > a + 1 && crate::analysis::triggers::speech::speech_cue(para.raw(b - 1)).is_some() {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    if para.tokens[a..b]
        .iter()
        .all(|t| t.kind == TokenKind::Number)
    {
        return None;
    }
    // A person's name stops at the name: "فلان لمحطة", "فلان للإذاعة" — a last word that is
    // ل + a common word (or لل + anything) is the preposition phrase after it.
    if kind == EntityKind::Person {
        while b > a + 1 && is_prepositional_tail(para.raw(b - 1), gaz) {
            b -= 1;
        }
    }
    let first = para.tokens[a];
    let mut k = clitic_len(first.text(para.text), gaz);
    if k >= first.len() {
        k = 0;
    }
    let bs = byte_at(para.text, first.byte_start, k);
    let be = para.tokens[b - 1].byte_end;
    let text = para.text.get(bs..be)?;
    let mut name: String = text.replace('_', " ");
    // ل + ال is written لل: restore the article the contraction swallowed (للأمم → الأمم).
    let split = split_clitics(first.text(para.text));
    let n = normalize(&name);
    if k > 0 && split.definite && n.starts_with('ل') && !n.starts_with("ال") {
        name.insert(0, 'ا');
    }
    let key = normalize(&name);
    if key.chars().filter(|c| c.is_alphabetic()).count() < 2 || NOT_NAMES.contains(&key.as_str()) {
        return None;
    }
    // A head noun or title alone ("مدينة", "الرئيس") names nothing.
    if b == a + 1 && Triggers::default_ref().get(&key).is_some() {
        return None;
    }
    Some(RawMention {
        paragraph: p,
        tokens: a..b,
        start: first.start + k,
        end: para.tokens[b - 1].end,
        kind,
        name,
        key,
        priority,
    })
}

/// "لمحطة", "للإذاعة", "للصحفيين": ل + a common word, or the contraction لل; or a
/// conjunction (بأن، لأن).
pub(super) fn is_prepositional_tail(raw: &str, gaz: &Gazetteer) -> bool {
    let n = normalize(raw);
    // "فلان بأن", "فلان لأن": a conjunction after the name; "فلان رضي الله عنه": a formula.
    if matches!(
        n.as_str(),
        "بان"
            | "بانه"
            | "بانها"
            | "لان"
            | "وان"
            | "فان"
            | "ان"
            | "انه"
            | "انها"
            | "رضي"
            | "رحمه"
    ) {
        return true;
    }
    // An adverb in the accusative (سالماً، سعيداً): names do not take the tanween ending.
    if raw.ends_with("اً") || raw.ends_with("ًا") {
        return true;
    }
    // ب + the article + a known word (بالعيد، بالوفد): a prepositional phrase, unless the
    // whole word is a known name (بالوتيلي is not known as a word after بال).
    if let Some(rest) = n.strip_prefix("بال")
        && rest.chars().count() >= 3
        && gaz.word(&n) & (class::SURNAME | class::PERSON | class::TRAIN_PERS) == 0
        && {
            let article = format!("ال{rest}");
            gaz.word(&article) != 0 || gaz.mostly_common(&article)
        }
    {
        return true;
    }
    let Some(rest) = n.strip_prefix('ل') else {
        return false;
    };
    rest.starts_with('ل') || (rest.chars().count() >= 3 && gaz.word(rest) & class::COMMON != 0)
}

/// The forms a head noun may have: the whole word (وكالة, وزارة start with و themselves)
/// and the word without its clitics (ووكالة → وكالة, والجيش → الجيش).
pub(super) fn head_forms(raw: &str) -> [String; 2] {
    [normalize(raw), with_article(raw)]
}
