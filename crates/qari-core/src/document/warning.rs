//! Problems met while loading that did not stop it, as values the interface can word in
//! either language.

/// Something the reader should know about a document that did open.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Warning {
    /// Bytes that were not valid in the file's encoding were replaced with U+FFFD.
    #[error("{count} invalid byte sequence(s) in {encoding} were replaced with �")]
    InvalidBytes {
        /// How many sequences.
        count: usize,
        /// The encoding the file was read in.
        encoding: String,
    },
    /// Invalid bytes in the chapters of a book were replaced.
    #[error("{count} invalid byte sequence(s) in the chapters were replaced with �")]
    InvalidBytesInChapters {
        /// How many sequences.
        count: usize,
    },
    /// A Word document whose text breaks off; what came before is shown.
    #[error(
        "the document text is damaged after {paragraphs} paragraph(s); showing what could be read ({reason})"
    )]
    DamagedText {
        /// Paragraphs read before the damage.
        paragraphs: usize,
        /// The parser's reason, in one line.
        reason: String,
    },
    /// Chapters a book lists but does not contain.
    #[error(
        "{missing} of {total} chapter(s) listed in the book are missing from the file: {listed}"
    )]
    MissingChapters {
        /// How many are missing.
        missing: usize,
        /// How many the book lists.
        total: usize,
        /// The first few missing names.
        listed: String,
    },
    /// Lines of a JSON-lines file that were skipped.
    #[error("{count} line(s) of the file are not valid JSON and were skipped")]
    InvalidJsonLines {
        /// How many lines.
        count: usize,
    },
    /// A file of several articles opened where only one can be shown.
    #[error("the file holds {count} more article(s); only the first is shown")]
    MoreArticles {
        /// How many besides the first.
        count: usize,
    },
}
