//! Place rules: gazetteer countries and cities the tagger missed, names after a place head.

use crate::analysis::ner::gazetteer::{Gazetteer, class};
use crate::analysis::ner::tagger::{EntityType, Tag};
use crate::analysis::normalize::normalize;
use crate::analysis::schema::EntityKind;
use crate::analysis::tokens::TokenKind;
use crate::analysis::triggers::rules::{NAMED_PLACE_HEADS, NOT_NAMES};

use super::mention::{RawMention, clitic_len, head_forms, make_mention};
use super::tagged::TaggedParagraph;

/// Countries (and cities the training data also knew as places) from the gazetteer that
/// the tagger left untagged.
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
            && let Some(m) = make_mention(para, p, i..i + 1, EntityKind::Place, gaz, 1)
        {
            out.push(m);
        }
    }
    out
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
        if f & class::COMMON != 0 || NOT_NAMES.contains(&w.as_str()) || w.chars().count() < 3 {
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
