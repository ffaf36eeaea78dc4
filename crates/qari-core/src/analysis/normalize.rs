//! Arabic orthographic normalisation and clitic splitting shared by the tagger and the rules.

use crate::arabic::FoldOptions;

pub use crate::arabic::is_ignorable;

/// Maps one char to its comparison form for names (the shared folding table with alef
/// maqsura and ta marbuta folded, case kept). Returns `None` for chars that are dropped.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    if keeps_itself(c) {
        return Some(c);
    }
    crate::arabic::fold_char(c, FoldOptions::NAMES)
}

/// A quick yes for the chars the names folding leaves as they are: ASCII (case is kept) and
/// the Arabic letters other than the hamza alefs, alef maqsura and ta marbuta. Other chars
/// go through the whole table.
#[inline]
fn keeps_itself(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
            && !matches!(c, 'أ' | 'إ' | 'آ' | 'ى' | 'ة')
}

/// The comparison form of a word or phrase: folded chars, runs of spaces and underscores
/// collapsed to one space. Two surface forms of one name compare equal after this.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// [`normalize`] into a caller's buffer (cleared first), so a loop over many words can reuse
/// one allocation.
pub fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    // Runs of chars that fold to themselves are copied as slices, not char by char.
    let mut run = 0;
    for (i, c) in text.char_indices() {
        // Most chars are letters kept as they are: no whitespace test for them.
        if keeps_itself(c) && !c.is_ascii_whitespace() && c != '_' {
            continue;
        }
        let blank = c.is_whitespace() || c == '_';
        let folded = if blank { None } else { fold_char(c) };
        if folded == Some(c) {
            continue;
        }
        if let Some(kept) = text.get(run..i).filter(|r| !r.is_empty()) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(kept);
        }
        run = i + c.len_utf8();
        if blank {
            space = !out.is_empty();
        } else if let Some(f) = folded {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(f);
        }
    }
    if let Some(kept) = text.get(run..).filter(|r| !r.is_empty()) {
        if space {
            out.push(' ');
        }
        out.push_str(kept);
    }
}

/// Appends the folded chars of `text` to `out` (no space handling), copying runs of chars
/// that fold to themselves as slices.
fn fold_into(text: &str, out: &mut String) {
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let folded = fold_char(c);
        if folded == Some(c) {
            continue;
        }
        out.push_str(text.get(run..i).unwrap_or_default());
        run = i + c.len_utf8();
        if let Some(f) = folded {
            out.push(f);
        }
    }
    out.push_str(text.get(run..).unwrap_or_default());
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
    let c = proclitics(word);
    let with_article = c.with_article(word);
    let definite = c.definite || with_article.starts_with("ال") && c.letters - c.pos >= 4;
    let bare = match with_article.strip_prefix("ال") {
        Some(rest) if definite => rest.to_string(),
        _ => with_article.clone(),
    };
    Split {
        clitic_chars: c.clitic_chars,
        with_article,
        bare,
        definite,
        clitics: c.clitics.iter().take(c.pos).collect(),
    }
}

/// [`split_clitics`]`(word).with_article` alone, without building the other forms.
pub fn with_article(word: &str) -> String {
    proclitics(word).with_article(word)
}

/// What [`split_clitics`] decides from a word's first letters.
struct Proclitics {
    /// Letters (folded chars) of the word.
    letters: usize,
    /// Letters that are clitics (0 to 2).
    pos: usize,
    /// The clitic letters, folded (the first `pos`).
    clitics: [char; 2],
    /// Whether ل + ال was written لل.
    definite: bool,
    /// Chars of the original word up to the first letter after the clitics.
    clitic_chars: usize,
    /// Byte of the original word where the first letter after the clitics starts.
    rest_byte: usize,
}

impl Proclitics {
    /// The normalised word after the clitics, article kept (restored after لل).
    fn with_article(&self, word: &str) -> String {
        let mut out = String::with_capacity(word.len() + 2);
        if self.definite {
            out.push('ا');
        }
        fold_into(word.get(self.rest_byte..).unwrap_or_default(), &mut out);
        out
    }
}

fn proclitics(word: &str) -> Proclitics {
    // One pass for the first folded letters (with their index in the original word) and the
    // count; the decision only looks at the first four. Called for most tokens by several
    // stages, so it allocates nothing itself.
    // (char index, byte index, folded letter) of the first four letters.
    let mut head = [(0usize, 0usize, '\0'); 4];
    let mut n = 0usize;
    for (i, (b, c)) in word.char_indices().enumerate() {
        if let Some(f) = fold_char(c) {
            if let Some(slot) = head.get_mut(n) {
                *slot = (i, b, f);
            }
            n += 1;
        }
    }
    let letter = |p: usize| head.get(p).map_or('\0', |&(_, _, c)| c);
    let mut pos = 0usize;
    let mut clitics = ['\0'; 2];
    let remaining = |p: usize| n.saturating_sub(p);
    if pos < n && matches!(letter(pos), 'و' | 'ف') && remaining(pos + 1) >= 3 {
        clitics[pos] = letter(pos);
        pos += 1;
    }
    let mut definite = false;
    if pos + 1 < n && letter(pos) == 'ل' && letter(pos + 1) == 'ل' && remaining(pos + 2) >= 2 {
        // لل = ل + ال: the article's alef is elided.
        clitics[pos] = 'ل';
        pos += 1;
        definite = true;
    } else if pos < n && matches!(letter(pos), 'ب' | 'ل' | 'ك') && remaining(pos + 1) >= 3 {
        let after_is_article = pos + 2 < n && letter(pos + 1) == 'ا' && letter(pos + 2) == 'ل';
        // Without a following article a leading ب/ل/ك is usually part of the stem
        // (بيروت, لبنان, كندا); only treat it as a clitic before the article.
        if after_is_article {
            clitics[pos] = letter(pos);
            pos += 1;
        }
    }
    let (clitic_chars, rest_byte) = if pos == 0 {
        (0, 0)
    } else if pos < n {
        head.get(pos).map_or((0, 0), |&(i, b, _)| (i, b))
    } else {
        (word.chars().count(), word.len())
    };
    Proclitics {
        letters: n,
        pos,
        clitics,
        definite,
        clitic_chars,
        rest_byte,
    }
}

/// Strips a conjunction/preposition clitic *without* requiring an article after ب/ل/ك
/// (e.g. "بموسكو" → "موسكو", "لروسيا" → "روسيا"). Returns (chars removed, rest normalised)
/// candidates from the longest strip to none; callers keep the first the lexicon knows.
pub fn clitic_candidates(word: &str) -> Vec<(usize, String)> {
    let mut out = Vec::with_capacity(3);
    let mut push = |skip: usize| {
        let from = word.char_indices().nth(skip).map_or(word.len(), |(b, _)| b);
        let n = normalize(word.get(from..).unwrap_or_default());
        if n.chars().nth(1).is_some() {
            out.push((skip, n));
        }
    };
    let mut chars = word.chars();
    let first = chars.next();
    let second = chars.next();
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
    fn clitic_length_counts_the_original_chars() {
        // The haraka on the conjunction is part of the clitic in the surface form.
        let s = split_clitics("وَالكرملين");
        assert_eq!(s.clitic_chars, 2);
        assert_eq!(s.clitics, "و");
        assert_eq!(s.bare, "كرملين");
        // Too short to strip: the word stays whole.
        let s = split_clitics("ولد");
        assert_eq!((s.clitic_chars, s.with_article.as_str()), (0, "ولد"));
        let s = split_clitics("بالعراق");
        assert_eq!((s.clitic_chars, s.bare.as_str()), (1, "عراق"));
    }

    #[test]
    fn the_quick_path_agrees_with_the_folding_table() {
        for c in ('\0'..='\u{0800}').chain(['\u{200F}', '\u{FEFF}', 'ک', 'ی']) {
            assert_eq!(
                fold_char(c),
                crate::arabic::fold_char(c, FoldOptions::NAMES),
                "{c:?}"
            );
        }
    }

    #[test]
    fn with_article_is_the_split_form() {
        for w in [
            "والكرملين",
            "للأمم",
            "بيروت",
            "وموسكو",
            "فالنسيا",
            "ولد",
            "كالعادة",
            "وَلِلْ",
        ] {
            assert_eq!(with_article(w), split_clitics(w).with_article, "{w}");
        }
    }

    #[test]
    fn normalize_into_reuses_the_buffer() {
        let mut buf = String::from("old");
        normalize_into("  الولايات__المتحدة ", &mut buf);
        assert_eq!(buf, "الولايات المتحده");
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
