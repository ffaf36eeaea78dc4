//! Reads scraper output: one article object, an array of them, a wrapper object, or JSON lines.

use serde_json::{Map, Value};

use super::html::{HtmlMode, extract};
use super::model::{Direction, Document, Section};
use super::text_buf::collapse;
use super::warning::Warning;

/// Keys holding the article title, in order of preference (matched ignoring case).
const TITLE_KEYS: [&str; 4] = ["title", "headline", "name", "heading"];
/// Keys holding the article body, in order of preference (matched ignoring case).
const BODY_KEYS: [&str; 6] = [
    "content",
    "body",
    "text",
    "articlebody",
    "article",
    "paragraphs",
];
/// Keys of wrapper objects that hold a list of articles.
const LIST_KEYS: [&str; 8] = [
    "articles",
    "items",
    "data",
    "results",
    "posts",
    "entries",
    "docs",
    "documents",
];
/// How deep wrappers are searched for articles.
const MAX_WRAPPER_DEPTH: usize = 4;

/// Why JSON text gave no articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Neither one JSON value nor JSON lines; holds the parser's message.
    Syntax(String),
    /// Valid JSON, but nothing with a title or body field.
    NoArticle,
}

/// Parses scraper JSON into one document per article, in file order.
///
/// Accepts an object with a title field (`title`/`headline`/`name`) and a body field
/// (`content`/`body`/`text`; a string whose lines are paragraphs, HTML, or an array of
/// strings), an array of such objects, an object wrapping such an array
/// (`articles`, `items`, `data`…), or one such object per line (JSON lines).
pub fn parse_json(text: &str) -> Result<Vec<Document>, JsonError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut articles = Vec::new();
    match serde_json::from_str::<Value>(text) {
        Ok(value) => collect(&value, 0, &mut articles),
        Err(whole) => {
            let mut parsed_any = false;
            let mut bad_lines = 0usize;
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                match serde_json::from_str::<Value>(line) {
                    Ok(value) if value.is_object() => {
                        parsed_any = true;
                        collect(&value, 0, &mut articles);
                    }
                    Ok(_) => {}
                    Err(_) => bad_lines += 1,
                }
            }
            if !parsed_any {
                return Err(JsonError::Syntax(whole.to_string()));
            }
            if bad_lines > 0
                && let Some(first) = articles.first_mut()
            {
                first
                    .warnings
                    .push(Warning::InvalidJsonLines { count: bad_lines });
            }
        }
    }
    if articles.is_empty() {
        Err(JsonError::NoArticle)
    } else {
        Ok(articles)
    }
}

fn collect(value: &Value, depth: usize, out: &mut Vec<Document>) {
    if depth > MAX_WRAPPER_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect(item, depth + 1, out);
            }
        }
        Value::Object(map) => {
            if let Some(doc) = article(map) {
                out.push(doc);
                return;
            }
            for key in LIST_KEYS {
                if let Some(inner) = get(map, key) {
                    collect(inner, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// The value under `key`, matched ignoring ASCII case and `_`/`-`.
fn get<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.get(key).or_else(|| {
        map.iter()
            .find(|(k, _)| normalize_key(k) == key)
            .map(|(_, v)| v)
    })
}

fn normalize_key(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn article(map: &Map<String, Value>) -> Option<Document> {
    let title = TITLE_KEYS
        .iter()
        .find_map(|k| get(map, k).and_then(Value::as_str))
        .map(collapse);
    let body = BODY_KEYS
        .iter()
        .find_map(|k| get(map, k).filter(|v| !v.is_null()));
    if title.is_none() && body.is_none() {
        return None;
    }
    let mut doc = Document {
        title: title.unwrap_or_default(),
        ..Document::default()
    };
    let mut paragraphs = Vec::new();
    match body {
        Some(Value::String(s)) => body_text(s, &mut paragraphs, &mut doc),
        Some(Value::Array(items)) => {
            for item in items {
                match item {
                    Value::String(s) => body_text(s, &mut paragraphs, &mut doc),
                    Value::Object(inner) => {
                        if let Some(s) = ["text", "content", "body"]
                            .iter()
                            .find_map(|k| get(inner, k).and_then(Value::as_str))
                        {
                            body_text(s, &mut paragraphs, &mut doc);
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    doc.sections = vec![Section {
        heading: None,
        paragraphs,
    }];
    if doc.title.is_empty() {
        // No title field: the first paragraph is the title, as in a text file.
        if let Some(first) = doc.sections.iter_mut().find(|s| !s.paragraphs.is_empty()) {
            doc.title = first.paragraphs.remove(0);
        }
    }
    doc.language = ["language", "lang", "inlanguage"]
        .iter()
        .find_map(|k| get(map, k).and_then(Value::as_str))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string);
    if doc.direction.is_none() {
        doc.direction = doc.language.as_deref().and_then(direction_of_language);
    }
    Some(doc)
}

/// Adds a body string: HTML goes through the page extractor, plain text splits at line breaks.
fn body_text(s: &str, paragraphs: &mut Vec<String>, doc: &mut Document) {
    if looks_like_html(s) {
        let fragment = extract(s, HtmlMode::Whole);
        if doc.direction.is_none() {
            doc.direction = fragment.direction;
        }
        let mut sections = fragment.sections.into_iter();
        if let Some(first) = sections.next() {
            if let Some(h) = first.heading {
                paragraphs.push(h);
            }
            paragraphs.extend(first.paragraphs);
        }
        for section in sections {
            paragraphs.extend(section.heading);
            paragraphs.extend(section.paragraphs);
        }
        return;
    }
    paragraphs.extend(s.lines().map(collapse).filter(|p| !p.is_empty()));
}

fn looks_like_html(s: &str) -> bool {
    ["<p>", "<p ", "</p>", "<br", "<div", "</h"]
        .iter()
        .any(|t| s.contains(t))
}

/// Right-to-left for the languages written in Arabic or Hebrew script.
fn direction_of_language(tag: &str) -> Option<Direction> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "ar" | "fa" | "ur" | "he" | "ps" | "sd" | "ug" | "yi" | "dv" | "ckb" | "ku" => {
            Some(Direction::Rtl)
        }
        _ => Some(Direction::Ltr),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object_with_newlines() {
        let docs = parse_json(r#"{"title":"ع","content":"أ.\nب.\n\n","lang":"ar"}"#);
        let docs = docs.unwrap_or_default();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].title, "ع");
        assert_eq!(docs[0].paragraph_count(), 2);
        assert_eq!(docs[0].direction, Some(Direction::Rtl));
    }

    #[test]
    fn json_lines_and_arrays() {
        let lines =
            "{\"headline\":\"a\",\"body\":[\"x\",\"y\"]}\n{\"name\":\"b\",\"text\":\"z\"}\n";
        assert_eq!(parse_json(lines).map(|d| d.len()), Ok(2));
        assert_eq!(
            parse_json("[1, 2]").map(|d| d.len()),
            Err(JsonError::NoArticle)
        );
        assert!(matches!(parse_json("{"), Err(JsonError::Syntax(_))));
    }
}
