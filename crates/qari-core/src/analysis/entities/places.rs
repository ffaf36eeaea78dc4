//! Place rules: gazetteer countries and cities the tagger missed, names after a place head.

use crate::analysis::ner::gazetteer::{Gazetteer, class};
use crate::analysis::ner::tagger::{EntityType, Tag};
use crate::analysis::normalize::{normalize, split_clitics};
use crate::analysis::schema::EntityKind;
use crate::analysis::tokens::TokenKind;
use crate::analysis::triggers::rules::{NAMED_PLACE_HEADS, NOT_NAMES, PLACE_PREPOSITIONS};
use crate::analysis::triggers::{Trigger, Triggers};

use super::mention::{RawMention, clitic_len, head_forms, make_mention};
use super::tagged::TaggedParagraph;

/// Countries (and cities the training data also knew as places) from the gazetteer that
/// the tagger left untagged — only with a context that makes the word a place (many are
/// also common words: مالي "financial", بركة "blessing", الرمادي "grey", أمانة "honesty").
pub(super) fn gazetteer_places(
    para: &TaggedParagraph,
    p: usize,
    gaz: &Gazetteer,
) -> Vec<RawMention> {
    let mut out = Vec::new();
    for i in 0..para.tokens.len() {
        if para.tokens[i].kind != TokenKind::Word || para.tags[i] != Tag::O {
            continue;
        }
        let raw = para.raw(i);
        let k = clitic_len(raw, gaz);
        let rest = normalize(&raw.chars().skip(k).collect::<String>());
        let f = gaz.word(&rest);
        let is_country = f & class::COUNTRY != 0;
        let is_known_city =
            f & class::CITY != 0 && (f & class::TRAIN_LOC != 0 || f & class::BIG_CITY != 0);
        if (is_country || is_known_city)
            && f & (class::TRAIN_PERS | class::TRAIN_ORG | class::COMMON) == 0
            && place_context(para, i, k, is_country, mostly_common(para, i, gaz))
            && let Some(m) = make_mention(para, p, i..i + 1, EntityKind::Place, gaz, 1)
        {
            out.push(m);
        }
    }
    out
}

/// Whether the word at `i` is mostly a common word in the training text (مالي "financial"
/// more often than Mali).
pub(super) fn mostly_common(para: &TaggedParagraph, i: usize, gaz: &Gazetteer) -> bool {
    gaz.mostly_common(&split_clitics(para.raw(i)).with_article)
}

/// Whether token `i` (a gazetteer place, `clitic` leading chars of clitics) stands where a
/// place name stands: after a preposition of place (في بعقوبة، إلى المنامة) or a place
/// preposition glued to it (بموسكو — for countries, whose names are rarely common words);
/// after an institution or a title that names a country's (حكومة مالي، خارجية إسرائيل); or
/// coordinated with a place the tagger found (سوريا ولبنان). `strict` (for words mostly
/// common in the training text) leaves out the genitive and the title and institution
/// contexts, which a common word shares (مركز مالي "a financial centre").
pub(super) fn place_context(
    para: &TaggedParagraph,
    i: usize,
    clitic: usize,
    country: bool,
    strict: bool,
) -> bool {
    let raw = para.raw(i);
    let glued: String = raw.chars().take(clitic).collect();
    if country && (glued.ends_with('ب') || glued.ends_with('ل')) {
        return true;
    }
    let is_place =
        |k: usize| para.tags.get(k).and_then(|t| t.entity_type()) == Some(EntityType::Loc);
    if glued.starts_with('و') && i >= 2 && is_place(i - 1) {
        return true;
    }
    if para.norm(i + 1).starts_with('و') && is_place(i + 2) {
        return true;
    }
    let Some(prev) = i.checked_sub(1) else {
        return false;
    };
    if para.tokens[prev].kind != TokenKind::Word {
        return false;
    }
    let before = normalize(&split_clitics(para.raw(prev)).with_article);
    // وفي، ومن: a conjunction before the preposition.
    let bare_before = before.strip_prefix(['و', 'ف']).unwrap_or(&before);
    // إعمار الرقة: a definite name as the genitive of an indefinite noun (an indefinite
    // one there reads as an adjective: مركز مالي).
    let genitive = normalize(raw).starts_with("ال")
        && !before.starts_with("ال")
        && before.chars().count() >= 3
        && !NOT_NAMES.contains(&before.as_str());
    PLACE_PREPOSITIONS.contains(&before.as_str())
        || PLACE_PREPOSITIONS.contains(&bare_before)
        || !strict && genitive
        || !before.starts_with("ال")
            && match Triggers::default_ref().get(&before) {
                Some(Trigger::PlaceHead) => true,
                Some(Trigger::Title | Trigger::OrgHead) => !strict,
                _ => false,
            }
}

/// The name after a place head noun, when it is not a common word.
pub(super) fn headed_places(para: &TaggedParagraph, p: usize, gaz: &Gazetteer) -> Vec<RawMention> {
    let mut out = Vec::new();
    let n = para.tokens.len();
    for i in 0..n.saturating_sub(1) {
        let forms = head_forms(para.raw(i));
        if !forms
            .iter()
            .any(|f| NAMED_PLACE_HEADS.contains(&f.as_str()))
        {
            continue;
        }
        let j = i + 1;
        if para.tokens[j].kind != TokenKind::Word {
            continue;
        }
        let w = para.norm(j);
        let f = gaz.word(&w);
        // An indefinite adjective agreeing with the head (منطقة سهلية، جزيرة عائمة).
        let letters: Vec<char> = w.chars().collect();
        let adjective = letters.len() >= 4
            && letters.last() == Some(&'ه')
            && (letters[letters.len() - 2] == 'ي' || (letters.len() == 5 && letters[1] == 'ا'));
        if f & class::COMMON != 0
            || NOT_NAMES.contains(&w.as_str())
            || w.chars().count() < 3
            || adjective && f & (class::CITY | class::COUNTRY) == 0
        {
            continue;
        }
        if para.tags[j] != Tag::O && para.tags[j] != Tag::begin(EntityType::Loc) {
            continue;
        }
        let mut k = j + 1;
        // A following tagged LOC continuation stays part of the name (الغوطة الشرقية).
        while k < n && para.tags[k] == Tag::inside(EntityType::Loc) {
            k += 1;
        }
        if let Some(m) = make_mention(para, p, j..k, EntityKind::Place, gaz, 2) {
            out.push(m);
        }
    }
    out
}
