//! What must hold for any input, checked by the fuzz targets (`fuzz/`) and by the test that
//! replays their corpora (`tests/fuzz_corpora.rs`): the analysis gives spans inside their
//! paragraphs, a highlight anchor resolves to its own text. Each check returns the first broken
//! rule instead of panicking, so the model stays panic-free.

use std::ops::Range;

use crate::analysis::{Analysis, Mention, analyze};
use crate::annotations::{Anchor, DocText};
use crate::document::parse_plain_text;

/// Analyses `data` read as a plain-text article (lossy UTF-8) and checks every span.
pub fn analysis_spans(data: &[u8]) -> Result<Analysis, String> {
    let text = String::from_utf8_lossy(data);
    let doc = parse_plain_text(&text);
    let analysis = analyze(&doc);
    let paragraphs: Vec<&str> = doc.paragraphs().collect();
    if analysis.paragraphs.len() != paragraphs.len() {
        return Err(format!(
            "{} paragraphs analysed of {}",
            analysis.paragraphs.len(),
            paragraphs.len()
        ));
    }
    for entity in &analysis.entities {
        if entity.name.trim().is_empty() {
            return Err("an entity without a name".into());
        }
        for mention in &entity.mentions {
            span_inside(
                &analysis.paragraphs,
                mention.paragraph,
                mention.start..mention.end,
            )
            .map_err(|e| format!("entity {}: {e}", entity.name))?;
            same_text(&analysis.paragraphs, mention)
                .map_err(|e| format!("entity {}: {e}", entity.name))?;
        }
        for mention in &entity.title_mentions {
            let title = [analysis.title.clone()];
            span_inside(&title, 0, mention.start..mention.end)
                .map_err(|e| format!("title mention of {}: {e}", entity.name))?;
        }
    }
    for quote in &analysis.quotes {
        span_inside(
            &analysis.paragraphs,
            quote.paragraph,
            quote.start..quote.end,
        )
        .map_err(|e| format!("quote: {e}"))?;
        if let Some(mention) = &quote.speaker_mention {
            span_inside(
                &analysis.paragraphs,
                mention.paragraph,
                mention.start..mention.end,
            )
            .map_err(|e| format!("speaker mention: {e}"))?;
        }
    }
    Ok(analysis)
}

/// `range` (chars) lies inside paragraph `paragraph`, start before end.
fn span_inside(paragraphs: &[String], paragraph: usize, range: Range<usize>) -> Result<(), String> {
    let Some(text) = paragraphs.get(paragraph) else {
        return Err(format!("paragraph {paragraph} of {}", paragraphs.len()));
    };
    let len = text.chars().count();
    if range.start >= range.end || range.end > len {
        return Err(format!("span {range:?} in a paragraph of {len} chars"));
    }
    Ok(())
}

/// A mention's text is the paragraph's text at its span.
fn same_text(paragraphs: &[String], mention: &Mention) -> Result<(), String> {
    let text: String = paragraphs
        .get(mention.paragraph)
        .map(|p| {
            p.chars()
                .skip(mention.start)
                .take(mention.end - mention.start)
                .collect()
        })
        .unwrap_or_default();
    if text == mention.text {
        Ok(())
    } else {
        Err(format!("span text {text:?} is not {:?}", mention.text))
    }
}

/// Reads `data` as: two bytes choosing a range, then a text before and a text after an edit
/// (split at the first NUL). An anchor made in the first text must resolve there to its own
/// range, and in the second to a range holding its exact text (or to nothing).
pub fn anchor_resolution(data: &[u8]) -> Result<(), String> {
    let [a, b, rest @ ..] = data else {
        return Ok(());
    };
    let text = String::from_utf8_lossy(rest);
    let (before, after) = text.split_once('\0').unwrap_or((&text, ""));
    let blocks = |t: &str| DocText::from_blocks(&t.split('\n').collect::<Vec<_>>());
    let old = blocks(before);
    let new = blocks(after);
    let len = old.len().max(1);
    let start = usize::from(*a) * len / 256;
    let end = (start + usize::from(*b)).min(old.len());
    let anchor = Anchor::new(&old, start..end);
    match anchor.resolve(&old) {
        Some(range) if range == (start..end) => {}
        None if start == end => {}
        other => {
            return Err(format!(
                "anchor {start}..{end} resolves to {other:?} in its own text"
            ));
        }
    }
    if let Some(range) = anchor.resolve(&new)
        && (range.end > new.len() || new.slice(range.clone()) != anchor.exact)
    {
        return Err(format!("resolved to {range:?}, not the anchor's text"));
    }
    Ok(())
}
