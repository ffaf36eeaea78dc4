//! Clubs in match reports: a name in a club's place (فريق الوحدة، مدرب العين، على ضيفه
//! الشارقة) is an organisation there, even where the same word names a city elsewhere, and
//! a listed person's full name is a person, not a place.

use std::collections::HashSet;

use crate::analysis::ner::gazetteer::{Gazetteer, class};
use crate::analysis::normalize::split_clitics;
use crate::analysis::schema::EntityKind;
use crate::analysis::tokens::TokenKind;
use crate::analysis::triggers::sport::{is_club_context, is_sport_word};

use super::mention::{RawMention, covered_tokens, make_mention};
use super::tagged::TaggedParagraph;

/// Sport words a document needs before its city names may be read as clubs: a few stray
/// ones ("الفريق" the general, "هدف" a goal of policy) do not make a match report.
const MATCH_REPORT_WORDS: usize = 5;

/// Whether the document reads as a match report.
fn is_match_report(paras: &[TaggedParagraph]) -> bool {
    let mut hits = 0;
    for para in paras {
        for (i, t) in para.tokens.iter().enumerate() {
            if t.kind == TokenKind::Word && is_sport_word(&split_clitics(para.raw(i)).with_article)
            {
                hits += 1;
                if hits >= MATCH_REPORT_WORDS {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether the word before token `i` puts a club in its place (فريق، مدرب، ضيفه …).
fn after_club_context(para: &TaggedParagraph, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|prev| {
        para.tokens[prev].kind == TokenKind::Word
            && is_club_context(&split_clitics(para.raw(prev)).with_article)
    })
}

/// Whether the word before token `i` makes it a place (في، إلى، من، مدينة).
fn after_place_word(para: &TaggedParagraph, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|prev| {
        matches!(
            split_clitics(para.raw(prev)).with_article.as_str(),
            "في" | "الي" | "من" | "مدينه" | "امارة" | "اماره"
        )
    })
}

/// Corrects kinds in `mentions` (sorted by paragraph and start) and adds the clubs named
/// only by a common word (فريق الوحدة). Linear in tokens and mentions.
pub(super) fn correct_kinds(
    paras: &[TaggedParagraph],
    mentions: &mut Vec<RawMention>,
    gaz: &Gazetteer,
) {
    // A well-known person's full name read as a place is the person.
    for m in mentions.iter_mut() {
        if m.kind == EntityKind::Place
            && m.key.contains(' ')
            && gaz.phrase(&m.key) & class::PERSON != 0
            && gaz.phrase(&m.key) & (class::CITY | class::COUNTRY) == 0
        {
            m.kind = EntityKind::Person;
        }
    }
    if !is_match_report(paras) {
        return;
    }
    let mut clubs: HashSet<String> = HashSet::new();
    // Listed clubs also named as a place (في العين، إلى الشارقة) stay places unless a club
    // word names them.
    let mut venues: HashSet<String> = HashSet::new();
    let mut in_context: HashSet<String> = HashSet::new();
    let covered = covered_tokens(paras, mentions);
    for m in mentions.iter() {
        // A country that is also a club's name (الإمارات) needs a club word before it.
        let listed_club = m.key.split(' ').count() <= 2
            && gaz.word(&m.key) & class::CLUB != 0
            && gaz.word(&m.key) & class::COUNTRY == 0;
        if listed_club
            && paras
                .get(m.paragraph)
                .is_some_and(|para| after_place_word(para, m.tokens.start))
        {
            venues.insert(m.key.clone());
        }
        let in_club_place = paras
            .get(m.paragraph)
            .is_some_and(|para| after_club_context(para, m.tokens.start));
        if matches!(m.kind, EntityKind::Place | EntityKind::Organization) {
            if in_club_place {
                in_context.insert(m.key.clone());
            } else if listed_club {
                clubs.insert(m.key.clone());
            }
        }
    }
    clubs.retain(|k| !venues.contains(k));
    clubs.extend(in_context);
    // فريق الوحدة: a definite word after a club word, which the tagger left as a common word.
    let mut added = Vec::new();
    for ((p, para), covered) in paras.iter().enumerate().zip(&covered) {
        for (i, &done) in covered.iter().enumerate().skip(1) {
            if done
                || para.tokens[i].kind != TokenKind::Word
                || !after_club_context(para, i)
                || !para.norm(i).starts_with("ال")
                || para.norm(i).chars().count() < 4
                || super::orgs::is_nisba(&para.norm(i))
            {
                continue;
            }
            // Only a word the club context names elsewhere too, or a listed club: "أمام
            // الجماهير" stays a phrase.
            let key = para.norm(i);
            let prev = split_clitics(para.raw(i - 1)).with_article;
            if !(matches!(prev.as_str(), "فريق" | "نادي") || gaz.word(&key) & class::CLUB != 0)
            {
                continue;
            }
            if let Some(m) = make_mention(para, p, i..i + 1, EntityKind::Organization, gaz, 3) {
                clubs.insert(m.key.clone());
                added.push(m);
            }
        }
    }
    if clubs.is_empty() {
        return;
    }
    // A common word that a club word made a club (فريق الوحدة) is that club wherever the
    // match report uses it alone (ورفع الوحدة رصيده).
    let word_clubs: HashSet<String> = added.iter().map(|m| m.key.clone()).collect();
    let mut seen: HashSet<(usize, usize)> = added
        .iter()
        .map(|m| (m.paragraph, m.tokens.start))
        .collect();
    for ((p, para), covered) in paras.iter().enumerate().zip(&covered) {
        for (i, &done) in covered.iter().enumerate() {
            if done
                || para.tokens[i].kind != TokenKind::Word
                || !word_clubs.contains(&split_clitics(para.raw(i)).with_article)
                || !seen.insert((p, i))
            {
                continue;
            }
            if let Some(m) = make_mention(para, p, i..i + 1, EntityKind::Organization, gaz, 3) {
                added.push(m);
            }
        }
    }
    mentions.extend(added);
    for m in mentions.iter_mut() {
        if m.kind == EntityKind::Place && clubs.contains(&m.key) {
            m.kind = EntityKind::Organization;
        }
    }
    mentions.sort_by_key(|m| (m.paragraph, m.start));
}
