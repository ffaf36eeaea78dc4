//! A text accumulator that collapses whitespace as it goes, so extracted paragraphs are single lines.

/// Collects text, turning every run of whitespace into one space and dropping control characters.
///
/// Appending is linear in the input, so huge single-line inputs stay cheap.
#[derive(Debug, Default)]
pub(crate) struct TextBuf {
    text: String,
    pending_space: bool,
}

impl TextBuf {
    /// Appends text, collapsing whitespace.
    pub(crate) fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push(c);
        }
    }

    /// Appends one character, collapsing whitespace.
    pub(crate) fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.pending_space = !self.text.is_empty();
        } else if c.is_control() || c == '\u{feff}' {
            // Dropped: controls and stray byte order marks are never part of a paragraph.
        } else {
            if self.pending_space {
                self.text.push(' ');
                self.pending_space = false;
            }
            self.text.push(c);
        }
    }

    /// Marks a word boundary (e.g. a line break or table cell), as if a space were pushed.
    pub(crate) fn space(&mut self) {
        self.push(' ');
    }

    /// Whether nothing but whitespace was pushed since the last `take`.
    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Length in bytes of the text collected so far.
    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    /// Returns the collected text (trimmed, whitespace collapsed) and empties the buffer.
    pub(crate) fn take(&mut self) -> String {
        self.pending_space = false;
        std::mem::take(&mut self.text)
    }
}

/// Collapses whitespace in `s` into single spaces and trims it.
pub(crate) fn collapse(s: &str) -> String {
    let mut buf = TextBuf::default();
    buf.push_str(s);
    buf.take()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_trims() {
        assert_eq!(collapse("  a \n\t b\u{a0} c  "), "a b c");
        assert_eq!(collapse("\u{feff}x\u{7}y"), "xy");
    }
}
