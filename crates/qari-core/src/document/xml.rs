//! Small helpers over `quick-xml` for the XML inside EPUB and DOCX files.
//!
//! Only the five predefined entities and character references are resolved;
//! entities declared in a DTD are never expanded (no "billion laughs").

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart};

/// A reader over XML text that tolerates mismatched end tags.
pub(crate) fn reader(text: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.expand_empty_elements = false;
    config.trim_text(false);
    reader
}

/// The element's local name (prefix dropped), e.g. `p` for `w:p`.
pub(crate) fn local_name(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// The value of the attribute with local name `name` (any prefix), predefined entities resolved.
pub(crate) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name.as_bytes())
        .map(|a| unescape(&String::from_utf8_lossy(&a.value)).into_owned())
}

/// Resolves predefined entities and character references; unknown entities are left as written.
pub(crate) fn unescape(raw: &str) -> Cow<'_, str> {
    quick_xml::escape::unescape(raw).unwrap_or(Cow::Borrowed(raw))
}

/// The text of an entity reference in content: `&amp;` → `&`, `&#1575;` → `ا`.
///
/// Any other entity (declared in a DTD, possibly maliciously) yields `None` and is dropped.
pub(crate) fn entity_text(r: &BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = r.decode().ok()?;
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
}
