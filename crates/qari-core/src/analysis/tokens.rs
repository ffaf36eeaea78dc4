//! Splits a paragraph into word, number and punctuation tokens with char and byte offsets.

use crate::analysis::normalize::is_ignorable;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script), possibly with diacritics and digits glued on.
    Word,
    /// Only digits.
    Number,
    /// One punctuation or symbol char.
    Punct,
}

/// A token of a paragraph. Offsets are chars (Unicode scalar values) and bytes, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First char of the token in the paragraph.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// First byte in the paragraph.
    pub byte_start: usize,
    /// One past the last byte.
    pub byte_end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text, cut from the paragraph it was made from.
    pub fn text<'a>(&self, paragraph: &'a str) -> &'a str {
        paragraph.get(self.byte_start..self.byte_end).unwrap_or("")
    }

    /// Length in chars.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length token (never produced by [`tokenize`]).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

fn is_word_char(c: char) -> bool {
    // Arabic letters first: `is_alphanumeric` is a slow table search outside ASCII.
    crate::analysis::normalize::is_arabic_letter(c)
        || c.is_alphanumeric()
        || is_ignorable(c) && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}')
}

/// Tokenizes a paragraph: maximal runs of letters, digits and diacritics are one token,
/// every other non-space char is a token of its own (as in ANERcorp, where punctuation is
/// split off). Direction marks and spaces separate tokens and are not tokens.
pub fn tokenize(paragraph: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(paragraph.len() / 8 + 1);
    let mut cur: Option<(usize, usize, bool)> = None; // (char start, byte start, all digits)
    let mut ci = 0usize;
    for (bi, c) in paragraph.char_indices() {
        if is_word_char(c) {
            let digit = c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c);
            match &mut cur {
                Some((_, _, all_digits)) => *all_digits &= digit,
                None => cur = Some((ci, bi, digit)),
            }
        } else {
            if let Some((s, bs, digits)) = cur.take() {
                out.push(Token {
                    start: s,
                    end: ci,
                    byte_start: bs,
                    byte_end: bi,
                    kind: if digits {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    },
                });
            }
            if !c.is_whitespace() && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}') {
                out.push(Token {
                    start: ci,
                    end: ci + 1,
                    byte_start: bi,
                    byte_end: bi + c.len_utf8(),
                    kind: TokenKind::Punct,
                });
            }
        }
        ci += 1;
    }
    if let Some((s, bs, digits)) = cur {
        out.push(Token {
            start: s,
            end: ci,
            byte_start: bs,
            byte_end: paragraph.len(),
            kind: if digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        });
    }
    out
}

/// True for punctuation that ends a sentence.
pub fn is_sentence_end(text: &str) -> bool {
    matches!(text, "." | "!" | "?" | "؟" | "…")
}

/// Splits token indices `0..tokens.len()` into sentences at sentence-final punctuation
/// (the punctuation stays with its sentence). Used for tagging and for speaker search.
pub fn sentences(tokens: &[Token], paragraph: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Punct && is_sentence_end(t.text(paragraph)) {
            // Keep "3.5" style numbers or ".," scraps together: only end when a word follows
            // or the paragraph ends.
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_chars() {
        let p = "قال: \"نعم\" 2018.";
        let t = tokenize(p);
        let texts: Vec<&str> = t.iter().map(|x| x.text(p)).collect();
        assert_eq!(texts, ["قال", ":", "\"", "نعم", "\"", "2018", "."]);
        assert_eq!(t[3].start, 6);
        assert_eq!(t[3].end, 9);
        assert_eq!(t[5].kind, TokenKind::Number);
    }

    #[test]
    fn diacritics_stay_in_word() {
        let p = "نُفِّذ بـ";
        let t = tokenize(p);
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].text(p), "بـ");
    }
}
