//! Reorders a short one-line string so egui's own widgets show mixed or Arabic text correctly.
//!
//! egui shapes each word with harfrust (so an Arabic word comes out right) but places words
//! left to right with no bidi. Handing it the words of each right-to-left run in reverse
//! order, runs in visual order, makes a one-line label read correctly. Wrapped text must
//! go through the RTL text path instead.

use unicode_bidi::BidiInfo;

/// The string with its bidi runs in visual order and the words of right-to-left runs reversed.
///
/// Text without right-to-left characters is returned unchanged.
pub fn visual(text: &str) -> String {
    if !text.chars().any(is_rtl_char) {
        return text.to_string();
    }
    let info = BidiInfo::new(text, None);
    let Some(para) = info.paragraphs.first() else {
        return text.to_string();
    };
    let line = para.range.clone();
    let (levels, runs) = info.visual_runs(para, line);
    let mut out = String::with_capacity(text.len());
    for run in runs {
        let Some(&level) = levels.get(run.start) else {
            continue;
        };
        let piece = &text[run];
        if level.is_rtl() {
            out.push_str(&reverse_words(piece));
        } else {
            out.push_str(piece);
        }
    }
    out
}

/// Words (split at spaces) in reverse order; the spaces between them are kept.
fn reverse_words(piece: &str) -> String {
    let mut parts: Vec<&str> = piece.split_inclusive(' ').collect();
    parts.reverse();
    let mut out = String::with_capacity(piece.len());
    for p in parts {
        // A trailing space moves to the front of its word when the order flips.
        match p.strip_suffix(' ') {
            Some(word) => {
                out.push(' ');
                out.push_str(word);
            }
            None => out.push_str(p),
        }
    }
    out
}

fn is_rtl_char(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_is_unchanged() {
        assert_eq!(visual("Open by path…"), "Open by path…");
    }

    #[test]
    fn arabic_words_are_reversed() {
        assert_eq!(visual("الشريط الجانبي"), "الجانبي الشريط");
        assert_eq!(visual("تسطير الأسماء في النص"), "النص في الأسماء تسطير");
    }

    #[test]
    fn numbers_keep_their_place_on_the_left_of_what_follows() {
        // Logical "الفقرة 3" reads right to left: the number is the leftmost thing.
        assert_eq!(visual("الفقرة 3"), "3 الفقرة");
    }
}
