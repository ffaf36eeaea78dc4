//! Arabic orthographic normalisation and clitic splitting shared by the tagger and the rules.

use crate::arabic::FoldOptions;

pub use crate::arabic::is_ignorable;

/// Maps one char to its comparison form for names (the shared folding table with alef
/// maqsura and ta marbuta folded, case kept). Returns `None` for chars that are dropped.
pub fn fold_char(c: char) -> Option<char> {
    crate::arabic::fold_char(c, FoldOptions::NAMES)
}

/// The comparison form of a word or phrase: folded chars, runs of spaces and underscores
/// collapsed to one space. Two surface forms of one name compare equal after this.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '_' {
            space = !out.is_empty();
            continue;
        }
        if let Some(f) = fold_char(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(f);
        }
    }
    out
}

/// True for letters of the Arabic script.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// A word split into proclitics (conjunction, preposition, article) and the rest.
///
/// Lengths are counted in chars of the *original* word so that spans can be cut from the
/// text; the forms are normalised.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Split {
    /// Chars of the conjunction and preposition clitics (و, ف, ب, ل, ك) in the original word.
    pub clitic_chars: usize,
    /// The normalised word after those clitics, keeping the article (e.g. "الكرملين").
    pub with_article: String,
    /// The normalised word with the article removed too (e.g. "كرملين").
    pub bare: String,
    /// Whether the word carried the article ال (including the ل+ال → لل contraction).
    pub definite: bool,
    /// The conjunction/preposition letters that were removed, normalised (e.g. "وب").
    pub clitics: String,
}

/// Splits off the proclitics a word may carry. Greedy and purely orthographic: callers that
/// need to know whether "و" in "وليد" is a clitic check the parts against a lexicon.
///
/// Rules: one conjunction (و or ف), then one preposition (ب, ل, ك), then the article ال;
/// the contraction لل (ل + ال) counts as preposition + article. A clitic is only removed
/// when at least two letters remain, so short words stay whole.
pub fn split_clitics(word: &str) -> Split {
    // Work on (original char index, folded char) so lengths map back to the surface form.
    let folded: Vec<(usize, char)> = word
        .chars()
        .enumerate()
        .filter_map(|(i, c)| fold_char(c).map(|f| (i, f)))
        .collect();
    let total_chars = word.chars().count();
    let letters: Vec<char> = folded.iter().map(|&(_, c)| c).collect();
    let mut pos = 0usize;
    let mut clitics = String::new();
    let remaining = |p: usize| letters.len().saturating_sub(p);
    if pos < letters.len() && matches!(letters[pos], 'و' | 'ف') && remaining(pos + 1) >= 3 {
        clitics.push(letters[pos]);
        pos += 1;
    }
    let mut definite = false;
    if pos + 1 < letters.len()
        && letters[pos] == 'ل'
        && letters[pos + 1] == 'ل'
        && remaining(pos + 2) >= 2
    {
        // لل = ل + ال: the article's alef is elided.
        clitics.push('ل');
        pos += 1;
        definite = true;
    } else if pos < letters.len()
        && matches!(letters[pos], 'ب' | 'ل' | 'ك')
        && remaining(pos + 1) >= 3
    {
        let after_is_article =
            pos + 2 < letters.len() && letters[pos + 1] == 'ا' && letters[pos + 2] == 'ل';
        // Without a following article a leading ب/ل/ك is usually part of the stem
        // (بيروت, لبنان, كندا); only treat it as a clitic before the article.
        if after_is_article {
            clitics.push(letters[pos]);
            pos += 1;
        }
    }
    let clitic_chars = if pos == 0 {
        0
    } else if pos < folded.len() {
        folded[pos].0
    } else {
        total_chars
    };
    let with_article: String = if definite {
        let mut s = String::from("ا");
        s.extend(letters[pos..].iter());
        s
    } else {
        letters[pos..].iter().collect()
    };
    let mut bare = with_article.clone();
    if !definite && with_article.starts_with("ال") && with_article.chars().count() >= 4 {
        definite = true;
    }
    if definite && bare.starts_with("ال") {
        bare = bare.chars().skip(2).collect();
    }
    Split {
        clitic_chars,
        with_article,
        bare,
        definite,
        clitics,
    }
}

/// Strips a conjunction/preposition clitic *without* requiring an article after ب/ل/ك
/// (e.g. "بموسكو" → "موسكو", "لروسيا" → "روسيا"). Returns (chars removed, rest normalised)
/// candidates from the longest strip to none; callers keep the first the lexicon knows.
pub fn clitic_candidates(word: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::with_capacity(4);
    let mut push = |skip: usize| {
        let rest: String = chars[skip.min(chars.len())..].iter().copied().collect();
        let n = normalize(&rest);
        if n.chars().count() >= 2 {
            out.push((skip, n));
        }
    };
    let first = chars.first().copied();
    let second = chars.get(1).copied();
    if matches!(first, Some('و' | 'ف')) && matches!(second, Some('ب' | 'ل' | 'ك')) {
        push(2);
    }
    if matches!(first, Some('و' | 'ف' | 'ب' | 'ل' | 'ك')) {
        push(1);
    }
    push(0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_hamza_and_diacritics() {
        assert_eq!(normalize("أَمِيرْكا"), "اميركا");
        assert_eq!(normalize("الرقّة"), "الرقه");
        assert_eq!(normalize("الولايات_المتحدة"), "الولايات المتحده");
    }

    #[test]
    fn splits_conjunction_and_article() {
        let s = split_clitics("والكرملين");
        assert_eq!(s.clitic_chars, 1);
        assert_eq!(s.with_article, "الكرملين");
        assert_eq!(s.bare, "كرملين");
        assert!(s.definite);
    }

    #[test]
    fn lam_lam_contraction() {
        let s = split_clitics("للأمم");
        assert_eq!(s.clitic_chars, 1);
        assert_eq!(s.with_article, "الامم");
    }

    #[test]
    fn bare_prepositions_are_candidates() {
        let c = clitic_candidates("بموسكو");
        assert!(c.contains(&(1, "موسكو".to_string())));
        let c = clitic_candidates("وموسكو");
        assert!(c.contains(&(1, "موسكو".to_string())));
    }
}
