//! CoNLL-style tagging for `qari ner --conll`: `token [TAG]` lines in, `token TAG` lines out.

use super::tagger::Tagger;
use super::tokens::is_sentence_end;
use super::train::parse_line;

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
