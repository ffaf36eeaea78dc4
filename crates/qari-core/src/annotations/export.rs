//! Highlights exported as Markdown (for notes) and JSON (for tools).

use serde::Serialize;

use super::highlight::Highlight;

/// One highlight as exported.
#[derive(Debug, Serialize)]
struct Exported<'a> {
    text: &'a str,
    color: &'a str,
    note: &'a str,
    start: usize,
    end: usize,
    orphaned: bool,
}

/// The highlights as a Markdown document: a quote block per highlight, its note below.
///
/// `orphaned(h)` tells which highlights could not be found in the current text.
pub fn to_markdown(
    title: &str,
    highlights: &[Highlight],
    orphaned: impl Fn(&Highlight) -> bool,
) -> String {
    let mut out = format!("# {title}\n\n");
    for h in highlights {
        for line in h.anchor.exact.lines() {
            out.push_str("> ");
            out.push_str(line);
            out.push('\n');
        }
        let mut meta = format!("\n*{}*", h.color.name());
        if orphaned(h) {
            meta.push_str(" · *not found in the current text*");
        }
        out.push_str(&meta);
        out.push('\n');
        if !h.note.trim().is_empty() {
            out.push('\n');
            out.push_str(h.note.trim());
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// The highlights as pretty JSON: `{"title", "highlights": [{text, color, note, start, end, orphaned}]}`.
pub fn to_json(
    title: &str,
    highlights: &[Highlight],
    orphaned: impl Fn(&Highlight) -> bool,
) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        title: &'a str,
        highlights: Vec<Exported<'a>>,
    }
    let doc = Doc {
        title,
        highlights: highlights
            .iter()
            .map(|h| Exported {
                text: &h.anchor.exact,
                color: h.color.name(),
                note: &h.note,
                start: h.anchor.start,
                end: h.anchor.end,
                orphaned: orphaned(h),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string())
}
