//! Letters as a PDF font's map gives them, turned into the letters a reader types: presentation forms folded.

use unicode_normalization::UnicodeNormalization;

/// Whether `c` is an Arabic presentation form (Forms-A U+FB50–U+FDFF or Forms-B U+FE70–U+FEFF).
pub(crate) fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{fefe}')
}

/// Folds presentation forms to the letters they show (NFKC on that block only, so a lam-alef
/// ligature gives lam then alef), then puts marks in canonical order (NFC: a font may draw the
/// kasra before the shadda the writer typed after it). A tatweel in the text layer was typed
/// ("لـ6", "اليـــوم") and stays; the kashidas of a justified line are dropped before this.
pub(crate) fn fold_letters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_presentation_form(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_forms_become_letters() {
        // Isolated, final and initial forms, and the lam-alef ligature.
        assert_eq!(fold_letters("\u{fe8d}\u{fee0}\u{fed4}\u{fe92}"), "الفب");
        assert_eq!(fold_letters("\u{fefb}"), "لا");
        assert_eq!(fold_letters("لـ6 اليـــوم"), "لـ6 اليـــوم");
        // Shadda then kasra, or kasra then shadda: the same text.
        assert_eq!(
            fold_letters("يوق\u{651}\u{650}ع"),
            fold_letters("يوق\u{650}\u{651}ع")
        );
        // Letters outside the blocks stay as they are, Latin compatibility forms too.
        assert_eq!(fold_letters("ﬁ ١٢ x²"), "ﬁ ١٢ x²");
    }
}
