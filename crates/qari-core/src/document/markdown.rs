//! Reads Markdown notes: headings become sections; paragraphs, list items and quotes become paragraphs.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::model::{Block as DocBlock, Document};
use super::text_buf::{TextBuf, collapse};

/// A block of text met in the Markdown source.
struct Block {
    text: String,
    /// Heading level (1–6), or `None` for a paragraph.
    level: Option<u8>,
    /// Byte offset in `text` of the first line break in the source, if any.
    first_break: Option<usize>,
}

/// Parses Markdown into a `Document`.
///
/// The title is the first level-1 heading, else a `title:` in YAML front matter,
/// else the first block of text. Inline markup (emphasis, links, code spans) is
/// reduced to its text; images, raw HTML and footnote markers are dropped.
pub fn parse_markdown(text: &str) -> Document {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_DEFINITION_LIST;
    let mut blocks: Vec<Block> = Vec::new();
    let mut buf = TextBuf::default();
    let mut level: Option<u8> = None;
    let mut image_depth = 0usize;
    let mut in_code = false;
    let mut in_metadata = false;
    let mut front_title: Option<String> = None;
    let mut first_break: Option<usize> = None;

    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level: l, .. } => {
                    flush(&mut buf, &mut first_break, &mut blocks, level);
                    level = Some(heading_level(l));
                }
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::TableRow
                | Tag::TableHead
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::List(_) => flush(&mut buf, &mut first_break, &mut blocks, level),
                Tag::CodeBlock(_) => {
                    flush(&mut buf, &mut first_break, &mut blocks, level);
                    in_code = true;
                }
                Tag::Image { .. } => image_depth += 1,
                Tag::MetadataBlock(_) => in_metadata = true,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => {
                    flush(&mut buf, &mut first_break, &mut blocks, level);
                    level = None;
                }
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::List(_) => flush(&mut buf, &mut first_break, &mut blocks, level),
                TagEnd::CodeBlock => {
                    flush(&mut buf, &mut first_break, &mut blocks, level);
                    in_code = false;
                }
                TagEnd::TableCell => buf.space(),
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                TagEnd::MetadataBlock(_) => in_metadata = false,
                _ => {}
            },
            Event::Text(t) => {
                if in_metadata {
                    if front_title.is_none() {
                        front_title = front_matter_title(&t);
                    }
                } else if in_code {
                    // Each line of a code block is its own paragraph.
                    let mut lines = t.split('\n').peekable();
                    while let Some(line) = lines.next() {
                        buf.push_str(line);
                        if lines.peek().is_some() {
                            flush(&mut buf, &mut first_break, &mut blocks, level);
                        }
                    }
                } else if image_depth == 0 {
                    buf.push_str(&t);
                }
            }
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                if image_depth == 0 {
                    buf.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if first_break.is_none() {
                    first_break = Some(buf.len());
                }
                buf.space();
            }
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::Rule
            | Event::TaskListMarker(_) => {}
        }
    }
    flush(&mut buf, &mut first_break, &mut blocks, level);

    let h1 = blocks.iter().position(|b| b.level == Some(1));
    let (title, skip) = match (h1, front_title) {
        (Some(i), _) => (blocks.get(i).map(|b| b.text.clone()), Some(i)),
        (None, Some(t)) => (Some(t), None),
        (None, None) => match blocks.first_mut() {
            // No heading: the first line is the title, the rest of its block a paragraph.
            Some(first) => match first.first_break.and_then(|at| first.text.get(at..)) {
                Some(rest) if !rest.trim().is_empty() => {
                    let rest = rest.trim().to_string();
                    let at = first.first_break.unwrap_or_default();
                    let title = first.text.get(..at).unwrap_or_default().trim().to_string();
                    first.text = rest;
                    (Some(title), None)
                }
                _ => (Some(first.text.clone()), Some(0)),
            },
            None => (None, None),
        },
    };
    let kept = blocks
        .into_iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .map(|(_, block)| match block.level {
            Some(_) => DocBlock::Heading(block.text),
            None => DocBlock::Paragraph(block.text),
        });
    Document::from_blocks(title.unwrap_or_default(), kept)
}

/// Ends the current block: its text (if any) becomes a block.
fn flush(
    buf: &mut TextBuf,
    first_break: &mut Option<usize>,
    blocks: &mut Vec<Block>,
    level: Option<u8>,
) {
    let first_break = first_break.take();
    if !buf.is_empty() {
        blocks.push(Block {
            text: buf.take(),
            level,
            first_break,
        });
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `title: …` from YAML front matter (quotes removed).
fn front_matter_title(yaml: &str) -> Option<String> {
    yaml.lines().find_map(|line| {
        let value = line.strip_prefix("title:")?;
        let value = collapse(value.trim().trim_matches(|c| c == '"' || c == '\''));
        (!value.is_empty()).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_and_quotes() {
        let d = parse_markdown(
            "# العنوان\n\nفقرة *أولى* مع [رابط](http://x).\n\n## قسم\n\n- بند ١\n- بند ٢\n\n> اقتباس\n",
        );
        assert_eq!(d.title, "العنوان");
        assert_eq!(d.sections.len(), 2);
        assert_eq!(d.sections[0].paragraphs, ["فقرة أولى مع رابط."]);
        assert_eq!(d.sections[1].heading.as_deref(), Some("قسم"));
        assert_eq!(d.sections[1].paragraphs, ["بند ١", "بند ٢", "اقتباس"]);
    }
}
