//! Finding text the way Arabic readers expect: harakat and tatweel ignored, alef forms folded,
//! optionally ى/ي and ة/ه folded; matches map back to the original text's char offsets.

use std::ops::Range;

use crate::arabic::fold_char;

pub use crate::arabic::FoldOptions;

/// Text in search form with, for every folded char, the original char index it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded chars.
    pub chars: Vec<char>,
    /// `origin[i]` is the index in the original text of `chars[i]`.
    pub origin: Vec<usize>,
    /// Length of the original text in chars.
    pub len: usize,
}

/// Folds a text for searching.
pub fn fold_text(text: &str, options: FoldOptions) -> Folded {
    let mut chars = Vec::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut len = 0;
    for (i, c) in text.chars().enumerate() {
        len = i + 1;
        if let Some(f) = fold_char(c, options) {
            chars.push(f);
            origin.push(i);
        }
    }
    Folded { chars, origin, len }
}

/// Every non-overlapping match of `query` in `text`, as char ranges of the original text.
///
/// A match ends after any marks that follow its last letter, so a selected match keeps them.
pub fn find_in(text: &str, query: &str, options: FoldOptions) -> Vec<Range<usize>> {
    let needle = fold_text(query.trim(), options).chars;
    if needle.is_empty() {
        return Vec::new();
    }
    let hay = fold_text(text, options);
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.chars.len() {
        if hay.chars[i..i + needle.len()] == needle[..] {
            let start = hay.origin[i];
            let end = hay.origin.get(i + needle.len()).copied().unwrap_or(hay.len);
            out.push(start..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Matches across several texts: `(text index, char range)` in reading order.
pub fn find_all<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    query: &str,
    options: FoldOptions,
) -> Vec<(usize, Range<usize>)> {
    texts
        .into_iter()
        .enumerate()
        .flat_map(|(i, t)| find_in(t, query, options).into_iter().map(move |r| (i, r)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harakat_and_tatweel_are_ignored_both_ways() {
        let text = "العمل سريعاً على مـحـو";
        assert_eq!(
            find_in(text, "سريعا", FoldOptions::default()),
            vec![(6..12)]
        );
        assert_eq!(
            find_in(text, "سَرِيعاً", FoldOptions::default()),
            vec![(6..12)]
        );
        assert_eq!(find_in(text, "محو", FoldOptions::default()), vec![(17..22)]);
    }

    #[test]
    fn alef_forms_fold_and_ya_ta_on_request() {
        assert_eq!(
            find_in("إعادة إعمار", "اعادة", FoldOptions::default()),
            vec![(0..5)]
        );
        assert!(find_in("على", "علي", FoldOptions::default()).is_empty());
        let both = FoldOptions {
            ya: true,
            ta_marbuta: true,
            ..FoldOptions::default()
        };
        assert_eq!(find_in("على", "علي", both), vec![(0..3)]);
        assert_eq!(find_in("الذكية", "الذكيه", both), vec![(0..6)]);
    }

    #[test]
    fn latin_is_case_insensitive_and_empty_query_finds_nothing() {
        assert_eq!(
            find_in("Moscow and MOSCOW", "moscow", FoldOptions::default()).len(),
            2
        );
        assert!(find_in("abc", "  ", FoldOptions::default()).is_empty());
    }
}
