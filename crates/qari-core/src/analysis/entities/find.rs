//! All mentions of a document: the tagger's spans and the rules' finds, overlaps resolved,
//! then names already recognised propagated to their other occurrences.

use std::collections::HashMap;

use crate::analysis::ner::gazetteer::{Gazetteer, class};
use crate::analysis::ner::tagger::{Tag, spans};
use crate::analysis::normalize::{clitic_candidates, normalize, split_clitics};
use crate::analysis::parallel::map_in_order;
use crate::analysis::schema::EntityKind;
use crate::analysis::tokens::TokenKind;
use crate::analysis::triggers::rules::NOT_NAMES;

use super::mention::{RawMention, covered_tokens, is_nasab, kind_of, make_mention};
use super::orgs::{head_noun_orgs, is_nisba, quoted_org_names};
use super::persons::titled_persons;
use super::places::{gazetteer_places, headed_places, mostly_common};
use super::tagged::TaggedParagraph;

/// Undoes a clitic split when the whole word is itself a name part in this document: a
/// foreign surname starting with ب/ل/ك/و/ف keeps its first letter once the full name (where
/// it is a later word, never split) was read — "بيرنز" after "روبرت بيرنز", also before ال.
pub(super) fn restore_document_names(paras: &[TaggedParagraph], mentions: &mut [RawMention]) {
    let mut parts: std::collections::HashSet<String> = std::collections::HashSet::new();
    for m in mentions.iter() {
        if m.kind != EntityKind::Person || m.tokens.len() < 2 {
            continue;
        }
        if let Some(para) = paras.get(m.paragraph) {
            for t in m.tokens.start + 1..m.tokens.end {
                parts.insert(normalize(para.raw(t)));
            }
        }
    }
    if parts.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let Some(para) = paras.get(m.paragraph) else {
            continue;
        };
        let Some(first) = para.tokens.get(m.tokens.start) else {
            continue;
        };
        let raw = para.raw(m.tokens.start);
        if m.start == first.start || !parts.contains(&normalize(raw)) {
            continue;
        }
        let Some(last) = para.tokens.get(m.tokens.end - 1) else {
            continue;
        };
        if let Some(text) = para.text.get(first.byte_start..last.byte_end) {
            m.start = first.start;
            m.name = text.replace('_', " ");
            m.key = normalize(&m.name);
        }
    }
}

/// All mentions of the document after overlap resolution, in reading order.
pub fn find_mentions(paras: &[TaggedParagraph], gaz: &Gazetteer) -> Vec<RawMention> {
    find_mentions_with_progress(paras, gaz, &mut |_| {})
}

/// [`find_mentions`], telling `progress` the share of the work done (0 to 1) after each
/// paragraph of the rules and of the propagation.
pub fn find_mentions_with_progress(
    paras: &[TaggedParagraph],
    gaz: &Gazetteer,
    progress: &mut dyn FnMut(f32),
) -> Vec<RawMention> {
    // The rules look at one paragraph at a time: they run on all cores.
    let cands = map_in_order(paras, &mut |f| progress(0.5 * f), |p, para, cands| {
        for (a, b, t) in spans(&para.tags) {
            // A name never runs out of a hashtag into the text after it.
            let mut b = b;
            let ta = para.tokens[a].start;
            // Hashtags are disjoint and in order: only the last one starting at or before the
            // span can hold it (a lookup, not a scan of the paragraph's hashtags per span).
            let last = para.hashtags.partition_point(|h| h.start <= ta);
            if let Some(h) = last.checked_sub(1).and_then(|i| para.hashtags.get(i))
                && ta >= h.start
                && ta < h.end
            {
                while b > a + 1 && para.tokens[b - 1].end > h.end {
                    b -= 1;
                }
            }
            // A one-word place that is mostly a common word (مالي "financial") needs a
            // place context, whoever found it.
            if b == a + 1
                && kind_of(t) == EntityKind::Place
                && mostly_common(para, a, gaz)
                && !place_context(para, a, EntityKind::Place, gaz)
            {
                continue;
            }
            // A nationality adjective alone (الروماني، الكولومبي) describes a person, it does
            // not name one: "نظيره الروماني" is no person called الروماني.
            if b == a + 1 && kind_of(t) == EntityKind::Person && is_nationality(para, a, gaz) {
                continue;
            }
            let (a, b) = person_or_club_bounds(para, a, b, kind_of(t), gaz);
            if let Some(m) = make_mention(para, p, a..b, kind_of(t), gaz, 2) {
                cands.push(m);
            }
        }
        cands.extend(quoted_org_names(para, p, gaz));
        let orgs = head_noun_orgs(para, p, gaz);
        cands.extend(titled_persons(para, p, gaz, &orgs));
        cands.extend(orgs);
        cands.extend(headed_places(para, p, gaz));
        cands.extend(gazetteer_places(para, p, gaz));
    });
    let mut kept = resolve_overlaps(cands, paras.len());
    restore_document_names(paras, &mut kept);
    let extra = propagate(paras, &kept, gaz, &mut |f| progress(0.5 + 0.45 * f));
    kept.extend(extra);
    let mut out = resolve_overlaps(kept, paras.len());
    restore_document_names(paras, &mut out);
    super::clubs::correct_kinds(paras, &mut out, gaz);
    progress(1.0);
    out
}

/// The bounds of a tagged span, with two boundary errors mended:
/// - a person's given name with the article (الحسين، الحسن، العباس) left out before the
///   span joins it ("… الجوية الحسين يوعابد" is الحسين يوعابد, not يوعابد);
/// - "فريق" (team) before a club is the head noun, not part of the club's name.
fn person_or_club_bounds(
    para: &TaggedParagraph,
    a: usize,
    b: usize,
    kind: EntityKind,
    gaz: &Gazetteer,
) -> (usize, usize) {
    match kind {
        EntityKind::Person if a > 0 && para.tags[a - 1] == Tag::O => {
            let w = para.norm(a - 1);
            let f = gaz.word(&w);
            let given = para.tokens[a - 1].kind == TokenKind::Word
                && w.starts_with("ال")
                && f & class::GIVEN != 0
                && f & class::COMMON == 0
                && !NOT_NAMES.contains(&w.as_str());
            (if given { a - 1 } else { a }, b)
        }
        EntityKind::Organization if b > a + 1 && para.norm(a) == "فريق" => {
            let rest: Vec<String> = (a + 1..b).map(|k| para.norm(k)).collect();
            let club = (gaz.phrase(&rest.join(" ")) | gaz.word(&rest.join(" "))) & class::CLUB;
            (if club != 0 { a + 1 } else { a }, b)
        }
        _ => (a, b),
    }
}

/// Whether token `i` is a nationality adjective (الفرنسي، مغربية، الأتراك) and not part of a
/// kunya (أبو/أبا + the adjective: أبا خليل السوداني runs longer than one token anyway).
fn is_nationality(para: &TaggedParagraph, i: usize, gaz: &Gazetteer) -> bool {
    let w = para.norm(i);
    let flags = gaz.word(&w) | gaz.word(&normalize(&split_clitics(&w).with_article));
    flags & (class::NATIONALITY | class::NATIONALITY_FEM) != 0
        && !matches!(para.norm(i.wrapping_sub(1)).as_str(), "ابو" | "ابا" | "ابي")
}

pub(super) fn resolve_overlaps(mut cands: Vec<RawMention>, n_paras: usize) -> Vec<RawMention> {
    cands.sort_by(|x, y| {
        y.priority
            .cmp(&x.priority)
            .then((y.end - y.start).cmp(&(x.end - x.start)))
            .then(x.paragraph.cmp(&y.paragraph))
            .then(x.start.cmp(&y.start))
    });
    // Kept spans per paragraph, disjoint, by start → end: an overlap check is one lookup
    // (linear-logarithmic, not quadratic, in a paragraph's mentions).
    let mut by_para: Vec<std::collections::BTreeMap<usize, usize>> =
        vec![std::collections::BTreeMap::new(); n_paras];
    let mut out: Vec<RawMention> = Vec::new();
    for m in cands {
        let Some(spans) = by_para.get_mut(m.paragraph) else {
            continue;
        };
        let clash = spans
            .range(..m.end)
            .next_back()
            .is_some_and(|(_, &end)| end > m.start);
        if !clash {
            spans.insert(m.start, m.end);
            out.push(m);
        }
    }
    out.sort_by_key(|m| (m.paragraph, m.start));
    out
}

/// A one-word name repeated in the text may be a common noun there: an indefinite word
/// followed by a definite noun is the head of a construct ("صور الحادث" — pictures, not the
/// city of Tyre; "أمين الصندوق"). Nisba adjectives after a name (صور اللبنانية) are fine.
fn heads_construct(para: &TaggedParagraph, i: usize) -> bool {
    let w = split_clitics(para.raw(i)).with_article;
    let next = para.norm(i + 1);
    para.tokens
        .get(i + 1)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && !w.starts_with("ال")
        && next.starts_with("ال")
        && !is_nisba(&next)
        && para.tags.get(i + 1) == Some(&Tag::O)
}

/// A place context for a repeated place name (see [`places::place_context`]); other kinds
/// have none.
fn place_context(para: &TaggedParagraph, i: usize, kind: EntityKind, gaz: &Gazetteer) -> bool {
    kind == EntityKind::Place
        && super::places::place_context(para, i, super::clitic_len(para.raw(i), gaz), true, true)
}

/// Finds further occurrences of names already recognised somewhere in the document
/// (also a person's surname alone once the full name was seen).
pub(super) fn propagate(
    paras: &[TaggedParagraph],
    found: &[RawMention],
    gaz: &Gazetteer,
    progress: &mut dyn FnMut(f32),
) -> Vec<RawMention> {
    let mut names: HashMap<String, Vec<(Vec<String>, EntityKind)>> = HashMap::new();
    let mut add = |words: Vec<String>, kind: EntityKind| {
        if let Some(first) = words.first().cloned() {
            let e = names.entry(first).or_default();
            if !e.iter().any(|(w, _)| *w == words) {
                e.push((words, kind));
            }
        }
    };
    for m in found {
        if m.kind == EntityKind::Misc || m.key.chars().count() < 3 {
            continue;
        }
        let words: Vec<String> = m.key.split(' ').map(str::to_string).collect();
        if m.kind == EntityKind::Person
            && words.len() >= 2
            && !words.get(words.len() - 2).is_some_and(|w| is_nasab(w))
        {
            // The surname alone refers back to the person; a frequent given name does not,
            // nor the father's name after بن/أبو.
            if let Some(last) = words.last()
                && last.chars().count() >= 3
                && gaz.word(last) & class::GIVEN_FREQ == 0
                && !NOT_NAMES.contains(&last.as_str())
            {
                add(vec![last.clone()], EntityKind::Person);
            }
        }
        add(words, m.kind);
    }
    let mut out = Vec::new();
    // Tokens already inside a mention.
    let covered = covered_tokens(paras, found);
    let per_paragraph = 1.0 / paras.len().max(1) as f32;
    for (p, para) in paras.iter().enumerate() {
        progress(p as f32 * per_paragraph);
        let covered = &covered[p];
        let mut i = 0;
        while i < para.tokens.len() {
            if para.tokens[i].kind != TokenKind::Word || covered[i] {
                i += 1;
                continue;
            }
            let raw = para.raw(i);
            let mut firsts: Vec<String> =
                clitic_candidates(raw).into_iter().map(|(_, s)| s).collect();
            let s = split_clitics(raw);
            firsts.push(s.with_article);
            let mut matched: Option<(usize, EntityKind)> = None;
            'outer: for f in &firsts {
                if let Some(list) = names.get(f) {
                    for (words, kind) in list {
                        // Compare the following words, skipping hashtag underscores.
                        let mut j = i + 1;
                        let mut ok = true;
                        for w in &words[1..] {
                            while j < para.tokens.len() && para.raw(j) == "_" {
                                j += 1;
                            }
                            if para.norm(j) != *w {
                                ok = false;
                                break;
                            }
                            j += 1;
                        }
                        if ok && matched.is_none_or(|(e, _)| j > e) {
                            matched = Some((j, *kind));
                            if words.len() > 1 {
                                break 'outer;
                            }
                        }
                    }
                }
            }
            if let Some((j, kind)) = matched
                && !covered[i..j.min(covered.len())].iter().any(|&c| c)
                && !(j == i + 1 && heads_construct(para, i))
                && !(j == i + 1
                    && kind == EntityKind::Place
                    && mostly_common(para, i, gaz)
                    && !place_context(para, i, kind, gaz))
                && let Some(m) = make_mention(para, p, i..j, kind, gaz, 1)
            {
                out.push(m);
                i = j;
                continue;
            }
            i += 1;
        }
    }
    out
}
