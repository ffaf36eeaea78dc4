//! Which format a file is in: by extension first, else by sniffing its content.

use std::path::Path;

/// A document format qari can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (`.txt`), in any supported encoding.
    PlainText,
    /// A saved web page (`.html`, `.htm`, `.xhtml`).
    Html,
    /// Markdown notes (`.md`, `.markdown`).
    Markdown,
    /// An EPUB book.
    Epub,
    /// A Word document (`.docx`).
    Docx,
    /// Scraper output: one article object, an array of them, or JSON lines.
    Json,
    /// A PDF with a text layer.
    Pdf,
}

impl Format {
    /// A short human name for messages ("EPUB", "Word").
    pub fn name(self) -> &'static str {
        match self {
            Self::PlainText => "text",
            Self::Html => "HTML",
            Self::Markdown => "Markdown",
            Self::Epub => "EPUB",
            Self::Docx => "Word (DOCX)",
            Self::Json => "JSON",
            Self::Pdf => "PDF",
        }
    }

    /// Every format, in the order file dialogs list them.
    pub const ALL: [Self; 7] = [
        Self::PlainText,
        Self::Html,
        Self::Markdown,
        Self::Epub,
        Self::Docx,
        Self::Json,
        Self::Pdf,
    ];

    /// The file extensions (lower case, without the dot) that name this format.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::PlainText => &["txt", "text"],
            Self::Html => &["html", "htm", "xhtml", "xht", "shtml"],
            Self::Markdown => &["md", "markdown", "mdown", "mkd", "mkdn"],
            Self::Epub => &["epub"],
            Self::Docx => &["docx"],
            Self::Json => &["json", "jsonl", "ndjson"],
            Self::Pdf => &["pdf"],
        }
    }

    /// Every extension qari opens, for file dialogs and folder listings.
    pub fn all_extensions() -> impl Iterator<Item = &'static str> {
        Self::ALL.into_iter().flat_map(Self::extensions).copied()
    }

    /// The format named by the file's extension, if it is one qari knows.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }

    /// Whether the format is a zip archive rather than text.
    pub fn is_archive(self) -> bool {
        matches!(self, Self::Epub | Self::Docx)
    }

    /// Whether the format is binary (an archive or a PDF), read by its own loader rather than decoded as text.
    pub fn is_binary(self) -> bool {
        self.is_archive() || self == Self::Pdf
    }

    /// Guesses the format of a zip archive from the names stored in it.
    ///
    /// Returns `None` for bytes that are not a zip file or a zip of another kind.
    pub fn sniff_archive(bytes: &[u8]) -> Option<Self> {
        if !bytes.starts_with(b"PK\x03\x04") {
            return None;
        }
        if contains(bytes, b"mimetypeapplication/epub+zip")
            || contains(bytes, b"META-INF/container.xml")
        {
            Some(Self::Epub)
        } else if contains(bytes, b"word/document.xml") {
            Some(Self::Docx)
        } else {
            None
        }
    }

    /// Guesses the format of decoded text: JSON, HTML, Markdown or plain text.
    pub fn sniff_text(text: &str) -> Self {
        let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let head: String = start
            .chars()
            .take(2048)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with('{') || head.starts_with('[') {
            return Self::Json;
        }
        if head.starts_with('<')
            && [
                "<!doctype html",
                "<html",
                "<head",
                "<body",
                "<article",
                "<p>",
                "<p ",
                "<div",
            ]
            .iter()
            .any(|tag| head.contains(tag))
        {
            return Self::Html;
        }
        let first_line = start.lines().next().unwrap_or_default();
        let hashes = first_line.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && first_line[hashes..].starts_with(' ') {
            return Self::Markdown;
        }
        Self::PlainText
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether `needle` occurs in `haystack` (linear in practice for these short needles).
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    let mut rest = haystack;
    while let Some(at) = rest.iter().position(|&b| b == first) {
        if rest[at..].starts_with(needle) {
            return true;
        }
        rest = &rest[at + 1..];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_sniffing() {
        assert_eq!(Format::from_path(Path::new("a/b.HTM")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("a/b")), None);
        assert_eq!(Format::sniff_text("  {\"title\": 1}"), Format::Json);
        assert_eq!(Format::sniff_text("<!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(Format::sniff_text("# عنوان\n\nنص"), Format::Markdown);
        assert_eq!(Format::sniff_text("#وسم بلا مسافة"), Format::PlainText);
    }
}
