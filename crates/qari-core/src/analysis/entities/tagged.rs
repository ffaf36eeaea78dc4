//! Paragraphs tokenized and tagged by the NER tagger, the input of every entity rule.

use rayon::prelude::*;

use crate::analysis::hashtags::{HashtagSpan, find_hashtags};
use crate::analysis::ner::tagger::{Tag, Tagger};
use crate::analysis::normalize::normalize;
use crate::analysis::tokens::{Token, TokenKind, is_sentence_end, tokenize};

/// A paragraph with its tokens and predicted IOB tags.
#[derive(Debug, Clone)]
pub struct TaggedParagraph<'a> {
    /// The paragraph text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// One tag per token (hashtag `#` and `_` tokens are always O).
    pub tags: Vec<Tag>,
    /// Hashtags in the paragraph.
    pub hashtags: Vec<HashtagSpan>,
}

impl<'a> TaggedParagraph<'a> {
    /// Normalised text of token `i` ("" out of range).
    pub fn norm(&self, i: usize) -> String {
        self.tokens
            .get(i)
            .map(|t| normalize(t.text(self.text)))
            .unwrap_or_default()
    }

    /// Raw text of token `i` ("" out of range).
    pub fn raw(&self, i: usize) -> &'a str {
        self.tokens.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    /// Text between two char offsets. The walk starts at the nearest token, so a slice costs
    /// its own length (plus a token), not the paragraph's: one-line documents stay linear.
    pub fn slice(&self, start: usize, end: usize) -> String {
        let from = self.byte_of(start);
        let to = self.byte_of(end.max(start));
        self.text.get(from..to).unwrap_or_default().to_string()
    }

    /// Byte offset of a char offset (the text's length past its end).
    pub fn byte_of(&self, pos: usize) -> usize {
        let t = self.tokens.partition_point(|t| t.start <= pos);
        let (char_base, byte_base) = match t.checked_sub(1).and_then(|i| self.tokens.get(i)) {
            Some(tok) => (tok.start, tok.byte_start),
            None => (0, 0),
        };
        self.text
            .get(byte_base..)
            .and_then(|rest| rest.char_indices().nth(pos - char_base))
            .map_or(self.text.len(), |(b, _)| byte_base + b)
    }
}

pub(super) fn is_hashtag_glue(t: &str) -> bool {
    matches!(t, "#" | "＃" | "_")
}

/// Tokenizes and tags a paragraph sentence by sentence. The `#` and `_` of hashtags are
/// hidden from the tagger so `#الولايات_المتحدة` reads as the two words of the name.
pub fn tag_paragraph<'a>(text: &'a str, tagger: &Tagger) -> TaggedParagraph<'a> {
    tag_paragraphs(&[text], tagger)
        .pop()
        .unwrap_or_else(|| TaggedParagraph {
            text,
            tokens: Vec::new(),
            tags: Vec::new(),
            hashtags: Vec::new(),
        })
}

/// Longest run of tokens the tagger sees as one sentence.
pub(super) const MAX_SENTENCE_TOKENS: usize = 400;

/// Token indices of each sentence the tagger sees in a paragraph (hashtag glue hidden);
/// training on annotated articles uses the same cut so it sees what the analysis tags.
pub fn tagger_sentences(tokens: &[Token], text: &str) -> Vec<Vec<usize>> {
    let visible: Vec<usize> = (0..tokens.len())
        .filter(|&i| !(tokens[i].kind == TokenKind::Punct && is_hashtag_glue(tokens[i].text(text))))
        .collect();
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..=visible.len() {
        // A run without sentence ends (a wall of hashtags) is cut into pieces the tagger
        // handles like sentences, so no single "sentence" holds the whole paragraph.
        let end_here = k == visible.len()
            || is_sentence_end(tokens[visible[k]].text(text))
            || k + 1 - start >= MAX_SENTENCE_TOKENS;
        if end_here {
            let stop = (k + 1).min(visible.len());
            if start < stop {
                out.push(visible[start..stop].to_vec());
            }
            start = stop;
        }
    }
    out
}

/// Tokenizes and tags the paragraphs of one document together, so the tagger's document
/// pass sees every sentence (a name tagged confidently in one paragraph helps elsewhere).
pub fn tag_paragraphs<'a>(texts: &[&'a str], tagger: &Tagger) -> Vec<TaggedParagraph<'a>> {
    tag_paragraphs_with_progress(texts, tagger, &mut |_| {})
}

/// [`tag_paragraphs`], telling `progress` the share of the tagging done (0 to 1).
pub fn tag_paragraphs_with_progress<'a>(
    texts: &[&'a str],
    tagger: &Tagger,
    progress: &mut dyn FnMut(f32),
) -> Vec<TaggedParagraph<'a>> {
    let tokens: Vec<Vec<Token>> = texts.par_iter().map(|t| tokenize(t)).collect();
    let groups: Vec<Vec<Vec<usize>>> = texts
        .par_iter()
        .zip(&tokens)
        .map(|(text, toks)| tagger_sentences(toks, text))
        .collect();
    let mut doc: Vec<Vec<&str>> = Vec::new();
    for ((text, toks), sents) in texts.iter().zip(&tokens).zip(&groups) {
        for idx in sents {
            doc.push(idx.iter().map(|&i| toks[i].text(text)).collect());
        }
    }
    let mut doc_tags = tagger
        .tag_document_with_progress(&doc, progress)
        .into_iter();
    texts
        .iter()
        .zip(tokens)
        .zip(&groups)
        .map(|((&text, tokens), sents)| {
            let mut tags = vec![Tag::O; tokens.len()];
            for idx in sents {
                let sent_tags = doc_tags.next().unwrap_or_default();
                for (&i, t) in idx.iter().zip(sent_tags) {
                    tags[i] = t;
                }
            }
            // Re-link I- tags across the hidden hashtag glue (the tagger never saw it).
            for i in 1..tokens.len() {
                if tags[i].is_inside()
                    && tags[i - 1] == Tag::O
                    && is_hashtag_glue(tokens[i - 1].text(text))
                {
                    tags[i - 1] = tags[i];
                }
            }
            TaggedParagraph {
                text,
                tokens,
                tags,
                hashtags: find_hashtags(text),
            }
        })
        .collect()
}
