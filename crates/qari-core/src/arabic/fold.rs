//! The one Arabic folding table: which chars are invisible to comparison and which letters
//! count as the same. Search, the entity filter and the analysis all fold through here, so a
//! word matches the same way everywhere.

/// Which optional letter pairs count as the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct FoldOptions {
    /// ى (alef maqsura) matches ي (ya).
    pub ya: bool,
    /// ة (ta marbuta) matches ه (ha).
    pub ta_marbuta: bool,
    /// Latin and other cased letters must match in case (by default case is ignored).
    pub match_case: bool,
}

impl FoldOptions {
    /// Everything folded that can be: how names and words are compared in the analysis
    /// (case kept, since the tagger's features were learned with it).
    pub const NAMES: Self = Self {
        ya: true,
        ta_marbuta: true,
        match_case: true,
    };
}

/// True for chars that carry no identity when comparing words: harakat, shadda, sukun,
/// Quranic marks, superscript alef, tatweel, and the invisible joiners and direction marks
/// (ZWNJ, ZWJ, LRM, RLM, BOM) that pasted text often carries.
#[inline]
pub fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}'
        | '\u{200C}'..='\u{200F}'
        | '\u{FEFF}')
}

/// Maps one char to its comparison form, or `None` for an ignorable char: hamza-carrying
/// alefs to bare alef, Persian letter variants to Arabic ones, Arabic-Indic digits to ASCII,
/// Arabic comma, semicolon and question mark to ASCII, and the optional folds of `options`.
#[inline]
pub fn fold_char(c: char, options: FoldOptions) -> Option<char> {
    if is_ignorable(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ی' => 'ي',
        'ى' if options.ya => 'ي',
        'ة' if options.ta_marbuta => 'ه',
        'ک' => 'ك',
        '٠'..='٩' => char::from_u32(c as u32 - 0x0660 + '0' as u32).unwrap_or(c),
        '۰'..='۹' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap_or(c),
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        _ if options.match_case => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_invisible_chars_are_dropped() {
        for c in [
            '\u{064E}', '\u{0651}', '\u{0640}', '\u{200F}', '\u{200C}', '\u{FEFF}',
        ] {
            assert_eq!(fold_char(c, FoldOptions::default()), None, "{c:?}");
        }
    }

    #[test]
    fn optional_folds_apply_only_when_asked() {
        let plain = FoldOptions::default();
        assert_eq!(fold_char('ى', plain), Some('ى'));
        assert_eq!(fold_char('ى', FoldOptions::NAMES), Some('ي'));
        assert_eq!(fold_char('ة', plain), Some('ة'));
        assert_eq!(fold_char('ة', FoldOptions::NAMES), Some('ه'));
        assert_eq!(fold_char('A', FoldOptions::NAMES), Some('A'));
        assert_eq!(fold_char('A', plain), Some('a'));
    }

    #[test]
    fn alef_forms_and_digits_always_fold() {
        for c in ['أ', 'إ', 'آ', 'ٱ'] {
            assert_eq!(fold_char(c, FoldOptions::default()), Some('ا'));
        }
        assert_eq!(fold_char('٣', FoldOptions::default()), Some('3'));
        assert_eq!(fold_char('۷', FoldOptions::default()), Some('7'));
    }
}
