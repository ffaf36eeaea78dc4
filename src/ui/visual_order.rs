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
    let isolated = isolate_latin(text);
    let text = isolated.as_str();
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
    out.retain(|c| !is_isolate(c));
    out
}

/// Wraps each Latin token (a shortcut such as "Ctrl++", a file name, a number) in a
/// left-to-right isolate, without the brackets and punctuation around it, so the
/// neutrals inside it stay with it and the brackets take the sentence's direction.
fn isolate_latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let core_start = word.find(|c: char| !is_wrapper(c)).unwrap_or(word.len());
        let core_end = word
            .rfind(|c: char| !is_wrapper(c))
            .map_or(core_start, |e| {
                e + word[e..].chars().next().map_or(1, char::len_utf8)
            });
        let core = &word[core_start..core_end.max(core_start)];
        let latin = !core.is_empty()
            && core.chars().any(|c| c.is_ascii_alphanumeric())
            && !core.chars().any(is_rtl_char);
        if latin {
            out.push_str(&word[..core_start]);
            out.push('\u{2066}');
            out.push_str(core);
            out.push('\u{2069}');
            out.push_str(&word[core_end..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Brackets and sentence punctuation that belong to the sentence, not to a Latin token.
fn is_wrapper(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '«'
            | '»'
            | ':'
            | '،'
            | '؛'
            | '؟'
            | ','
            | '.'
            | '…'
            | '!'
    )
}

/// The isolate controls added by `isolate_latin`, removed before painting.
fn is_isolate(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}')
}

/// A right-to-left run in visual order for a left-to-right painter: words (letters, marks
/// and digits, kept in logical order for the shaper) and every other char (spaces,
/// punctuation) in reverse order, with paired punctuation mirrored as bidi requires, so
/// "فتح بالمسار…" puts the ellipsis at the left end and "(Ctrl)" keeps its brackets facing in.
fn reverse_words(piece: &str) -> String {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in piece.chars() {
        // Marks, tatweel and joiners stay with their letter. Arabic punctuation (، ؛ ؟) too:
        // egui shapes it in one right-to-left run with the word it touches, which puts it on
        // the word's left by itself — reversed here as well, it would land on the right.
        if c.is_alphanumeric() || crate::arabic::is_ignorable(c) || is_arabic_punctuation(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
        tokens.push(mirror(c).to_string());
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens.reverse();
    tokens.concat()
}

/// The bidi mirror of paired punctuation (shown at a right-to-left level).
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => c,
    }
}

/// Punctuation of the Arabic block, which egui's shaping keeps in the Arabic script run.
fn is_arabic_punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}'
    )
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
    fn a_trailing_ellipsis_ends_up_at_the_left_end() {
        assert_eq!(visual("فتح بالمسار…"), "…بالمسار فتح");
        assert_eq!(visual("الإعدادات..."), "...الإعدادات");
    }

    #[test]
    fn brackets_around_latin_face_inwards() {
        // Logical "تكبير النص (Ctrl++)": the bracketed shortcut is the leftmost thing.
        assert_eq!(visual("تكبير النص (Ctrl++)"), "(Ctrl++) النص تكبير");
        assert_eq!(visual("فتح مستند (Ctrl+O)"), "(Ctrl+O) مستند فتح");
    }

    #[test]
    fn punctuation_after_a_word_goes_to_its_left() {
        assert_eq!(visual("المسار:"), ":المسار");
        // Arabic commas stay glued after their word: egui's right-to-left shaping of that
        // word puts the comma on its left.
        assert_eq!(visual("نعم، لا"), "لا نعم،");
        assert_eq!(
            visual("تعذّرت قراءة الإعدادات المحفوظة، فاستُعملت"),
            "فاستُعملت المحفوظة، الإعدادات قراءة تعذّرت"
        );
    }

    #[test]
    fn numbers_keep_their_place_on_the_left_of_what_follows() {
        // Logical "الفقرة 3" reads right to left: the number is the leftmost thing.
        assert_eq!(visual("الفقرة 3"), "3 الفقرة");
    }
}
