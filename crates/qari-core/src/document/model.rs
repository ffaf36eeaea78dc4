//! The plain document model: a title and sections of paragraphs, free of layout and UI.

use std::path::PathBuf;

use super::warning::Warning;

/// A loaded document: what the reader shows and the analysis reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The document's title (first line of a text file, `og:title`/`<h1>`/`<title>` of a page, `dc:title` of a book…).
    pub title: String,
    /// Body sections in reading order; a document without headings has one untitled section.
    pub sections: Vec<Section>,
    /// Where the document was read from, if from a file.
    pub source: Option<PathBuf>,
    /// Problems met while loading that did not stop it (e.g. replaced invalid bytes).
    pub warnings: Vec<Warning>,
    /// The document's language as declared by the source (`lang`, `dc:language`, `w:lang`), e.g. `ar`.
    pub language: Option<String>,
    /// The writing direction declared by the source (`dir`, `w:bidi`, spine direction), if any.
    pub direction: Option<Direction>,
}

/// Writing direction of a document's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Left to right (Latin scripts).
    #[default]
    Ltr,
    /// Right to left (Arabic, Hebrew).
    Rtl,
}

impl Direction {
    /// Parses an HTML `dir` attribute value (`rtl` / `ltr`, any case); `auto` and others give `None`.
    pub fn from_html_dir(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "rtl" => Some(Self::Rtl),
            "ltr" => Some(Self::Ltr),
            _ => None,
        }
    }
}

/// A run of paragraphs under an optional heading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The section heading, if the source had one.
    pub heading: Option<String>,
    /// The section's paragraphs, each a single line of text.
    pub paragraphs: Vec<String>,
}

/// One block of a source document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading: starts a section.
    Heading(String),
    /// A paragraph of body text.
    Paragraph(String),
}

impl Document {
    /// Builds a one-section document from a title and paragraphs.
    pub fn new(title: impl Into<String>, paragraphs: Vec<String>) -> Self {
        Self {
            title: title.into(),
            sections: vec![Section {
                heading: None,
                paragraphs,
            }],
            ..Self::default()
        }
    }

    /// Builds a document from a title and its blocks in reading order: each heading starts a
    /// new section, paragraphs before the first heading form an untitled one. Every format
    /// that has headings (HTML, Markdown, Word) assembles its sections here.
    pub fn from_blocks(title: impl Into<String>, blocks: impl IntoIterator<Item = Block>) -> Self {
        let mut sections = Vec::new();
        let mut current = Section::default();
        for block in blocks {
            match block {
                Block::Heading(text) => {
                    if current.heading.is_some() || !current.paragraphs.is_empty() {
                        sections.push(std::mem::take(&mut current));
                    }
                    current.heading = Some(text);
                }
                Block::Paragraph(text) => current.paragraphs.push(text),
            }
        }
        if current.heading.is_some() || !current.paragraphs.is_empty() || sections.is_empty() {
            sections.push(current);
        }
        Self {
            title: title.into(),
            sections,
            ..Self::default()
        }
    }

    /// All body paragraphs in reading order, across sections (headings excluded).
    ///
    /// Paragraph indices used by the analysis and annotations count in this sequence.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> + '_ {
        self.sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(String::as_str))
    }

    /// Number of body paragraphs across all sections.
    pub fn paragraph_count(&self) -> usize {
        self.sections.iter().map(|s| s.paragraphs.len()).sum()
    }

    /// Total length of title and paragraphs in chars.
    pub fn char_count(&self) -> usize {
        self.title.chars().count() + self.paragraphs().map(|p| p.chars().count()).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_start_sections_and_leading_paragraphs_stay_untitled() {
        let doc = Document::from_blocks(
            "عنوان",
            [
                Block::Paragraph("مقدمة".into()),
                Block::Heading("قسم".into()),
                Block::Paragraph("فقرة".into()),
                Block::Heading("فارغ".into()),
            ],
        );
        let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(headings, [None, Some("قسم"), Some("فارغ")]);
        assert_eq!(doc.paragraphs().collect::<Vec<_>>(), ["مقدمة", "فقرة"]);
    }

    #[test]
    fn no_blocks_give_one_empty_section() {
        let doc = Document::from_blocks("", []);
        assert_eq!(doc.sections, [Section::default()]);
    }
}
