//! Quote cards: a quote typeset by qari's own text path (bundled Naskh, guillemets, right to
//! left, wrapped), with its speaker and the article's title, drawn into a PNG-ready image
//! sized for social media.

use cosmic_text::SwashCache;

use super::fonts::BundledFamily;
use super::layout::{LayoutEngine, ParagraphLayout};
use super::raster::{Image, draw_paragraph};
use super::style::{FontChoice, TextStyle};
use super::theme::{Rgba, Theme};

/// What a card shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCard {
    /// The quoted words, without marks.
    pub quote: String,
    /// Who said it, if known.
    pub speaker: Option<String>,
    /// The article's title.
    pub title: String,
}

/// How a card is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardStyle {
    /// Width in pixels (1080 suits most social networks).
    pub width: u32,
    /// Page colours.
    pub theme: Theme,
}

impl Default for CardStyle {
    fn default() -> Self {
        Self {
            width: 1080,
            theme: Theme::Light,
        }
    }
}

/// One text block of a card and where it sits, in pixels.
#[derive(Debug, Clone)]
pub struct CardBlock {
    /// Its layout (logical text, lines, glyphs).
    pub layout: ParagraphLayout,
    /// Left edge of its column.
    pub x: f32,
    /// Top edge.
    pub y: f32,
}

/// The laid-out card: its blocks (quote, then speaker and title when present) and size.
#[derive(Debug, Clone)]
pub struct CardLayout {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The margin on every side.
    pub margin: f32,
    /// The quote block, then the attribution blocks.
    pub blocks: Vec<CardBlock>,
    /// The quote was cut at a word to fit.
    pub cut: bool,
}

/// Most lines of quote a card holds; a longer quote is cut at a word with an ellipsis.
const MAX_QUOTE_LINES: usize = 14;

impl QuoteCard {
    /// Lays the card out at a width.
    pub fn layout(&self, engine: &mut LayoutEngine, style: CardStyle) -> CardLayout {
        let width = style.width.clamp(320, 4096) as f32;
        let margin = (width * 0.09).round();
        let column = width - 2.0 * margin;
        let quote_style = TextStyle {
            family: FontChoice::Bundled(BundledFamily::Amiri),
            size: (width / 24.0).round(),
            line_height: 1.75,
            bold: false,
            justify: false,
        };
        let (quote, cut) = fit_quote(engine, &self.quote, &quote_style, column);
        let small = TextStyle {
            family: FontChoice::Bundled(BundledFamily::NotoNaskh),
            size: (width / 40.0).round(),
            line_height: 1.5,
            bold: false,
            justify: false,
        };
        let mut blocks = vec![CardBlock {
            layout: quote,
            x: margin,
            y: margin,
        }];
        let mut y = margin + blocks[0].layout.height + margin * 0.45;
        if let Some(speaker) = self.speaker.as_deref().filter(|s| !s.trim().is_empty()) {
            let layout = engine.layout(&format!("— {}", speaker.trim()), &small.bold(), column);
            let h = layout.height;
            blocks.push(CardBlock {
                layout,
                x: margin,
                y,
            });
            y += h;
        }
        if !self.title.trim().is_empty() {
            let layout = engine.layout(
                self.title.trim(),
                &small.with_size(small.size * 0.85),
                column,
            );
            let h = layout.height;
            blocks.push(CardBlock {
                layout,
                x: margin,
                y,
            });
            y += h;
        }
        CardLayout {
            width: width as u32,
            height: (y + margin).ceil() as u32,
            margin,
            blocks,
            cut,
        }
    }

    /// Draws the card.
    pub fn render(&self, engine: &mut LayoutEngine, style: CardStyle) -> (Image, CardLayout) {
        let layout = self.layout(engine, style);
        let palette = style.theme.palette();
        let mut image = Image::filled(layout.width, layout.height, palette.background);
        let accent: Rgba = [0xc8, 0x70, 0x10, 0xff];
        // A thin accent rule on the right, where an Arabic quote begins.
        let rule_x = layout.width as f32 - layout.margin * 0.5;
        image.fill_rect(
            rule_x - 4.0,
            layout.margin,
            4.0,
            layout.blocks[0].layout.height,
            accent,
        );
        let mut swash = SwashCache::new();
        for (i, block) in layout.blocks.iter().enumerate() {
            let color = match i {
                0 => palette.heading,
                1 if self.speaker.is_some() => accent,
                _ => palette.text,
            };
            draw_paragraph(
                &mut image,
                engine,
                &mut swash,
                &block.layout,
                (block.x, block.y),
                1.0,
                color,
            );
        }
        (image, layout)
    }
}

/// The quote in guillemets, cut at a word with an ellipsis when it would run past the
/// card's line limit.
fn fit_quote(
    engine: &mut LayoutEngine,
    quote: &str,
    style: &TextStyle,
    width: f32,
) -> (ParagraphLayout, bool) {
    let quote = quote.trim();
    let whole = engine.layout(&format!("«{quote}»"), style, width);
    if whole.lines.len() <= MAX_QUOTE_LINES {
        return (whole, false);
    }
    let words: Vec<&str> = quote.split_whitespace().collect();
    // The most words that still fit, found by bisection.
    let (mut lo, mut hi) = (1usize, words.len());
    let mut best = None;
    while lo <= hi {
        let mid = (lo + hi) / 2;
        let text = format!("«{}…»", words[..mid].join(" "));
        let layout = engine.layout(&text, style, width);
        if layout.lines.len() <= MAX_QUOTE_LINES {
            best = Some(layout);
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    match best {
        Some(layout) => (layout, true),
        None => (
            engine.layout(&format!("«{}…»", words[0]), style, width),
            true,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::{FontSources, font_system};

    fn engine() -> LayoutEngine {
        LayoutEngine::new(font_system(FontSources::BundledOnly))
    }

    fn card(quote: &str) -> QuoteCard {
        QuoteCard {
            quote: quote.to_string(),
            speaker: Some("ماريا زاخاروفا".into()),
            title: "روسيا ترد على أميركا".into(),
        }
    }

    #[test]
    fn the_quote_stays_in_logical_order_inside_the_margins() {
        let mut engine = engine();
        let c = card("الصواريخ الذكية قد تكون محاولة لتدمير أدلة على الهجوم الكيميائي المزعوم");
        let layout = c.layout(&mut engine, CardStyle::default());
        let quote = &layout.blocks[0].layout;
        assert_eq!(quote.text, format!("«{}»", c.quote));
        assert!(quote.rtl, "an Arabic quote runs right to left");
        assert!(quote.lines.len() >= 2, "it wraps at 1080 px");
        // Lines cover the text in order, and every line sits inside the margins.
        let mut next = 0;
        for line in &quote.lines {
            assert_eq!(line.chars.start, next);
            next = line.chars.end;
            let left = layout.blocks[0].x + line.x_min;
            let right = layout.blocks[0].x + line.x_max;
            assert!(left >= layout.margin - 1.0, "{left}");
            assert!(
                right <= layout.width as f32 - layout.margin + 1.0,
                "{right}"
            );
        }
        assert_eq!(next, quote.text.chars().count());
        assert_eq!(layout.blocks[1].layout.text, "— ماريا زاخاروفا");
        assert!(!layout.cut);
    }

    #[test]
    fn a_very_long_quote_is_cut_at_a_word_with_an_ellipsis() {
        let mut engine = engine();
        let long = "كلمة طويلة جدا ".repeat(200);
        let layout = card(&long).layout(&mut engine, CardStyle::default());
        let quote = &layout.blocks[0].layout;
        assert!(layout.cut);
        assert!(quote.lines.len() <= MAX_QUOTE_LINES);
        assert!(quote.text.ends_with("…»"), "{}", quote.text);
        let inner = quote.text.trim_start_matches('«').trim_end_matches("…»");
        assert!(long.starts_with(inner), "cut at a word boundary");
        assert!(long[inner.len()..].starts_with(' '));
    }

    #[test]
    fn the_image_has_the_card_size_and_ink() {
        let mut engine = engine();
        let style = CardStyle {
            width: 1080,
            theme: Theme::Dark,
        };
        let (image, layout) = card("نص قصير").render(&mut engine, style);
        assert_eq!(image.width, 1080);
        assert_eq!(image.height, layout.height);
        assert_eq!(image.pixels.len(), 1080 * layout.height as usize * 4);
        let background = Theme::Dark.palette().background;
        let inked = image
            .pixels
            .chunks_exact(4)
            .filter(|p| p[..3] != background[..3])
            .count();
        assert!(inked > 1000, "text was drawn: {inked} pixels");
        let png = image.to_png().unwrap_or_default();
        assert!(png.starts_with(b"\x89PNG"));
    }
}
