//! CoNLL-style tagging for `qari ner --conll`: `token [TAG]` lines in, `token TAG` lines out.

use super::tagger::Tagger;
use super::tokens::is_sentence_end;
use super::train::parse_line;

/// Tags CoNLL input: one `token [TAG]` per line, blank line = sentence break. Any given tag
/// is ignored. Writes one `token TAG` line per input token with the predicted IOB tag over
/// PERS, LOC, ORG, MISC, and keeps the blank lines. Long runs without blank lines (ANERcorp
/// has none) are decoded sentence by sentence, split at sentence-final punctuation.
pub fn tag_conll(input: &str, tagger: &Tagger) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 4);
    let mut sentence: Vec<String> = Vec::new();
    let flush = |sentence: &mut Vec<String>, out: &mut String| {
        if sentence.is_empty() {
            return;
        }
        let toks: Vec<&str> = sentence.iter().map(String::as_str).collect();
        let tags = tagger.tag(&toks);
        for (t, tag) in toks.iter().zip(tags) {
            out.push_str(t);
            out.push(' ');
            out.push_str(tag.as_str());
            out.push('\n');
        }
        sentence.clear();
    };
    for line in input.lines() {
        match parse_line(line) {
            None => {
                flush(&mut sentence, &mut out);
                out.push('\n');
            }
            Some((tok, _given_tag)) => {
                sentence.push(tok.to_string());
                if is_sentence_end(tok) {
                    flush(&mut sentence, &mut out);
                }
            }
        }
    }
    flush(&mut sentence, &mut out);
    out
}
