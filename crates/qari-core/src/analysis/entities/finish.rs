//! The last steps of the entity stage: mentions in the title set apart, hashtags and dates
//! added as entities of their own, and the list put in reading order.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::analysis::dates::{DateSpan, find_dates};
use crate::analysis::normalize::normalize;
use crate::analysis::schema::{Entity, EntityKind, Mention};

use super::tagged::TaggedParagraph;

/// Moves the mentions found in text 0 (the title) to `title_mentions` and renumbers the
/// others as body paragraphs (text `i + 1` is body paragraph `i`).
pub fn split_title_mentions(entities: &mut [Entity]) {
    for e in entities {
        let (title, body): (Vec<Mention>, Vec<Mention>) =
            e.mentions.drain(..).partition(|m| m.paragraph == 0);
        e.title_mentions = title;
        e.mentions = body
            .into_iter()
            .map(|mut m| {
                m.paragraph -= 1;
                m
            })
            .collect();
    }
}

/// Adds the hashtags and dates of the body paragraphs (`paras[1..]`) as entities of their
/// own, grouped by normalised text (a wall of hashtags makes an entity each).
pub fn add_hashtags_and_dates(paras: &[TaggedParagraph], entities: &mut Vec<Entity>) {
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    // Dates are found paragraph by paragraph on all cores (few per paragraph to hold).
    let body_dates: Vec<Vec<DateSpan>> = paras
        .par_iter()
        .skip(1)
        .map(|para| find_dates(para.text, &para.tokens))
        .collect();
    for ((p, para), para_dates) in paras.iter().enumerate().skip(1).zip(body_dates) {
        let p = p - 1;
        let mut found: Vec<(EntityKind, usize, usize)> = para
            .hashtags
            .iter()
            .map(|h| (EntityKind::Hashtag, h.start, h.end))
            .collect();
        found.extend(
            para_dates
                .into_iter()
                .map(|d| (EntityKind::Date, d.start, d.end)),
        );
        for (kind, start, end) in found {
            let text = para.slice(start, end);
            let key = normalize(&text);
            let e = *by_key.entry((kind, key)).or_insert_with(|| {
                entities.push(Entity {
                    name: text.clone(),
                    kind,
                    // Most have one mention: no room for four.
                    mentions: Vec::with_capacity(1),
                    aliases: Vec::new(),
                    title_mentions: Vec::new(),
                });
                entities.len() - 1
            });
            entities[e].mentions.push(Mention {
                paragraph: p,
                start,
                end,
                text,
            });
        }
    }
}

/// Sorts each entity's mentions and the entities by their first mention in the body
/// (entities only in the title last).
pub fn reading_order(entities: &mut [Entity]) {
    for e in entities.iter_mut() {
        e.mentions.sort_by_key(|m| (m.paragraph, m.start));
    }
    entities.sort_by_key(|e| {
        e.mentions
            .first()
            .map_or((usize::MAX, 0), |m| (m.paragraph, m.start))
    });
}
