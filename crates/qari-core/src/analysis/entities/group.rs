//! Grouping of mentions into distinct entities (equal names, sub-names of longer names).

use std::collections::HashMap;
use std::ops::Range;

use crate::analysis::normalize::normalize;
use crate::analysis::schema::{Entity, EntityKind, Mention};

use super::mention::{RawMention, is_nasab};
use super::tagged::TaggedParagraph;

/// A mention after grouping: which entity it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedMention {
    /// Paragraph index.
    pub paragraph: usize,
    /// Tokens covered.
    pub tokens: Range<usize>,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Index into the entity list.
    pub entity: usize,
}

pub(super) fn kind_rank(k: EntityKind) -> u8 {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        _ => 3,
    }
}

pub(super) fn is_org_head(w: &str) -> bool {
    let w = w.strip_prefix("ال").unwrap_or(w);
    crate::analysis::triggers::org_heads::trigger_org_heads().any(|h| normalize(h) == w)
}

/// Groups mentions into distinct entities: equal names are one entity (kind by majority);
/// a person named by part of a longer person name ("زاخاروفا" after "ماريا زاخاروفا") joins
/// it; an organisation named without its head noun ("الخوذ البيضاء" after "جماعة الخوذ
/// البيضاء") or by the first words of a longer name ("مجلس الأمن") joins the longer one.
pub fn group(
    mentions: &[RawMention],
    paras: &[TaggedParagraph],
) -> (Vec<Entity>, Vec<ResolvedMention>) {
    // 1. by key
    let mut keys: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let g = *index.entry(m.key.clone()).or_insert_with(|| {
            keys.push(m.key.clone());
            members.push(Vec::new());
            keys.len() - 1
        });
        members[g].push(i);
    }
    let kinds: Vec<EntityKind> = members
        .iter()
        .map(|ms| {
            let mut votes: Vec<(EntityKind, usize)> = Vec::new();
            for &i in ms {
                let k = mentions[i].kind;
                match votes.iter_mut().find(|(vk, _)| *vk == k) {
                    Some(v) => v.1 += 1,
                    None => votes.push((k, 1)),
                }
            }
            votes.sort_by(|a, b| b.1.cmp(&a.1).then(kind_rank(a.0).cmp(&kind_rank(b.0))));
            votes.first().map_or(EntityKind::Misc, |v| v.0)
        })
        .collect();
    // 2. merge sub-names into longer names of the same kind
    let words: Vec<Vec<&str>> = keys.iter().map(|k| k.split(' ').collect()).collect();
    // Keys by each word they contain: a longer name that can hold a shorter one contains its
    // last word, so only those keys are compared (not every pair of keys).
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (h, ws) in words.iter().enumerate() {
        if ws.len() < 2 {
            continue;
        }
        let mut seen: Vec<&str> = Vec::new();
        for &w in ws {
            if !seen.contains(&w) {
                seen.push(w);
                by_word.entry(w).or_default().push(h);
            }
        }
    }
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    for g in 0..keys.len() {
        let mut best: Option<usize> = None;
        let Some(last) = words[g].last() else {
            continue;
        };
        for &h in by_word.get(last).map_or(&[][..], Vec::as_slice) {
            if h == g || kinds[h] != kinds[g] || words[h].len() <= words[g].len() {
                continue;
            }
            let (short, long) = (&words[g], &words[h]);
            let fits = match kinds[g] {
                // Not the name after بن/ابن/أبو: "خالد" in "عبد الله بن خالد" is the
                // father, another person.
                EntityKind::Person => long
                    .windows(short.len())
                    .enumerate()
                    .any(|(i, w)| w == short.as_slice() && !(i > 0 && is_nasab(long[i - 1]))),
                EntityKind::Organization => {
                    (long.len() == short.len() + 1
                        && is_org_head(long[0])
                        && long[1..] == short[..])
                        || long.starts_with(short)
                }
                _ => false,
            };
            if fits && best.is_none_or(|b| members[h].len() > members[b].len()) {
                best = Some(h);
            }
        }
        if let Some(h) = best {
            parent[g] = h;
        }
    }
    let root = |mut g: usize| {
        let mut steps = 0;
        while parent[g] != g && steps < 16 {
            g = parent[g];
            steps += 1;
        }
        g
    };
    let mut ent_of_root: HashMap<usize, usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut resolved: Vec<ResolvedMention> = Vec::new();
    // (in the body, words, mention index): the longest body mention names the entity; a
    // headline's span is only used when the body never names it (headlines run names into
    // their verbs: "جامعة قطر تطلق").
    let mut best_name: Vec<(bool, usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let g = root(index.get(&m.key).copied().unwrap_or(0));
        let e = *ent_of_root.entry(g).or_insert_with(|| {
            entities.push(Entity {
                name: String::new(),
                kind: kinds[g],
                mentions: Vec::new(),
                aliases: Vec::new(),
                title_mentions: Vec::new(),
            });
            best_name.push((false, 0, i));
            entities.len() - 1
        });
        let text = paras
            .get(m.paragraph)
            .map(|p| p.slice(m.start, m.end))
            .unwrap_or_default();
        entities[e].mentions.push(Mention {
            paragraph: m.paragraph,
            start: m.start,
            end: m.end,
            text,
        });
        if !entities[e].aliases.contains(&m.key) {
            entities[e].aliases.push(m.key.clone());
        }
        let candidate = (m.paragraph > 0, m.key.split(' ').count(), i);
        if (candidate.0, candidate.1) > (best_name[e].0, best_name[e].1) {
            best_name[e] = candidate;
        }
        resolved.push(ResolvedMention {
            paragraph: m.paragraph,
            tokens: m.tokens.clone(),
            start: m.start,
            end: m.end,
            entity: e,
        });
    }
    for (e, (_, _, i)) in best_name.iter().enumerate() {
        if let Some(m) = mentions.get(*i) {
            entities[e].name = m.name.clone();
        }
    }
    (entities, resolved)
}
