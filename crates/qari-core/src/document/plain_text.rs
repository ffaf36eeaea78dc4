//! Turns decoded plain text into a `Document`: title line, then paragraphs.

use super::model::Document;

/// The separator scrapers leave between paragraphs flattened onto one line.
const SCRAPED_JOIN: &str = ".,";

/// A first line longer than this (in chars) is an article without a title line.
const TITLE_MAX: usize = 200;

/// A title cut from such a line keeps at most this many words.
const TITLE_WORDS: usize = 12;

/// Parses plain text: the first non-empty line is the title, every further
/// non-empty line a paragraph. A line holding several paragraphs joined by
/// `.,` (the scraped form) is split there, each part keeping its full stop.
///
/// A first line too long to be a title (the whole article on one line, as scrapers
/// leave it) gives its first sentence as the title and the rest as paragraphs; with no
/// sentence end in reach, the title is its first words and the whole line stays body text.
pub fn parse_plain_text(text: &str) -> Document {
    let mut lines = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or_default();
    let (title, body) = split_title(first);
    let paragraphs = body
        .into_iter()
        .chain(lines)
        .flat_map(split_scraped)
        .collect();
    Document::new(title, paragraphs)
}

/// The title a first line gives, and what of it is body text.
fn split_title(line: &str) -> (String, Option<&str>) {
    if line.chars().count() <= TITLE_MAX {
        return (line.to_string(), None);
    }
    let sentence_end = line
        .char_indices()
        .take(TITLE_MAX)
        .find_map(|(i, c)| matches!(c, '.' | '!' | '?' | '؟').then_some(i + c.len_utf8()));
    if let Some(end) = sentence_end.filter(|&e| line[..e].chars().count() >= 10) {
        let rest = line[end..].trim_start_matches([',', ' ']).trim();
        return (
            line[..end].trim().to_string(),
            Some(rest).filter(|r| !r.is_empty()),
        );
    }
    let words: Vec<&str> = line.split_whitespace().take(TITLE_WORDS).collect();
    (format!("{}…", words.join(" ")), Some(line))
}

/// Splits one line at every `.,` into paragraphs that keep the `.`.
fn split_scraped(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(SCRAPED_JOIN) {
        push_trimmed(&mut out, &rest[..=at]);
        rest = &rest[at + SCRAPED_JOIN.len()..];
    }
    push_trimmed(&mut out, rest);
    out
}

fn push_trimmed(out: &mut Vec<String>, part: &str) {
    let part = part.trim();
    if !part.is_empty() {
        out.push(part.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_then_lines() {
        let d = parse_plain_text("\n  عنوان \n\nفقرة أولى.\nفقرة ثانية.\n");
        assert_eq!(d.title, "عنوان");
        assert_eq!(
            d.paragraphs().collect::<Vec<_>>(),
            ["فقرة أولى.", "فقرة ثانية."]
        );
    }

    #[test]
    fn scraped_line_splits_keeping_full_stop() {
        let d = parse_plain_text("T\n\nأ ب., ج د., هـ و");
        assert_eq!(d.paragraphs().collect::<Vec<_>>(), ["أ ب.", "ج د.", "هـ و"]);
    }

    #[test]
    fn a_whole_article_on_one_line_gives_its_first_sentence_as_title() {
        let sentence = "أعلنت الحكومة اليوم خطة جديدة للنقل.";
        let rest = "وقال الوزير إن الخطة ستبدأ قريبا. ".repeat(20);
        let d = parse_plain_text(&format!("{sentence} {rest}"));
        assert_eq!(d.title, sentence);
        let body: String = d.paragraphs().collect();
        assert_eq!(body, rest.trim());
    }

    #[test]
    fn a_long_line_without_sentence_end_keeps_all_its_text() {
        let line = "كلمة ".repeat(100);
        let d = parse_plain_text(&line);
        assert_eq!(d.title.split_whitespace().count(), TITLE_WORDS);
        assert!(d.title.ends_with('…'));
        assert_eq!(d.paragraphs().collect::<Vec<_>>(), [line.trim()]);
    }

    #[test]
    fn empty_text_gives_empty_document() {
        let d = parse_plain_text("");
        assert_eq!(d.title, "");
        assert_eq!(d.paragraph_count(), 0);
    }
}
