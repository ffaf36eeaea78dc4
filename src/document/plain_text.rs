//! Turns decoded plain text into a `Document`: title line, then paragraphs.

use super::model::Document;

/// The separator scrapers leave between paragraphs flattened onto one line.
const SCRAPED_JOIN: &str = ".,";

/// Parses plain text: the first non-empty line is the title, every further
/// non-empty line a paragraph. A line holding several paragraphs joined by
/// `.,` (the scraped form) is split there, each part keeping its full stop.
pub fn parse_plain_text(text: &str) -> Document {
    let mut lines = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or_default().to_string();
    let paragraphs = lines.flat_map(split_scraped).collect();
    Document::new(title, paragraphs)
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
    fn empty_text_gives_empty_document() {
        let d = parse_plain_text("");
        assert_eq!(d.title, "");
        assert_eq!(d.paragraph_count(), 0);
    }
}
