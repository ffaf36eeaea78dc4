//! Tagger training sentences from articles annotated under `shared/eval/dev-saudi/GUIDE.md`:
//! the required gold names projected onto the tokens and sentences the analysis tags, so
//! the tagger also learns from the kind of news qari opens (ANERcorp is older wire text).

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use qari_core::analysis::entities::tagger_sentences;
use qari_core::analysis::ner::tagger::{EntityType, Tag};
use qari_core::analysis::tokens::tokenize;

use crate::ner::{Sentence, TrainError};

#[derive(Debug, Deserialize)]
struct GoldFile {
    #[serde(default)]
    entities: Vec<GoldEntity>,
}

#[derive(Debug, Deserialize)]
struct GoldEntity {
    kind: Vec<String>,
    names: Vec<String>,
    #[serde(default = "yes")]
    required: bool,
}

fn yes() -> bool {
    true
}

/// The tagger's type of a gold entity: the first kind listed (a country acting as a state,
/// `["place","organization"]`, is a place as in ANERcorp); `None` for dates and for nisba
/// adjectives (`["place","person"]`), which ANERcorp mostly leaves outside names.
fn entity_type(kinds: &[String]) -> Option<EntityType> {
    if kinds.len() == 2 && kinds[0] == "place" && kinds[1] == "person" {
        return None;
    }
    match kinds.first().map(String::as_str) {
        Some("person") => Some(EntityType::Pers),
        Some("place") => Some(EntityType::Loc),
        Some("organization") => Some(EntityType::Org),
        _ => None,
    }
}

/// Whether `token` is `word` with a leading clitic (و ف + ب ل ك, or ل before ال written لل).
fn is_word_with_clitic(token: &str, word: &str) -> bool {
    if token == word {
        return true;
    }
    let conj = ["", "و", "ف"];
    for c in conj {
        let Some(rest) = token.strip_prefix(c) else {
            continue;
        };
        if !c.is_empty() && rest == word {
            return true;
        }
        for p in ["ب", "ل", "ك"] {
            if rest.strip_prefix(p) == Some(word) {
                return true;
            }
        }
        if let (Some(r), Some(w)) = (rest.strip_prefix("لل"), word.strip_prefix("ال"))
            && r == w
        {
            return true;
        }
    }
    false
}

/// A name as the tokens the analysis would see, with its type.
struct Pattern {
    words: Vec<String>,
    kind: EntityType,
}

/// The training sentences of one annotated article (`FILE.txt` beside `FILE.gold.json`):
/// the title and each paragraph cut as the analysis cuts them, every occurrence of a
/// required gold name tagged with its type (longest name first, a leading clitic allowed
/// on its first word), all else O. A sentence where a form belongs to entities of two types
/// ("الرياض" the city and the newspaper) is left out: its tags would be a guess.
pub fn article_sentences(txt: &Path) -> Result<Vec<Sentence>, TrainError> {
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|source| TrainError::Io {
            path: p.to_path_buf(),
            source,
        })
    };
    let text = read(txt)?;
    let gold_path = txt.with_extension("gold.json");
    let gold: GoldFile = serde_json::from_str(&read(&gold_path)?).map_err(|e| TrainError::Io {
        path: gold_path.clone(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
    })?;
    let mut by_form: HashMap<Vec<String>, Option<EntityType>> = HashMap::new();
    for e in gold.entities.iter().filter(|e| e.required) {
        let Some(kind) = entity_type(&e.kind) else {
            continue;
        };
        for name in &e.names {
            let words: Vec<String> = tokenize(name)
                .iter()
                .map(|t| t.text(name).to_string())
                .collect();
            if words.is_empty() {
                continue;
            }
            by_form
                .entry(words)
                .and_modify(|k| {
                    if *k != Some(kind) {
                        *k = None;
                    }
                })
                .or_insert(Some(kind));
        }
    }
    let mut ambiguous: Vec<Vec<String>> = Vec::new();
    let mut patterns: Vec<Pattern> = Vec::new();
    for (words, kind) in by_form {
        match kind {
            Some(kind) => patterns.push(Pattern { words, kind }),
            None => ambiguous.push(words),
        }
    }
    // Longest first; ties in a fixed order so the output does not depend on hashing.
    patterns.sort_by(|a, b| {
        b.words
            .len()
            .cmp(&a.words.len())
            .then(a.words.cmp(&b.words))
    });
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        // Line 2 is the blank line after the title.
        if i == 1 || line.trim().is_empty() {
            continue;
        }
        let tokens = tokenize(line);
        for idx in tagger_sentences(&tokens, line) {
            let words: Vec<&str> = idx.iter().map(|&k| tokens[k].text(line)).collect();
            if let Some(s) = project(&words, &patterns, &ambiguous) {
                out.push(s);
            }
        }
    }
    Ok(out)
}

fn matches_at(words: &[&str], at: usize, name: &[String]) -> bool {
    at + name.len() <= words.len()
        && is_word_with_clitic(words[at], &name[0])
        && name[1..].iter().zip(&words[at + 1..]).all(|(n, w)| n == w)
}

/// One sentence tagged by the patterns; `None` when an ambiguous form occurs in it.
fn project(words: &[&str], patterns: &[Pattern], ambiguous: &[Vec<String>]) -> Option<Sentence> {
    let mut tags = vec![Tag::O; words.len()];
    let mut at = 0;
    while at < words.len() {
        if ambiguous.iter().any(|a| matches_at(words, at, a)) {
            return None;
        }
        match patterns.iter().find(|p| matches_at(words, at, &p.words)) {
            Some(p) => {
                tags[at] = Tag::begin(p.kind);
                for t in &mut tags[at + 1..at + p.words.len()] {
                    *t = Tag::inside(p.kind);
                }
                at += p.words.len();
            }
            None => at += 1,
        }
    }
    Some(words.iter().map(|w| w.to_string()).zip(tags).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_on_the_first_word_only() {
        assert!(is_word_with_clitic("والرياض", "الرياض"));
        assert!(is_word_with_clitic("للخطوط", "الخطوط"));
        assert!(is_word_with_clitic("بجدة", "جدة"));
        assert!(!is_word_with_clitic("الرياضي", "الرياض"));
        assert!(!is_word_with_clitic("مجدة", "جدة"));
    }

    #[test]
    fn longest_name_wins_and_ambiguous_sentences_go() {
        let p = |w: &[&str], kind| Pattern {
            words: w.iter().map(|s| s.to_string()).collect(),
            kind,
        };
        let patterns = vec![
            p(&["وزارة", "الصحة"], EntityType::Org),
            p(&["الصحة"], EntityType::Loc),
        ];
        let s = project(&["قالت", "ووزارة", "الصحة", "اليوم"], &patterns, &[]).unwrap();
        let tags: Vec<Tag> = s.iter().map(|(_, t)| *t).collect();
        assert_eq!(
            tags,
            [
                Tag::O,
                Tag::begin(EntityType::Org),
                Tag::inside(EntityType::Org),
                Tag::O
            ]
        );
        let amb = vec![vec!["اليوم".to_string()]];
        assert!(project(&["قالت", "اليوم"], &patterns, &amb).is_none());
    }
}
