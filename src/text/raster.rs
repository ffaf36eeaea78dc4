//! Draws the reading page into an RGBA image on the CPU, for `qari render` and image tests.

use cosmic_text::{SwashCache, SwashContent};

use super::layout::{LayoutEngine, ParagraphLayout};
use super::page::{BlockKind, Page, PageStyle};
use super::theme::{Rgba, Theme};

/// An RGBA image, rows top to bottom, straight alpha.
#[derive(Debug, Clone)]
pub struct Image {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub pixels: Vec<u8>,
}

impl Image {
    /// An image of one colour.
    pub fn filled(width: u32, height: u32, color: Rgba) -> Self {
        let mut pixels = Vec::with_capacity(width as usize * height as usize * 4);
        for _ in 0..width as usize * height as usize {
            pixels.extend_from_slice(&color);
        }
        Self {
            width,
            height,
            pixels,
        }
    }

    /// Blends `color` at coverage `alpha` over the pixel at (x, y); outside points are ignored.
    fn blend(&mut self, x: i32, y: i32, color: Rgba, alpha: u8) {
        if x < 0 || y < 0 || x >= self.width as i32 || y >= self.height as i32 || alpha == 0 {
            return;
        }
        let i = (y as usize * self.width as usize + x as usize) * 4;
        let a = u32::from(alpha) * u32::from(color[3]) / 255;
        for (dst, src) in self.pixels[i..i + 3].iter_mut().zip(color) {
            *dst = ((u32::from(src) * a + u32::from(*dst) * (255 - a)) / 255) as u8;
        }
        self.pixels[i + 3] = 255;
    }

    /// Fills a rectangle (pixels) with a colour; parts outside the image are ignored.
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgba) {
        let (x0, y0) = (x.round() as i32, y.round() as i32);
        let (x1, y1) = ((x + w).round() as i32, (y + h).round() as i32);
        for py in y0..y1 {
            for px in x0..x1 {
                self.blend(px, py, color, 255);
            }
        }
    }

    /// Encodes the image as PNG.
    pub fn to_png(&self) -> Result<Vec<u8>, png::EncodingError> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, self.width, self.height);
            enc.set_color(png::ColorType::Rgba);
            enc.set_depth(png::BitDepth::Eight);
            let mut writer = enc.write_header()?;
            writer.write_image_data(&self.pixels)?;
        }
        Ok(out)
    }
}

/// What to draw: pane size in points, scroll offset, display scale and theme.
#[derive(Debug, Clone, Copy)]
pub struct RenderRequest {
    /// Pane width in points.
    pub width: f32,
    /// Pane height in points.
    pub height: f32,
    /// Vertical scroll offset in points.
    pub scroll: f32,
    /// Physical pixels per point.
    pub scale: f32,
    /// Colours.
    pub theme: Theme,
}

/// Draws the visible part of the page as the reading pane shows it.
pub fn render_page(
    engine: &mut LayoutEngine,
    page: &mut Page,
    style: &PageStyle,
    req: RenderRequest,
) -> Image {
    let palette = req.theme.palette();
    let scale = req.scale.max(0.1);
    let w_px = (req.width * scale).round().max(1.0) as u32;
    let h_px = (req.height * scale).round().max(1.0) as u32;
    let mut image = Image::filled(w_px, h_px, palette.background);
    let frame = style.frame(req.width);
    let y0 = req.scroll - frame.top;
    let placed = page.visible(engine, style, frame.column_width, y0, y0 + req.height);
    let mut swash = SwashCache::new();
    for block in placed {
        let color = match page.blocks[block.index].kind {
            BlockKind::Paragraph(_) => palette.text,
            BlockKind::Title | BlockKind::Heading => palette.heading,
        };
        let ox = (frame.column_x * scale).round();
        let oy = ((frame.top + block.top - req.scroll) * scale).round();
        draw_paragraph(
            &mut image,
            engine,
            &mut swash,
            &block.layout,
            (ox, oy),
            scale,
            color,
        );
    }
    image
}

/// Draws a laid-out paragraph with its top-left corner at `origin` (physical pixels). Only
/// the lines inside the image are drawn, as the window paints only what it shows, and each
/// glyph is rasterised once.
pub fn draw_paragraph(
    image: &mut Image,
    engine: &mut LayoutEngine,
    swash: &mut SwashCache,
    layout: &ParagraphLayout,
    origin: (f32, f32),
    scale: f32,
    color: Rgba,
) {
    let (ox, oy) = origin;
    let lines = &layout.lines;
    let first = lines.partition_point(|l| oy + (l.top + l.height) * scale < 0.0);
    let end = lines.partition_point(|l| oy + l.top * scale < image.height as f32);
    for line in lines.get(first..end.max(first)).unwrap_or_default() {
        for glyph in &line.glyphs {
            let physical = glyph
                .inner
                .physical((ox, oy + line.baseline * scale), scale);
            let Some(img) = swash.get_image(&mut engine.fonts, physical.cache_key) else {
                continue;
            };
            let left = physical.x + img.placement.left;
            let top = physical.y - img.placement.top;
            let w = img.placement.width as i32;
            for (i, px) in pixels(&img.content, &img.data).enumerate() {
                let (dx, dy) = (i as i32 % w.max(1), i as i32 / w.max(1));
                match px {
                    Pixel::Coverage(a) => image.blend(left + dx, top + dy, color, a),
                    Pixel::Color(c) => image.blend(left + dx, top + dy, c, 255),
                }
            }
        }
    }
}

enum Pixel {
    Coverage(u8),
    Color(Rgba),
}

fn pixels<'a>(content: &SwashContent, data: &'a [u8]) -> Box<dyn Iterator<Item = Pixel> + 'a> {
    match content {
        SwashContent::Mask => Box::new(data.iter().map(|&a| Pixel::Coverage(a))),
        SwashContent::Color => Box::new(
            data.chunks_exact(4)
                .map(|p| Pixel::Color([p[0], p[1], p[2], p[3]])),
        ),
        SwashContent::SubpixelMask => Box::new(data.chunks_exact(4).map(|p| Pixel::Coverage(p[1]))),
    }
}
