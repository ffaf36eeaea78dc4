//! Date expressions: weekdays, Gregorian months (Egyptian, Levantine and Maghrebi names),
//! Hijri months and years (هـ), numeric dates and years.

use crate::analysis::normalize::{Split, normalize, split_clitics, with_article};
use crate::analysis::tokens::{Token, TokenKind};

/// Weekday names without the article (normalised).
const WEEKDAYS: &[&str] = &["احد", "اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه", "سبت"];

/// Month names that are not ordinary words: they are dates on their own.
const MONTHS_SAFE: &[&str] = &[
    "يناير",
    "فبراير",
    "ابريل",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "شباط",
    "نيسان",
    "حزيران",
    "ايلول",
    "جانفي",
    "فيفري",
    "افريل",
    "جوان",
    "جويليه",
    "اوت",
    "محرم",
    "شوال",
    "جمادي",
];

/// Month names that are also ordinary words or personal names (مارس "practised", رمضان,
/// صفر "zero", رجب …): dates only next to a day number, a year, or after "شهر".
const MONTHS_AMBIGUOUS: &[&str] = &[
    "مارس",
    "مايو",
    "اذار",
    "ايار",
    "تموز",
    "اب",
    "ماي",
    "صفر",
    "رجب",
    "شعبان",
    "رمضان",
];

/// Two-word month names: first word → accepted second words.
const MONTHS_TWO_WORD: &[(&str, &[&str])] = &[
    ("كانون", &["الثاني", "الاول"]),
    ("تشرين", &["الثاني", "الاول"]),
    ("ربيع", &["الاول", "الثاني", "الاخر"]),
    (
        "جمادي",
        &["الاولي", "الاخره", "الثانيه", "الاول", "الثاني", "الاخر"],
    ),
    ("ذو", &["القعده", "الحجه"]),
    ("ذي", &["القعده", "الحجه"]),
];

/// Words that make a following 4-digit number a year.
const YEAR_CUES: &[&str] = &[
    "عام",
    "العام",
    "سنه",
    "السنه",
    "منذ",
    "حتي",
    "مطلع",
    "نهايه",
    "اواخر",
    "اوائل",
    "خلال",
    "موسم",
];

/// A date mention: char span in the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpan {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// First token index.
    pub first_token: usize,
    /// One past the last token index.
    pub last_token: usize,
}

fn is_year(n: &str) -> bool {
    n.len() == 4 && n.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

fn is_day(n: &str) -> bool {
    n.len() <= 2 && n.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Hijri/Gregorian era letters after a year: هـ, ه, م.
fn is_era(w: &str) -> bool {
    matches!(w, "ه" | "م" | "هـ")
}

/// `(forms normalised, ambiguous?)` → month match length in tokens starting at `i`.
fn month_at(norms: &[String], words: &[bool], i: usize) -> Option<(usize, bool)> {
    let w = norms.get(i)?;
    let bare = with_article(w);
    let bare = bare.strip_prefix("ال").unwrap_or(&bare);
    for (first, seconds) in MONTHS_TWO_WORD {
        if (w == first || bare == *first)
            && let Some(next) = norms.get(i + 1)
            && words.get(i + 1).copied().unwrap_or(false)
            && seconds.contains(&next.as_str())
        {
            return Some((2, false));
        }
    }
    if MONTHS_SAFE.contains(&w.as_str()) || MONTHS_SAFE.contains(&bare) {
        return Some((1, false));
    }
    if MONTHS_AMBIGUOUS.contains(&w.as_str()) || MONTHS_AMBIGUOUS.contains(&bare) {
        return Some((1, true));
    }
    None
}

/// Finds the date expressions of a paragraph over its tokens.
pub fn find_dates(paragraph: &str, tokens: &[Token]) -> Vec<DateSpan> {
    let norms: Vec<String> = tokens
        .iter()
        .map(|t| normalize(t.text(paragraph)))
        .collect();
    let words: Vec<bool> = tokens.iter().map(|t| t.kind != TokenKind::Punct).collect();
    let mut out: Vec<DateSpan> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i; // exclusive end of the expression in tokens
        let mut ok = false;
        let w = &norms[i];
        // The split form without clitics and article ends the normalised word: only a word
        // ending with a weekday's name is split.
        let split = if WEEKDAYS.iter().any(|d| w.ends_with(d)) {
            split_clitics(tokens[i].text(paragraph))
        } else {
            Split::default()
        };
        // Weekday: must be definite ("الخميس") or after "يوم", since "أحد" is also "one".
        let prev_is_day_word = i > 0 && matches!(norms[i - 1].as_str(), "يوم" | "ويوم" | "اليوم");
        if WEEKDAYS.contains(&split.bare.as_str()) && (split.definite || prev_is_day_word) {
            // "الاثنين" is also "both": accept it only with a date cue around it.
            let both = split.bare == "اثنين" && !prev_is_day_word;
            let next_is_date = norms
                .get(i + 1)
                .is_some_and(|n| is_day(n) || month_at(&norms, &words, i + 1).is_some());
            if !both || next_is_date {
                ok = true;
                j = i + 1;
            }
        }
        // [day] month [year [era]]
        let (day_start, after_day) = if tokens[i].kind == TokenKind::Number && is_day(w) {
            (true, i + 1)
        } else {
            (false, i)
        };
        let month_from = if ok { j } else { after_day };
        if let Some((len, ambiguous)) = month_at(&norms, &words, month_from) {
            let mut k = month_from + len;
            // Parenthesised or slashed alternative names: "أبريل/نيسان".
            if norms.get(k).is_some_and(|p| p == "/")
                && let Some((len2, _)) = month_at(&norms, &words, k + 1)
            {
                k += 1 + len2;
            }
            let year_after = norms.get(k).is_some_and(|n| is_year(n));
            let shahr =
                month_from > 0 && matches!(norms[month_from - 1].as_str(), "شهر" | "وشهر" | "بشهر");
            // After a weekday ("الخميس مارس") an ambiguous name still needs a number.
            if !ambiguous || year_after || day_start || shahr {
                ok = true;
                j = k;
                if year_after {
                    j = k + 1;
                    if norms.get(j).is_some_and(|e| is_era(e)) {
                        j += 1;
                    }
                }
            }
        }
        if !ok {
            // Years: "1439 هـ", "1439هـ", "عام 2018", "في 2018".
            let glued_era = match (w.get(..4), w.get(4..)) {
                (Some(d), Some(e)) => is_year(d) && is_era(e),
                _ => false,
            };
            if glued_era {
                ok = true;
                j = i + 1;
            } else if tokens[i].kind == TokenKind::Number && is_year(w) {
                let era_next = norms.get(i + 1).is_some_and(|e| is_era(e));
                let cue_before = i > 0 && {
                    let p = split_clitics(tokens[i - 1].text(paragraph));
                    YEAR_CUES.contains(&norms[i - 1].as_str())
                        || YEAR_CUES.contains(&p.with_article.as_str())
                        || norms[i - 1] == "في"
                };
                if era_next || cue_before {
                    ok = true;
                    j = i + 1 + usize::from(era_next);
                }
            } else if tokens[i].kind == TokenKind::Number {
                // Numeric dates: 12/4/2018, 2018-04-12, 12.4.2018.
                let mut k = i;
                let mut parts = 1;
                while k + 2 < tokens.len()
                    && matches!(norms[k + 1].as_str(), "/" | "-" | ".")
                    && tokens[k + 2].kind == TokenKind::Number
                    && tokens[k + 1].start == tokens[k].end
                    && tokens[k + 2].start == tokens[k + 1].end
                    && parts < 3
                {
                    k += 2;
                    parts += 1;
                }
                if parts == 3 {
                    let a = &norms[i];
                    let c = &norms[k];
                    let plausible = (is_day(a) && (c.len() == 4 || c.len() == 2)) || is_year(a);
                    if plausible {
                        ok = true;
                        j = k + 1;
                    }
                }
            }
        }
        if ok && j > i {
            out.push(DateSpan {
                start: tokens[i].start,
                end: tokens[j - 1].end,
                first_token: i,
                last_token: j,
            });
            i = j;
        } else {
            i += 1;
        }
    }
    // The mention covers the date, not a leading conjunction/preposition ("والخميس").
    for d in &mut out {
        let first = &tokens[d.first_token];
        let s = split_clitics(first.text(paragraph));
        let whole = &norms[d.first_token];
        // "فبراير" starts with ف but is a month as it stands.
        let known_whole = MONTHS_SAFE.contains(&whole.as_str())
            || MONTHS_AMBIGUOUS.contains(&whole.as_str())
            || MONTHS_TWO_WORD.iter().any(|(f, _)| f == whole);
        if s.clitic_chars > 0 && first.kind == TokenKind::Word && !known_whole {
            d.start = first.start + s.clitic_chars;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    fn dates(p: &str) -> Vec<String> {
        let t = tokenize(p);
        find_dates(p, &t)
            .iter()
            .map(|d| p.chars().skip(d.start).take(d.end - d.start).collect())
            .collect()
    }

    #[test]
    fn weekdays_need_the_article() {
        assert_eq!(dates("وصل الخميس إلى أحد المطارات"), ["الخميس"]);
        assert_eq!(dates("يوم السبت"), ["السبت"]);
        assert!(dates("شارك الاثنان في السباق").is_empty());
    }

    #[test]
    fn months_in_both_naming_systems() {
        assert_eq!(dates("في 12 أبريل 2018 وصل"), ["12 أبريل 2018"]);
        assert_eq!(dates("منذ كانون الثاني الماضي"), ["كانون الثاني"]);
        assert_eq!(dates("في 3 تموز 2019"), ["3 تموز 2019"]);
        assert_eq!(dates("في شهر مارس"), ["مارس"]);
        assert!(dates("مارس ضغوطا كبيرة").is_empty());
    }

    #[test]
    fn hijri_and_years() {
        assert_eq!(dates("في 15 رمضان 1439 هـ"), ["15 رمضان 1439 هـ"]);
        assert_eq!(dates("عام 1439هـ"), ["1439هـ"]);
        assert_eq!(dates("منذ عام 2011 حتى"), ["2011"]);
        assert!(dates("قتل 2011 شخصا").is_empty());
    }

    #[test]
    fn numeric_dates_and_clitics() {
        assert_eq!(dates("بتاريخ 12/4/2018 أعلن"), ["12/4/2018"]);
        assert_eq!(dates("وصل والخميس"), ["الخميس"]);
    }
}
