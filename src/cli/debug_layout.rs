//! `qari debug layout`: every paragraph's lines, char ranges, extents and glyphs at a width.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;

use crate::document::{LoadOptions, load_path};
use crate::text::fonts::{FontSources, face_file_name, font_system};
use crate::text::page::BlockKind;
use crate::text::{LayoutEngine, Page, PageStyle};

/// Arguments of `qari debug layout`.
#[derive(Debug, clap::Args)]
pub struct LayoutArgs {
    /// The document to lay out.
    pub file: PathBuf,
    /// Column width in points.
    #[arg(long)]
    pub width: f32,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// One block's layout as printed.
#[derive(Debug, Serialize)]
pub struct BlockReport {
    /// `title`, `heading` or `paragraph`.
    pub kind: &'static str,
    /// Index among body paragraphs, for paragraphs.
    pub paragraph: Option<usize>,
    /// Paragraph direction.
    pub direction: &'static str,
    /// Length in chars.
    pub chars: usize,
    /// Visual lines top to bottom.
    pub lines: Vec<LineReport>,
}

/// One line as printed.
#[derive(Debug, Serialize)]
pub struct LineReport {
    /// Logical char range `[start, end)`.
    pub chars: [usize; 2],
    /// Horizontal extent `[left, right]` of its glyphs.
    pub x: [f32; 2],
    /// Top of the line box.
    pub top: f32,
    /// Glyphs in visual order, left to right.
    pub glyphs: Vec<GlyphReport>,
}

/// One glyph as printed.
#[derive(Debug, Serialize)]
pub struct GlyphReport {
    /// Glyph id in its font.
    pub id: u16,
    /// Font file it comes from.
    pub font: String,
    /// Left edge of its advance box.
    pub x: f32,
    /// Advance width.
    pub w: f32,
    /// Logical index of the first char it shows.
    pub char: usize,
    /// Right to left.
    pub rtl: bool,
}

/// Lays out a document's blocks at a width and reports them.
pub fn layout_report(file: &std::path::Path, width: f32) -> anyhow::Result<Vec<BlockReport>> {
    let doc = load_path(file, &LoadOptions::default())?;
    let mut engine = LayoutEngine::new(font_system(FontSources::BundledOnly));
    let mut page = Page::new(&doc);
    let style = PageStyle::default();
    let mut out = Vec::new();
    for i in 0..page.blocks.len() {
        let layout = page.layout(&mut engine, &style, width, i);
        let (kind, paragraph) = match page.blocks[i].kind {
            BlockKind::Title => ("title", None),
            BlockKind::Heading => ("heading", None),
            BlockKind::Paragraph(p) => ("paragraph", Some(p)),
        };
        let lines = layout
            .lines
            .iter()
            .map(|l| LineReport {
                chars: [l.chars.start, l.chars.end],
                x: [l.x_min, l.x_max],
                top: l.top,
                glyphs: l
                    .glyphs
                    .iter()
                    .map(|g| GlyphReport {
                        id: g.inner.glyph_id,
                        font: face_file_name(&engine.fonts, g.inner.font_id),
                        x: g.inner.x,
                        w: g.inner.w,
                        char: g.chars.start,
                        rtl: g.rtl,
                    })
                    .collect(),
            })
            .collect();
        out.push(BlockReport {
            kind,
            paragraph,
            direction: if layout.rtl { "rtl" } else { "ltr" },
            chars: layout.char_len(),
            lines,
        });
    }
    Ok(out)
}

/// Prints the report.
pub fn run(args: &LayoutArgs) -> anyhow::Result<()> {
    let report = layout_report(&args.file, args.width)?;
    if args.json {
        super::out(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
        return Ok(());
    }
    let mut s = String::new();
    for (i, b) in report.iter().enumerate() {
        let _ = writeln!(
            s,
            "block {i} {} {} chars={} lines={}",
            b.kind,
            b.direction,
            b.chars,
            b.lines.len()
        );
        for (j, l) in b.lines.iter().enumerate() {
            let fonts: std::collections::BTreeSet<&str> =
                l.glyphs.iter().map(|g| g.font.as_str()).collect();
            let _ = writeln!(
                s,
                "  line {j}: chars {}..{} x {:.1}..{:.1} glyphs={} fonts={:?}",
                l.chars[0],
                l.chars[1],
                l.x[0],
                l.x[1],
                l.glyphs.len(),
                fonts
            );
        }
    }
    super::out(&s)?;
    Ok(())
}
