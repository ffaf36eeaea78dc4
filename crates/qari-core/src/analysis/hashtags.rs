//! Hashtags (`#سوريا`, `#الولايات_المتحدة`) found in paragraph text.
//!
//! Rule: every hashtag is listed as an entity of kind `hashtag` named by its full text
//! (`#الولايات_المتحدة`). Its words (underscores read as spaces) are also tagged like any
//! other text, so `#سوريا` is in addition a mention of the place سوريا, covering the chars
//! after the `#` (the mention text is `سوريا`, or `الولايات_المتحدة` for a joined name).

use crate::analysis::normalize::is_ignorable;

/// A hashtag: char span including the `#`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashtagSpan {
    /// Char index of the `#`.
    pub start: usize,
    /// One past the last char of the tag.
    pub end: usize,
    /// The tag text including `#`.
    pub text: String,
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_ignorable(c) && !matches!(c, '\u{200E}' | '\u{200F}')
}

/// Finds the hashtags of a paragraph: `#` (or the full-width `＃`) followed by letters,
/// digits, diacritics and underscores, not preceded by a letter (so `C#` is not one).
/// Trailing underscores are not part of the tag; a tag of digits only is not a hashtag.
pub fn find_hashtags(paragraph: &str) -> Vec<HashtagSpan> {
    // Most paragraphs have no hashtag: skip the char copy for them.
    if !paragraph.contains(['#', '＃']) {
        return Vec::new();
    }
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '#' || c == '＃') && !(i > 0 && chars[i - 1].is_alphanumeric()) {
            let mut j = i + 1;
            while j < chars.len() && is_tag_char(chars[j]) {
                j += 1;
            }
            while j > i + 1 && chars[j - 1] == '_' {
                j -= 1;
            }
            let body = &chars[i + 1..j];
            if body.iter().any(|c| c.is_alphabetic()) {
                out.push(HashtagSpan {
                    start: i,
                    end: j,
                    text: chars[i..j].iter().collect(),
                });
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_arabic_hashtags_with_underscores() {
        let h = find_hashtags("حذر #الكرملين من #الولايات_المتحدة_ و#2018 وC#");
        let texts: Vec<&str> = h.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts, ["#الكرملين", "#الولايات_المتحدة"]);
        assert_eq!(h[0].start, 4);
        assert_eq!(h[0].end, 13);
    }
}
