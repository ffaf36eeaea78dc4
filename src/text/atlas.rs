//! A glyph atlas in an egui texture: glyphs rasterised by swash at physical pixel size.

use std::collections::HashMap;

use cosmic_text::{CacheKey, FontSystem, SwashCache, SwashContent};
use egui::{Color32, ColorImage, Context, Rect, TextureHandle, TextureOptions, pos2, vec2};

/// Side of the square atlas texture at first, in pixels: a short article's glyphs fit in it.
const FIRST_SIZE: usize = 512;
/// Largest side the atlas grows to (16 MB of RGBA); beyond it, a full atlas starts over.
const ATLAS_SIZE: usize = 2048;

/// Where a rasterised glyph sits in the atlas and how to place it.
#[derive(Debug, Clone, Copy)]
pub struct AtlasGlyph {
    /// UV rectangle in the atlas (0..1).
    pub uv: Rect,
    /// Offset of the bitmap's left edge from the glyph origin, in pixels.
    pub left: i32,
    /// Offset of the bitmap's top edge above the baseline, in pixels.
    pub top: i32,
    /// Bitmap size in pixels.
    pub size: [usize; 2],
    /// A colour glyph (emoji): drawn untinted.
    pub colored: bool,
}

/// Rasterises glyphs on demand and packs them into one texture with partial updates.
pub struct GlyphAtlas {
    texture: Option<TextureHandle>,
    /// Side of the texture in pixels; it doubles, up to `ATLAS_SIZE`, when glyphs no longer fit.
    size: usize,
    /// The context the texture lives in (to make a bigger one).
    ctx: Option<Context>,
    swash: SwashCache,
    entries: HashMap<CacheKey, Option<AtlasGlyph>>,
    shelf_x: usize,
    shelf_y: usize,
    shelf_h: usize,
    pixels_per_point: f32,
}

impl std::fmt::Debug for GlyphAtlas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GlyphAtlas")
            .field("glyphs", &self.entries.len())
            .finish()
    }
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        Self {
            texture: None,
            size: FIRST_SIZE,
            ctx: None,
            swash: SwashCache::new(),
            entries: HashMap::new(),
            shelf_x: 0,
            shelf_y: 0,
            shelf_h: 0,
            pixels_per_point: 0.0,
        }
    }
}

impl GlyphAtlas {
    /// Starts a frame: the atlas is emptied when the display scale changed.
    pub fn begin_frame(&mut self, ctx: &Context) {
        let ppp = ctx.pixels_per_point();
        if ppp != self.pixels_per_point {
            self.pixels_per_point = ppp;
            self.clear();
        }
        if self.texture.is_none() {
            self.texture = Some(new_texture(ctx, self.size));
        }
        self.ctx = Some(ctx.clone());
    }

    /// Forgets every glyph (the font system changed, so font ids mean other fonts).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.shelf_x = 0;
        self.shelf_y = 0;
        self.shelf_h = 0;
    }

    /// The atlas texture id.
    pub fn texture_id(&self) -> Option<egui::TextureId> {
        self.texture.as_ref().map(TextureHandle::id)
    }

    /// Display scale the atlas currently rasterises for.
    pub fn pixels_per_point(&self) -> f32 {
        self.pixels_per_point
    }

    /// The atlas entry for a glyph, rasterising and uploading it the first time.
    ///
    /// `None` for glyphs with no ink (spaces) or that cannot be rasterised.
    pub fn glyph(&mut self, fonts: &mut FontSystem, key: CacheKey) -> Option<AtlasGlyph> {
        if let Some(e) = self.entries.get(&key) {
            return *e;
        }
        let entry = self.rasterise(fonts, key);
        self.entries.insert(key, entry);
        entry
    }

    fn rasterise(&mut self, fonts: &mut FontSystem, key: CacheKey) -> Option<AtlasGlyph> {
        let image = self.swash.get_image_uncached(fonts, key)?;
        let (w, h) = (
            image.placement.width as usize,
            image.placement.height as usize,
        );
        if w == 0 || h == 0 || w >= ATLAS_SIZE || h >= ATLAS_SIZE {
            return None;
        }
        let (pixels, colored): (Vec<Color32>, bool) = match image.content {
            SwashContent::Mask => (
                image
                    .data
                    .iter()
                    .map(|&a| Color32::from_white_alpha(a))
                    .collect(),
                false,
            ),
            SwashContent::Color => (
                image
                    .data
                    .chunks_exact(4)
                    .map(|p| Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3]))
                    .collect(),
                true,
            ),
            SwashContent::SubpixelMask => (
                // Take the green channel as plain coverage: egui blends one alpha per pixel.
                image
                    .data
                    .chunks_exact(4)
                    .map(|p| Color32::from_white_alpha(p[1]))
                    .collect(),
                false,
            ),
        };
        if pixels.len() != w * h {
            return None;
        }
        let [x, y] = self.allocate(w, h)?;
        let texture = self.texture.as_mut()?;
        texture.set_partial(
            [x, y],
            ColorImage::new([w, h], pixels),
            TextureOptions::NEAREST,
        );
        let s = self.size as f32;
        Some(AtlasGlyph {
            uv: Rect::from_min_size(
                pos2(x as f32 / s, y as f32 / s),
                vec2(w as f32 / s, h as f32 / s),
            ),
            left: image.placement.left,
            top: image.placement.top,
            size: [w, h],
            colored,
        })
    }

    /// Shelf packing with a one-pixel gutter; a full atlas grows, or at its largest starts over.
    fn allocate(&mut self, w: usize, h: usize) -> Option<[usize; 2]> {
        if w + 1 > self.size || h + 1 > self.size {
            self.grow();
        }
        if self.shelf_x + w + 1 > self.size {
            self.shelf_y += self.shelf_h + 1;
            self.shelf_x = 0;
            self.shelf_h = 0;
        }
        if self.shelf_y + h + 1 > self.size {
            // Glyphs already placed this frame keep their pixels until overwritten next frame.
            self.grow();
            self.clear();
        }
        if w + 1 > self.size || h + 1 > self.size {
            return None;
        }
        let at = [self.shelf_x, self.shelf_y];
        self.shelf_x += w + 1;
        self.shelf_h = self.shelf_h.max(h);
        Some(at)
    }

    /// Doubles the texture (up to `ATLAS_SIZE`); glyphs are placed afresh in the new one,
    /// and the frame drawn meanwhile is redrawn.
    fn grow(&mut self) {
        if self.size >= ATLAS_SIZE {
            return;
        }
        let Some(ctx) = self.ctx.clone() else {
            return;
        };
        self.size = (self.size * 2).min(ATLAS_SIZE);
        self.texture = Some(new_texture(&ctx, self.size));
        self.clear();
        ctx.request_repaint();
    }
}

/// A blank square texture for glyphs.
fn new_texture(ctx: &Context, size: usize) -> TextureHandle {
    let blank = ColorImage::filled([size, size], Color32::TRANSPARENT);
    ctx.load_texture("qari-glyph-atlas", blank, TextureOptions::NEAREST)
}
