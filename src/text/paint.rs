//! Paints laid-out paragraphs into egui as textured quads from the glyph atlas.

use egui::{Color32, Mesh, Painter, Pos2, Rect, pos2};

use super::atlas::GlyphAtlas;
use super::layout::{LayoutEngine, ParagraphLayout};

/// Snaps a point to the physical pixel grid.
pub fn snap(p: Pos2, pixels_per_point: f32) -> Pos2 {
    pos2(
        (p.x * pixels_per_point).round() / pixels_per_point,
        (p.y * pixels_per_point).round() / pixels_per_point,
    )
}

/// Adds a paragraph's glyphs, with their top-left at `origin`, to `mesh`.
///
/// Glyph origins land on physical pixels, so text is as crisp as the rasteriser made it.
pub fn add_paragraph(
    mesh: &mut Mesh,
    atlas: &mut GlyphAtlas,
    engine: &mut LayoutEngine,
    layout: &ParagraphLayout,
    origin: Pos2,
    color: Color32,
) {
    add_paragraph_within(
        mesh,
        atlas,
        engine,
        layout,
        origin,
        color,
        f32::NEG_INFINITY..f32::INFINITY,
    );
}

/// Adds only the lines of a paragraph that reach into the screen heights `visible`, so a
/// paragraph thousands of lines long costs what the screen shows.
pub fn add_paragraph_within(
    mesh: &mut Mesh,
    atlas: &mut GlyphAtlas,
    engine: &mut LayoutEngine,
    layout: &ParagraphLayout,
    origin: Pos2,
    color: Color32,
    visible: std::ops::Range<f32>,
) {
    let ppp = atlas.pixels_per_point();
    if ppp <= 0.0 {
        return;
    }
    let ox = (origin.x * ppp).round();
    let oy = (origin.y * ppp).round();
    let lines = &layout.lines;
    let first = lines.partition_point(|l| origin.y + l.top + l.height < visible.start);
    let end = lines.partition_point(|l| origin.y + l.top <= visible.end);
    for line in lines.get(first..end.max(first)).unwrap_or_default() {
        for glyph in &line.glyphs {
            let physical = glyph.inner.physical((ox, oy + line.baseline * ppp), ppp);
            let Some(entry) = atlas.glyph(&mut engine.fonts, physical.cache_key) else {
                continue;
            };
            let x = (physical.x + entry.left) as f32 / ppp;
            let y = (physical.y - entry.top) as f32 / ppp;
            let rect = Rect::from_min_size(
                pos2(x, y),
                egui::vec2(entry.size[0] as f32 / ppp, entry.size[1] as f32 / ppp),
            );
            let tint = if entry.colored { Color32::WHITE } else { color };
            mesh.add_rect_with_uv(rect, entry.uv, tint);
        }
    }
}

/// Paints one paragraph directly (for short texts such as labels).
pub fn paint_paragraph(
    painter: &Painter,
    atlas: &mut GlyphAtlas,
    engine: &mut LayoutEngine,
    layout: &ParagraphLayout,
    origin: Pos2,
    color: Color32,
) {
    let Some(texture) = atlas.texture_id() else {
        return;
    };
    let mut mesh = Mesh::with_texture(texture);
    add_paragraph(&mut mesh, atlas, engine, layout, origin, color);
    painter.add(mesh);
}
