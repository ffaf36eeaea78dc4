//! Person rules: names after a title or a speech verb (الرئيس الأميركي دونالد ترمب).

use crate::analysis::ner::gazetteer::{Gazetteer, class};
use crate::analysis::ner::tagger::{EntityType, Tag};
use crate::analysis::normalize::{normalize, split_clitics};
use crate::analysis::schema::EntityKind;
use crate::analysis::tokens::TokenKind;
use crate::analysis::triggers::rules::{NOT_NAMES, ORG_STOP};
use crate::analysis::triggers::{Trigger, Triggers};

use super::mention::{RawMention, make_mention};
use super::tagged::TaggedParagraph;

pub(super) const NAMEISH: u16 = class::GIVEN | class::SURNAME | class::TRAIN_PERS;

/// Whether token `j` can open a person name: a known name part without the article that is
/// not a common word — or a common word that is also a given name (حياة، أمل) when a
/// name-like word follows it.
pub(super) fn starts_person_name(para: &TaggedParagraph, j: usize, gaz: &Gazetteer) -> bool {
    if para.tokens.get(j).is_none_or(|t| t.kind != TokenKind::Word) {
        return false;
    }
    let w = para.norm(j);
    let f = gaz.word(&w);
    if f & NAMEISH == 0
        || w.starts_with("ال")
        || NOT_NAMES.contains(&w.as_str())
        || Triggers::default_ref().get(&w).is_some()
    {
        return false;
    }
    if f & class::COMMON == 0 {
        return true;
    }
    f & class::GIVEN != 0
        && (w == "عبد" || name_part_at(para, j + 1, gaz).is_some_and(|(_, common)| !common))
}

/// Whether token `k` reads as a further part of a person name; `Some((ends, common))`:
/// `ends` when it must be the last part (a surname with the article: الفاسي، القرمازي),
/// `common` when it is also a common word.
pub(super) fn name_part_at(
    para: &TaggedParagraph,
    k: usize,
    gaz: &Gazetteer,
) -> Option<(bool, bool)> {
    if para.tokens.get(k)?.kind != TokenKind::Word
        || crate::analysis::triggers::speech::speech_cue(para.raw(k)).is_some()
    {
        return None;
    }
    let w = para.norm(k);
    if NOT_NAMES.contains(&w.as_str()) || ORG_STOP.contains(&w.as_str()) || w.chars().count() < 2 {
        return None;
    }
    let g = gaz.word(&w);
    let common = g & class::COMMON != 0;
    // عبد الله، أبو بكر، بن راشد: the word after a name particle belongs to the name.
    if k > 0
        && matches!(
            para.norm(k - 1).as_str(),
            "عبد" | "ابو" | "ابن" | "بن" | "بنت"
        )
    {
        return Some((false, false));
    }
    if w.starts_with("ال") {
        // A surname with the article: listed, or an unknown word (not seen in training
        // text nor listed) — النوافلة، القرمازي.
        // …but not a word the training text uses mostly as a common word (الهدفين "the two
        // goals" after a scorer's name) nor a match-report word.
        let common_word =
            gaz.mostly_common(&w) || crate::analysis::triggers::sport::is_sport_word(&w);
        let nisba_like = g == 0 && w.chars().count() >= 5 && !common_word;
        return (g & class::SURNAME != 0 || nisba_like).then_some((true, false));
    }
    if g & NAMEISH != 0 || g == 0 {
        return Some((false, common));
    }
    None
}

/// Persons named after a title or a speech verb (الرئيس الأميركي دونالد ترمب، وزيرة الثقافة
/// حياة …، الباحث في مركز … عمران شرف، قال المزارع جبار عطية): the role's complement
/// (nisba adjectives, definite words, في, organisation names) is skipped, then a word that
/// opens a person name starts a name of up to three name-like words.
pub(super) fn titled_persons(
    para: &TaggedParagraph,
    p: usize,
    gaz: &Gazetteer,
    orgs: &[RawMention],
) -> Vec<RawMention> {
    let triggers = Triggers::default_ref();
    let mut out = Vec::new();
    let n = para.tokens.len();
    // The first organisation starting at each token: a lookup, not a scan of the
    // paragraph's organisations per title.
    let mut org_at: std::collections::HashMap<usize, &RawMention> = Default::default();
    for o in orgs {
        org_at.entry(o.tokens.start).or_insert(o);
    }
    for i in 0..n {
        let raw = para.raw(i);
        let s = split_clitics(raw);
        let title = triggers.get(&s.with_article) == Some(Trigger::Title)
            || triggers.get(&normalize(raw)) == Some(Trigger::Title);
        let verb = !title
            && crate::analysis::triggers::speech::speech_cue(raw)
                .is_some_and(|c| c.kind == crate::analysis::triggers::speech::CueKind::Verb);
        if !title && !verb {
            continue;
        }
        let mut j = i + 1;
        let mut skipped = 0;
        while j < n && skipped < 5 {
            if starts_person_name(para, j, gaz) {
                break;
            }
            if let Some(o) = org_at.get(&j) {
                j = o.tokens.end;
                skipped += 1;
                continue;
            }
            if para.tokens[j].kind != TokenKind::Word {
                break;
            }
            let w = para.norm(j);
            let complement = (title && triggers.get(&w) == Some(Trigger::RoleLink))
                || w.starts_with("ال")
                || w.starts_with("لل")
                || (skipped > 0 && title && w.starts_with('ل') && w.chars().count() >= 4)
                || w.starts_with("وال")
                || w == "في"
                || matches!(
                    para.tags[j].entity_type(),
                    Some(EntityType::Org | EntityType::Loc)
                );
            // After a verb only a role noun (المزارع، المستثمر المصري) may come first.
            if !complement
                || ORG_STOP.contains(&w.as_str())
                || NOT_NAMES.contains(&w.as_str()) && w != "في"
                || verb && skipped == 0 && !w.starts_with("ال")
                || verb && para.tags[j] != Tag::O
            {
                break;
            }
            skipped += 1;
            j += 1;
        }
        if j >= n || !starts_person_name(para, j, gaz) {
            continue;
        }
        if matches!(
            para.tags[j].entity_type(),
            Some(EntityType::Loc | EntityType::Misc)
        ) || para.tags[j] == Tag::begin(EntityType::Org)
        {
            continue;
        }
        let mut k = j + 1;
        while k < n && k < j + 3 {
            match name_part_at(para, k, gaz) {
                Some((ends, common)) => {
                    // A common word continues the name only as the second part when it is
                    // also a listed name part (مي عودة).
                    if common && (k != j + 1 || gaz.word(&para.norm(k)) & NAMEISH == 0) {
                        break;
                    }
                    k += 1;
                    if ends {
                        break;
                    }
                }
                None => break,
            }
        }
        // The tagger's person name may run further (عادل الشركس).
        if matches!(para.tags[j].entity_type(), Some(EntityType::Pers)) {
            while k < n && para.tags[k] == Tag::inside(EntityType::Pers) {
                k += 1;
            }
        }
        // After a verb, only a full name (two words or more) is taken.
        if verb && k - j < 2 {
            continue;
        }
        if let Some(m) = make_mention(para, p, j..k, EntityKind::Person, gaz, 3) {
            out.push(m);
        }
    }
    out
}
