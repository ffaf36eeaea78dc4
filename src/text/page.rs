//! The reading page: a document's blocks stacked vertically, laid out lazily where visible.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::document::Document;

use super::layout::{LayoutEngine, ParagraphLayout};
use super::style::TextStyle;

/// What a block of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The document title.
    Title,
    /// A section heading.
    Heading,
    /// A body paragraph; holds its index among the document's paragraphs.
    Paragraph(usize),
}

/// One vertically stacked piece of the page.
#[derive(Debug, Clone)]
pub struct Block {
    /// Title, heading or paragraph.
    pub kind: BlockKind,
    /// The text shown.
    pub text: String,
}

/// Page-wide typography: body style, measure and spacing.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PageStyle {
    /// Body text style.
    pub body: TextStyle,
    /// Title size relative to the body.
    pub title_scale: f32,
    /// Heading size relative to the body.
    pub heading_scale: f32,
    /// Space after a paragraph, in ems of the body size.
    pub paragraph_gap_em: f32,
    /// Widest text column, in ems of the body size (the measure).
    pub measure_em: f32,
    /// Margin around the text column, in points.
    pub margin: f32,
    /// Harakat shown; when false they are laid out as invisible joiners (offsets unchanged).
    #[serde(default = "shown")]
    pub show_diacritics: bool,
}

fn shown() -> bool {
    true
}

impl Default for PageStyle {
    fn default() -> Self {
        Self {
            body: TextStyle::default(),
            title_scale: 1.5,
            heading_scale: 1.25,
            paragraph_gap_em: 0.9,
            measure_em: 34.0,
            margin: 32.0,
            show_diacritics: true,
        }
    }
}

impl PageStyle {
    /// The style a block kind is set in.
    pub fn style_for(&self, kind: BlockKind) -> TextStyle {
        match kind {
            BlockKind::Title => self
                .body
                .with_size(self.body.size * self.title_scale)
                .bold(),
            BlockKind::Heading => self
                .body
                .with_size(self.body.size * self.heading_scale)
                .bold(),
            BlockKind::Paragraph(_) => self.body.clone(),
        }
    }

    /// Width of the text column for a pane of `pane_width` points.
    pub fn column_width(&self, pane_width: f32) -> f32 {
        let max = self.measure_em * self.body.size;
        (pane_width - 2.0 * self.margin).clamp(40.0, max.max(40.0))
    }

    /// Where the text column sits in a pane of `pane_width` points.
    pub fn frame(&self, pane_width: f32) -> PageFrame {
        let column_width = self.column_width(pane_width);
        PageFrame {
            column_x: ((pane_width - column_width) / 2.0).max(0.0),
            column_width,
            top: self.margin,
        }
    }

    /// Vertical space below a block.
    pub fn gap_after(&self, kind: BlockKind) -> f32 {
        let em = self.body.size;
        match kind {
            BlockKind::Title => 1.2 * em,
            BlockKind::Heading => 0.6 * em,
            BlockKind::Paragraph(_) => self.paragraph_gap_em * em,
        }
    }
}

/// The text column's place in the pane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageFrame {
    /// Left edge of the text column.
    pub column_x: f32,
    /// Width of the text column.
    pub column_width: f32,
    /// Space above the first block (and below the last).
    pub top: f32,
}

/// A laid-out block placed on the page.
#[derive(Debug, Clone)]
pub struct PlacedBlock {
    /// Index into [`Page::blocks`].
    pub index: usize,
    /// Top of the block, in page coordinates.
    pub top: f32,
    /// Its layout.
    pub layout: Arc<ParagraphLayout>,
}

/// A document's blocks with estimated or measured heights and a per-block layout cache.
#[derive(Debug)]
pub struct Page {
    /// Blocks in reading order: title, then headings and paragraphs.
    pub blocks: Vec<Block>,
    /// Block index of every body paragraph.
    paragraph_blocks: Vec<usize>,
    heights: Vec<f32>,
    measured: Vec<bool>,
    tops: Vec<f32>,
    tops_dirty: bool,
    cache: HashMap<usize, Arc<ParagraphLayout>>,
    /// The (column width, style key) the cache and measurements belong to.
    cache_key: Option<(u32, u64, bool)>,
    /// Measured advance per char relative to the font size, for estimating unlaid blocks.
    advance_per_char_em: f32,
}

/// Blocks kept laid out beyond the visible ones before the cache is trimmed.
const CACHE_LIMIT: usize = 1500;

/// How far below what the screen asks a long paragraph is laid out at first, in points.
const LAZY_AHEAD: f32 = 2000.0;

impl Page {
    /// The page for a document: its title, then each section's heading and paragraphs.
    pub fn new(doc: &Document) -> Self {
        let mut blocks = vec![Block {
            kind: BlockKind::Title,
            text: doc.title.clone(),
        }];
        let mut para = 0;
        for section in &doc.sections {
            if let Some(h) = &section.heading {
                blocks.push(Block {
                    kind: BlockKind::Heading,
                    text: h.clone(),
                });
            }
            for p in &section.paragraphs {
                blocks.push(Block {
                    kind: BlockKind::Paragraph(para),
                    text: p.clone(),
                });
                para += 1;
            }
        }
        let n = blocks.len();
        let paragraph_blocks = blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b.kind, BlockKind::Paragraph(_)))
            .map(|(i, _)| i)
            .collect();
        Self {
            blocks,
            paragraph_blocks,
            heights: vec![0.0; n],
            measured: vec![false; n],
            tops: vec![0.0; n + 1],
            tops_dirty: true,
            cache: HashMap::new(),
            cache_key: None,
            advance_per_char_em: 0.42,
        }
    }

    /// Index of the block showing body paragraph `paragraph`.
    pub fn block_of_paragraph(&self, paragraph: usize) -> Option<usize> {
        self.paragraph_blocks.get(paragraph).copied()
    }

    /// Makes the page ready for a column width and style, dropping stale layouts.
    pub fn prepare(&mut self, style: &PageStyle, width: f32) {
        let key = (
            width.to_bits(),
            style.body.layout_key() ^ style.title_scale.to_bits() as u64,
            // Hidden diacritics change the laid-out text: everything is laid out again.
            style.show_diacritics,
        );
        if self.cache_key == Some(key) {
            return;
        }
        self.cache_key = Some(key);
        self.cache.clear();
        self.measured.iter_mut().for_each(|m| *m = false);
        for i in 0..self.blocks.len() {
            self.heights[i] = self.estimate(i, style, width);
        }
        self.tops_dirty = true;
    }

    fn estimate(&self, i: usize, style: &PageStyle, width: f32) -> f32 {
        let kind = self.blocks[i].kind;
        let ts = style.style_for(kind);
        let chars = self.blocks[i].text.chars().count().max(1) as f32;
        let lines = (chars * self.advance_per_char_em * ts.size / width)
            .ceil()
            .max(1.0);
        lines * ts.size * ts.line_height + style.gap_after(kind)
    }

    fn refresh_tops(&mut self) {
        if !self.tops_dirty {
            return;
        }
        let mut y = 0.0;
        for (i, h) in self.heights.iter().enumerate() {
            self.tops[i] = y;
            y += h;
        }
        self.tops[self.heights.len()] = y;
        self.tops_dirty = false;
    }

    /// Total height of the page's blocks (measured where laid out, estimated elsewhere).
    pub fn height(&mut self) -> f32 {
        self.refresh_tops();
        self.tops[self.blocks.len()]
    }

    /// Top of a block in page coordinates.
    pub fn top_of(&mut self, index: usize) -> f32 {
        self.refresh_tops();
        self.tops[index.min(self.blocks.len())]
    }

    /// Index of the block at page height `y`.
    pub fn block_at(&mut self, y: f32) -> usize {
        self.refresh_tops();
        let n = self.blocks.len();
        self.tops[..n]
            .partition_point(|&t| t <= y)
            .saturating_sub(1)
    }

    /// Lays out (or takes from the cache) one whole block.
    pub fn layout(
        &mut self,
        engine: &mut LayoutEngine,
        style: &PageStyle,
        width: f32,
        index: usize,
    ) -> Arc<ParagraphLayout> {
        self.layout_down_to(engine, style, width, index, f32::INFINITY)
    }

    /// Lays out a block at least down to `need` points from its top (a long paragraph's
    /// further lines wait until they come into view).
    fn layout_down_to(
        &mut self,
        engine: &mut LayoutEngine,
        style: &PageStyle,
        width: f32,
        index: usize,
        need: f32,
    ) -> Arc<ParagraphLayout> {
        self.prepare(style, width);
        let kind = self.blocks[index].kind;
        let text_style = style.style_for(kind);
        let layout = match self.cache.remove(&index) {
            Some(l) if l.resume.is_none() || l.height >= need => {
                self.cache.insert(index, l.clone());
                return l;
            }
            // Laid out in part: go on below, in place when no one else holds the layout.
            Some(l) => {
                let mut more = Arc::try_unwrap(l).unwrap_or_else(|shared| (*shared).clone());
                engine.extend_in_place(&mut more, &text_style, need + LAZY_AHEAD);
                Arc::new(more)
            }
            None => {
                let block = &self.blocks[index];
                let text = if style.show_diacritics {
                    std::borrow::Cow::Borrowed(block.text.as_str())
                } else {
                    std::borrow::Cow::Owned(hide_diacritics(&block.text))
                };
                Arc::new(engine.layout_until(&text, &text_style, width, need + LAZY_AHEAD))
            }
        };
        let rest = layout.resume.map_or(0.0, |r| {
            let chars = layout.char_len().saturating_sub(r.char) as f32;
            let lines = (chars * self.advance_per_char_em * text_style.size / width).ceil();
            lines * text_style.size * text_style.line_height
        });
        let h = layout.height + rest + style.gap_after(kind);
        if (self.heights[index] - h).abs() > 0.01 {
            self.heights[index] = h;
            self.tops_dirty = true;
        }
        if !self.measured[index] {
            self.measured[index] = true;
            self.learn_advance(&layout, text_style.size);
        }
        self.cache.insert(index, layout.clone());
        layout
    }

    fn learn_advance(&mut self, layout: &ParagraphLayout, size: f32) {
        let chars = layout.resume.map_or(layout.char_len(), |r| r.char);
        if chars < 40 || layout.lines.len() < 2 {
            return;
        }
        let drawn: f32 = layout.lines.iter().map(|l| l.x_max - l.x_min).sum();
        let per_char = drawn / chars as f32 / size;
        self.advance_per_char_em = 0.8 * self.advance_per_char_em + 0.2 * per_char;
    }

    /// Lays out and places every block that intersects page heights `y0..y1`.
    ///
    /// Measuring may change heights of the blocks it lays out; placement is
    /// repeated until the visible set is stable.
    pub fn visible(
        &mut self,
        engine: &mut LayoutEngine,
        style: &PageStyle,
        width: f32,
        y0: f32,
        y1: f32,
    ) -> Vec<PlacedBlock> {
        self.prepare(style, width);
        let mut range = self.range_between(y0, y1);
        for _ in 0..4 {
            for i in range.clone() {
                let need = y1 - self.top_of(i);
                self.layout_down_to(engine, style, width, i, need);
            }
            let again = self.range_between(y0, y1);
            if again == range {
                break;
            }
            range = again;
        }
        self.trim_cache(&range);
        self.refresh_tops();
        range
            .filter_map(|i| {
                let layout = self.cache.get(&i)?.clone();
                Some(PlacedBlock {
                    index: i,
                    top: self.tops[i],
                    layout,
                })
            })
            .collect()
    }

    fn range_between(&mut self, y0: f32, y1: f32) -> Range<usize> {
        if self.blocks.is_empty() {
            return 0..0;
        }
        let first = self.block_at(y0);
        let mut last = self.block_at(y1);
        last = last.min(self.blocks.len() - 1);
        first..last + 1
    }

    fn trim_cache(&mut self, visible: &Range<usize>) {
        if self.cache.len() <= CACHE_LIMIT {
            return;
        }
        let keep = CACHE_LIMIT / 2;
        let lo = visible.start.saturating_sub(keep);
        let hi = visible.end + keep;
        self.cache.retain(|&i, _| i >= lo && i < hi);
    }

    /// Forgets every layout (the fonts changed).
    pub fn invalidate(&mut self) {
        self.cache_key = None;
    }

    /// The cached layout of a block, if it has been laid out at the current width.
    pub fn cached(&self, index: usize) -> Option<Arc<ParagraphLayout>> {
        self.cache.get(&index).cloned()
    }
}

/// Replaces harakat and Quranic marks with U+034F (an invisible, joining-transparent mark),
/// so they vanish while every char keeps its index.
pub fn hide_diacritics(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}' => '\u{034F}',
            _ => c,
        })
        .collect()
}
