//! How a quote is cited when copied or shared: `«quote» — speaker، title`.

use super::Quote;

/// The citation of a quote: `«quote» — speaker، title`, leaving out what is unknown.
pub fn quote_citation(quote: &str, speaker: Option<&str>, title: &str) -> String {
    let title = title.trim();
    match (speaker, title.is_empty()) {
        (Some(sp), false) => format!("«{quote}» — {sp}، {title}"),
        (Some(sp), true) => format!("«{quote}» — {sp}"),
        (None, false) => format!("«{quote}» — {title}"),
        (None, true) => format!("«{quote}»"),
    }
}

impl Quote {
    /// This quote cited with its speaker (when known) and the article's title.
    pub fn citation(&self, title: &str) -> String {
        quote_citation(&self.text, self.speaker.as_deref(), title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_format() {
        assert_eq!(
            quote_citation("نص", Some("فلان"), "عنوان"),
            "«نص» — فلان، عنوان"
        );
        assert_eq!(quote_citation("نص", None, "عنوان"), "«نص» — عنوان");
        assert_eq!(quote_citation("نص", Some("فلان"), " "), "«نص» — فلان");
    }
}
