//! Reads Word documents (`.docx`): paragraphs in order, headings from paragraph styles, `w:bidi` direction.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use super::archive::Archive;
use super::error::LoadError;
use super::format::Format;
use super::model::{Block as DocBlock, Direction, Document};
use super::options::LoadOptions;
use super::text_buf::{TextBuf, collapse};
use super::warning::Warning;
use super::xml::{attr, entity_text, local_name, reader};

/// Where the main document part is unless `_rels/.rels` says otherwise.
const DEFAULT_MAIN_PART: &str = "word/document.xml";
/// Deepest nesting of paragraphs (text boxes inside paragraphs) kept apart; deeper ones merge.
const MAX_PARA_NESTING: usize = 64;
/// How many `basedOn` links are followed when resolving a style.
const MAX_STYLE_CHAIN: usize = 8;

/// What a paragraph is, from its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    Heading,
    Body,
}

/// A paragraph style from `word/styles.xml`.
#[derive(Debug, Default, Clone)]
struct Style {
    name: Option<String>,
    based_on: Option<String>,
    outline: Option<u8>,
    bidi: Option<bool>,
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    text: TextBuf,
    style: Option<String>,
    bidi: Option<bool>,
    outline: Option<u8>,
}

/// Loads a Word document from the bytes of a `.docx` file.
pub(crate) fn load_docx(
    path: &Path,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Document, LoadError> {
    let mut archive = Archive::open(path, bytes, Format::Docx, options)?;
    let main_part = main_part(&mut archive)?;
    let Some(xml) = archive.read_text(&main_part)? else {
        return Err(archive.malformed(&format!("{main_part} is missing")));
    };
    let styles_part = match main_part.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/styles.xml"),
        None => "styles.xml".to_string(),
    };
    let mut langs = Langs::default();
    let styles = match archive.read_text(&styles_part)? {
        Some(s) => parse_styles(&s, &mut langs),
        None => HashMap::new(),
    };
    let core_title = archive
        .read_text("docProps/core.xml")?
        .and_then(|core| core_title(&core));
    let mut doc = parse_document_xml(&xml, &styles, core_title, &mut langs);
    if doc.language.is_none() {
        doc.language = match doc.direction {
            Some(Direction::Rtl) => langs.bidi.or(langs.val),
            _ => langs.val.or(langs.bidi),
        };
    }
    Ok(doc)
}

/// The main document part named in `_rels/.rels`, else `word/document.xml`.
fn main_part(archive: &mut Archive<'_>) -> Result<String, LoadError> {
    let Some(rels) = archive.read_text("_rels/.rels")? else {
        return Ok(DEFAULT_MAIN_PART.to_string());
    };
    let mut r = reader(&rels);
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if local_name(&e) == "Relationship" => {
                let is_main = attr(&e, "Type").is_some_and(|t| t.ends_with("/officeDocument"));
                if let (true, Some(target)) = (is_main, attr(&e, "Target")) {
                    let target = target.trim_start_matches('/').to_string();
                    if archive.resolve(&target).is_some() {
                        return Ok(target);
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return Ok(DEFAULT_MAIN_PART.to_string()),
            Ok(_) => {}
        }
    }
}

/// Languages declared by `w:lang` (`w:val` for Latin text, `w:bidi` for Arabic).
#[derive(Default)]
struct Langs {
    val: Option<String>,
    bidi: Option<String>,
}

impl Langs {
    fn note(&mut self, e: &quick_xml::events::BytesStart<'_>) {
        if self.val.is_none() {
            self.val = attr(e, "val").filter(|v| !v.is_empty());
        }
        if self.bidi.is_none() {
            self.bidi = attr(e, "bidi").filter(|v| !v.is_empty());
        }
    }
}

fn parse_styles(xml: &str, langs: &mut Langs) -> HashMap<String, Style> {
    let mut styles = HashMap::new();
    let mut current: Option<(String, Style)> = None;
    let mut r = reader(xml);
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local_name(&e).as_str() {
                "style" => {
                    if let Some((id, style)) = current.take() {
                        styles.insert(id, style);
                    }
                    current = attr(&e, "styleId").map(|id| (id, Style::default()));
                }
                "name" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.name = attr(&e, "val");
                    }
                }
                "basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(&e, "val");
                    }
                }
                "outlineLvl" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.outline = attr(&e, "val").and_then(|v| v.trim().parse().ok());
                    }
                }
                "bidi" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.bidi = Some(on_off(attr(&e, "val")));
                    }
                }
                "lang" => langs.note(&e),
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == b"style" => {
                if let Some((id, style)) = current.take() {
                    styles.insert(id, style);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    if let Some((id, style)) = current.take() {
        styles.insert(id, style);
    }
    styles
}

/// `dc:title` from `docProps/core.xml`.
fn core_title(xml: &str) -> Option<String> {
    let mut r = reader(xml);
    let mut in_title = false;
    let mut title = TextBuf::default();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if local_name(&e) == "title" => in_title = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == b"title" => break,
            Ok(Event::Text(t)) if in_title => title.push_str(&t.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(r)) if in_title => {
                title.push_str(&entity_text(&r).unwrap_or_default());
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    let title = title.take();
    (!title.is_empty()).then_some(title)
}

/// A `w:val` on/off flag: absent or anything but `0`/`false`/`off` means on.
fn on_off(val: Option<String>) -> bool {
    !matches!(val.as_deref().map(str::trim), Some("0" | "false" | "off"))
}

/// The role and heading level a style gives, following `basedOn` links.
fn style_role(id: &str, styles: &HashMap<String, Style>) -> (Role, Option<u8>) {
    let mut at = Some(id.to_string());
    for _ in 0..MAX_STYLE_CHAIN {
        let Some(current) = at.take() else {
            break;
        };
        let style = styles.get(&current);
        for candidate in [
            style.and_then(|s| s.name.as_deref()),
            Some(current.as_str()),
        ]
        .into_iter()
        .flatten()
        {
            if let Some(role) = role_of_name(candidate) {
                return role;
            }
        }
        if let Some(level) = style.and_then(|s| s.outline).filter(|&l| l < 9) {
            return (Role::Heading, Some(level + 1));
        }
        at = style.and_then(|s| s.based_on.clone());
    }
    (Role::Body, None)
}

/// Recognizes `Title`, `heading 1`/`Heading1` and the Arabic `العنوان`, `عنوان 1`.
fn role_of_name(name: &str) -> Option<(Role, Option<u8>)> {
    let norm: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    if matches!(
        norm.as_str(),
        "title" | "العنوان" | "عنوانرئيسي" | "العنوانالرئيسي"
    ) {
        return Some((Role::Title, None));
    }
    for prefix in ["heading", "عنوان"] {
        if let Some(rest) = norm.strip_prefix(prefix) {
            let rest = rest.trim_end_matches("char");
            if let Ok(level) = rest.parse::<u8>() {
                return Some((Role::Heading, Some(level.clamp(1, 9))));
            }
        }
    }
    None
}

fn parse_document_xml(
    xml: &str,
    styles: &HashMap<String, Style>,
    core_title: Option<String>,
    langs: &mut Langs,
) -> Document {
    let mut blocks: Vec<(Role, String)> = Vec::new();
    let mut stack: Vec<Para> = Vec::new();
    let (mut in_t, mut in_ppr) = (false, false);
    let (mut bidi_paras, mut counted) = (0usize, 0usize);
    let mut section_bidi = false;
    let mut merged_paras = 0usize;
    let mut warnings = Vec::new();
    let mut r = reader(xml);
    loop {
        let event = match r.read_event() {
            Ok(event) => event,
            Err(e) => {
                warnings.push(Warning::DamagedText {
                    paragraphs: blocks.len(),
                    reason: super::error::one_line(&e.to_string()),
                });
                break;
            }
        };
        match event {
            Event::Start(e) => match local_name(&e).as_str() {
                "p" if stack.len() >= MAX_PARA_NESTING => merged_paras += 1,
                "p" => stack.push(Para::default()),
                "pPr" => in_ppr = true,
                "t" => in_t = true,
                other => element(other, &e, &mut stack, in_ppr, &mut section_bidi, langs),
            },
            Event::Empty(e) => {
                let name = local_name(&e);
                if name != "p" {
                    element(&name, &e, &mut stack, in_ppr, &mut section_bidi, langs);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_t = false,
                b"pPr" => in_ppr = false,
                b"p" if merged_paras > 0 => merged_paras -= 1,
                b"p" => {
                    in_t = false;
                    if let Some(mut para) = stack.pop() {
                        let text = para.text.take();
                        if text.is_empty() {
                            continue;
                        }
                        let (mut role, _) = para
                            .style
                            .as_deref()
                            .map_or((Role::Body, None), |id| style_role(id, styles));
                        if role == Role::Body && para.outline.is_some_and(|l| l < 9) {
                            role = Role::Heading;
                        }
                        let style_bidi = para
                            .style
                            .as_deref()
                            .and_then(|id| styles.get(id))
                            .and_then(|s| s.bidi);
                        counted += 1;
                        if para.bidi.or(style_bidi).unwrap_or(false) {
                            bidi_paras += 1;
                        }
                        blocks.push((role, text));
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_t => {
                if let Some(p) = stack.last_mut() {
                    p.text.push_str(&t.decode().unwrap_or_default());
                }
            }
            Event::CData(t) if in_t => {
                if let Some(p) = stack.last_mut() {
                    p.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(reference) if in_t => {
                if let (Some(p), Some(text)) = (stack.last_mut(), entity_text(&reference)) {
                    p.text.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // Paragraphs left open by a truncated file still count.
    while let Some(mut para) = stack.pop() {
        let text = para.text.take();
        if !text.is_empty() {
            blocks.push((Role::Body, text));
        }
    }

    let title_at = blocks.iter().position(|(role, _)| *role == Role::Title);
    let (title, skip) = match (title_at, core_title) {
        (Some(i), _) => (blocks.get(i).map(|(_, t)| t.clone()), Some(i)),
        (None, Some(t)) => (Some(t), None),
        (None, None) => (blocks.first().map(|(_, t)| t.clone()), Some(0)),
    };
    let kept = blocks
        .into_iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .map(|(_, (role, text))| match role {
            Role::Body => DocBlock::Paragraph(text),
            _ => DocBlock::Heading(text),
        });
    let direction =
        (section_bidi || counted > 0 && bidi_paras * 2 >= counted).then_some(Direction::Rtl);
    Document {
        warnings,
        direction,
        ..Document::from_blocks(collapse(&title.unwrap_or_default()), kept)
    }
}

/// Handles a paragraph-property or run element inside the current paragraph.
fn element(
    name: &str,
    e: &quick_xml::events::BytesStart<'_>,
    stack: &mut [Para],
    in_ppr: bool,
    section_bidi: &mut bool,
    langs: &mut Langs,
) {
    let para = stack.last_mut();
    match (name, para) {
        ("pStyle", Some(p)) if in_ppr => p.style = attr(e, "val"),
        ("bidi", Some(p)) if in_ppr => p.bidi = Some(on_off(attr(e, "val"))),
        ("bidi", None) => *section_bidi = on_off(attr(e, "val")),
        ("outlineLvl", Some(p)) if in_ppr => {
            p.outline = attr(e, "val").and_then(|v| v.trim().parse().ok());
        }
        ("tab" | "br" | "cr", Some(p)) if !in_ppr => p.text.space(),
        ("noBreakHyphen", Some(p)) => p.text.push('-'),
        ("lang", _) => langs.note(e),
        _ => {}
    }
}
