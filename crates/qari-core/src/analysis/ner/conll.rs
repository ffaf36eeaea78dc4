//! The CoNLL format: reading `token [TAG]` lines, and tagging them for `qari ner --conll`
//! (`token TAG` lines out). Training reads its corpora through here; nothing here trains.

use crate::analysis::ner::tagger::Tagger;
use crate::analysis::tokens::is_sentence_end;

/// Splits a `token TAG` line; a line with a single column is a token tagged O.
pub fn parse_line(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_end_matches(['\n', '\r']);
    if line.trim().is_empty() {
        return None;
    }
    match line.trim().rsplit_once(char::is_whitespace) {
        Some((tok, tag)) if !tok.trim().is_empty() => Some((tok.trim(), tag)),
        _ => Some((line.trim(), "O")),
    }
}

/// Tags CoNLL input: one `token [TAG]` per line, blank line = sentence break. Any given tag
/// is ignored. Writes one `token TAG` line per input token with the predicted IOB tag over
/// PERS, LOC, ORG, MISC, and keeps the blank lines. Long runs without blank lines (ANERcorp
/// has none) are decoded sentence by sentence, split at sentence-final punctuation. The
/// input has no document boundaries, so the sentences around each one stand in for its
/// document (for the tagger's document-level second pass).
pub fn tag_conll(input: &str, tagger: &Tagger) -> String {
    // Sentences of tokens, each followed by the number of blank lines after it.
    let mut sentences: Vec<(Vec<&str>, usize)> = Vec::new();
    let mut leading_blanks = 0;
    let mut cur: Vec<&str> = Vec::new();
    for line in input.lines() {
        match parse_line(line) {
            None => {
                if !cur.is_empty() {
                    sentences.push((std::mem::take(&mut cur), 0));
                }
                match sentences.last_mut() {
                    Some(last) => last.1 += 1,
                    None => leading_blanks += 1,
                }
            }
            Some((tok, _given_tag)) => {
                cur.push(tok);
                if is_sentence_end(tok) {
                    sentences.push((std::mem::take(&mut cur), 0));
                }
            }
        }
    }
    if !cur.is_empty() {
        sentences.push((cur, 0));
    }
    let mut out = String::with_capacity(input.len() + input.len() / 4);
    for _ in 0..leading_blanks {
        out.push('\n');
    }
    let run: Vec<Vec<&str>> = sentences.iter().map(|(s, _)| s.clone()).collect();
    let tags = tagger.tag_run(&run);
    {
        for ((toks, blanks), tags) in sentences.iter().zip(tags) {
            for (t, tag) in toks.iter().zip(tags) {
                out.push_str(t);
                out.push(' ');
                out.push_str(tag.as_str());
                out.push('\n');
            }
            for _ in 0..*blanks {
                out.push('\n');
            }
        }
    }
    out
}
