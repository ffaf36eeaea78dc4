//! Reads EPUB books: container → package (OPF) → spine order, each chapter through the HTML path.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use super::archive::Archive;
use super::encoding::decode_html;
use super::error::LoadError;
use super::format::Format;
use super::html::{HtmlMode, extract};
use super::model::{Direction, Document};
use super::options::LoadOptions;
use super::text_buf::TextBuf;
use super::warning::Warning;
use super::xml::{attr, entity_text, local_name, reader};

/// How many missing chapter names a warning lists before "and N more".
const LISTED_MISSING: usize = 5;

/// What the package document says about the book.
#[derive(Debug, Default)]
struct Package {
    title: Option<String>,
    language: Option<String>,
    /// Manifest id → href (relative to the OPF).
    manifest: HashMap<String, String>,
    /// Manifest ids in reading order.
    spine: Vec<String>,
    direction: Option<Direction>,
}

/// Loads an EPUB book: one section per chapter heading, chapters in spine order.
pub(crate) fn load_epub(
    path: &Path,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Document, LoadError> {
    let mut archive = Archive::open(path, bytes, Format::Epub, options)?;
    let opf_path = match archive.read_text("META-INF/container.xml")? {
        Some(container) => rootfile(&container),
        None => None,
    }
    .or_else(|| archive.find_name(|n| n.to_ascii_lowercase().ends_with(".opf")))
    .ok_or_else(|| archive.malformed("META-INF/container.xml and the package file are missing"))?;
    let Some(opf) = archive.read_text(&opf_path)? else {
        return Err(archive.malformed(&format!("the package file {opf_path} is missing")));
    };
    let package = parse_opf(&opf);
    if package.spine.is_empty() {
        return Err(archive.malformed("the book lists no chapters (empty spine)"));
    }
    let base = opf_path.rsplit_once('/').map_or("", |(dir, _)| dir);

    let mut doc = Document {
        title: package.title.clone().unwrap_or_default(),
        language: package.language.clone(),
        direction: package.direction,
        ..Document::default()
    };
    let mut missing = Vec::new();
    let mut replaced = 0usize;
    for idref in &package.spine {
        let Some(href) = package.manifest.get(idref) else {
            missing.push(format!("id {idref}"));
            continue;
        };
        let name = resolve_href(base, href);
        let Some(chapter_bytes) = archive.read(&name)? else {
            missing.push(name);
            continue;
        };
        let decoded = decode_html(&chapter_bytes, options.encoding);
        replaced += decoded.replaced;
        let chapter = extract(&decoded.text, HtmlMode::Whole);
        if doc.direction.is_none() {
            doc.direction = chapter.direction;
        }
        if doc.language.is_none() {
            doc.language = chapter.language.clone();
        }
        let chapter_title = chapter.title;
        let mut sections = chapter
            .sections
            .into_iter()
            .filter(|s| s.heading.is_some() || !s.paragraphs.is_empty())
            .peekable();
        if sections.peek().is_none() {
            continue;
        }
        if doc.title.is_empty() {
            doc.title.clone_from(&chapter_title);
        }
        for (i, mut section) in sections.enumerate() {
            if i == 0 && section.heading.is_none() && !chapter_title.is_empty() {
                section.heading = Some(chapter_title.clone());
            }
            doc.sections.push(section);
        }
    }
    if !missing.is_empty() {
        let mut listed = missing
            .iter()
            .take(LISTED_MISSING)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if missing.len() > LISTED_MISSING {
            listed.push_str(&format!(" and {} more", missing.len() - LISTED_MISSING));
        }
        doc.warnings.push(Warning::MissingChapters {
            missing: missing.len(),
            total: package.spine.len(),
            listed,
        });
    }
    if replaced > 0 {
        doc.warnings
            .push(Warning::InvalidBytesInChapters { count: replaced });
    }
    if doc.sections.is_empty() {
        if missing.len() == package.spine.len() {
            return Err(archive.malformed("none of the chapters it lists are in the file"));
        }
        return Err(LoadError::NoContent {
            path: path.to_path_buf(),
            format: Format::Epub,
        });
    }
    Ok(doc)
}

/// The package document named by `container.xml`.
fn rootfile(container: &str) -> Option<String> {
    let mut r = reader(container);
    let mut first = None;
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if local_name(&e) == "rootfile" => {
                let Some(full_path) = attr(&e, "full-path") else {
                    continue;
                };
                let full_path = full_path.trim_start_matches('/').to_string();
                if attr(&e, "media-type").is_some_and(|m| m == "application/oebps-package+xml") {
                    return Some(full_path);
                }
                first.get_or_insert(full_path);
            }
            Ok(Event::Eof) | Err(_) => return first,
            Ok(_) => {}
        }
    }
}

fn parse_opf(opf: &str) -> Package {
    let mut package = Package::default();
    let mut r = reader(opf);
    let mut field: Option<&'static str> = None;
    let mut text = TextBuf::default();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) => match local_name(&e).as_str() {
                "title" if package.title.is_none() => field = Some("title"),
                "language" if package.language.is_none() => field = Some("language"),
                name => item(name, &e, &mut package),
            },
            Ok(Event::Empty(e)) => item(&local_name(&e), &e, &mut package),
            Ok(Event::Text(t)) if field.is_some() => text.push_str(&t.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(reference)) if field.is_some() => {
                text.push_str(&entity_text(&reference).unwrap_or_default());
            }
            Ok(Event::End(_)) if field.is_some() => {
                let value = Some(text.take()).filter(|v| !v.is_empty());
                match field.take() {
                    Some("title") => package.title = value,
                    Some(_) => package.language = value,
                    None => {}
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    package
}

/// Records a manifest item, a spine entry or the spine's direction.
fn item(name: &str, e: &quick_xml::events::BytesStart<'_>, package: &mut Package) {
    match name {
        "item" => {
            if let (Some(id), Some(href)) = (attr(e, "id"), attr(e, "href")) {
                package.manifest.entry(id).or_insert(href);
            }
        }
        "itemref" => {
            if let Some(idref) = attr(e, "idref") {
                package.spine.push(idref);
            }
        }
        "spine" => {
            package.direction = attr(e, "page-progression-direction")
                .as_deref()
                .and_then(Direction::from_html_dir);
        }
        _ => {}
    }
}

/// The archive path of `href` (relative to the directory `base`): `%XX` decoded, `.`/`..` resolved.
fn resolve_href(base: &str, href: &str) -> String {
    let href = href.split(['#', '?']).next().unwrap_or_default();
    let href = percent_decode(href);
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_resolve_against_the_package() {
        assert_eq!(
            resolve_href("OEBPS", "text/ch%201.xhtml#x"),
            "OEBPS/text/ch 1.xhtml"
        );
        assert_eq!(resolve_href("OEBPS/a", "../b.xhtml"), "OEBPS/b.xhtml");
        assert_eq!(resolve_href("", "../../b.xhtml"), "b.xhtml");
    }
}
