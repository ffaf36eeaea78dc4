//! The whole window in the reading theme: toolbar, sidebar, menus, dialogs and notices take
//! the page's colours, not only the page.

use crate::text::Theme;
use crate::text::theme::Rgba;

fn color(c: Rgba) -> egui::Color32 {
    egui::Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

/// egui's visuals for `theme`: egui's light and dark ones, and for sepia the light ones
/// recoloured from the sepia palette (panels a shade darker than the page, fields lighter,
/// brown text and strokes).
pub fn visuals(theme: Theme) -> egui::Visuals {
    match theme {
        Theme::Light => egui::Visuals::light(),
        Theme::Dark => egui::Visuals::dark(),
        Theme::Sepia => sepia(),
    }
}

fn sepia() -> egui::Visuals {
    let palette = Theme::Sepia.palette();
    let page = color(palette.background);
    let text = color(palette.text);
    let panel = egui::Color32::from_rgb(0xec, 0xe2, 0xca);
    let field = egui::Color32::from_rgb(0xfa, 0xf5, 0xe9);
    let button = egui::Color32::from_rgb(0xe3, 0xd5, 0xb5);
    let hover = egui::Color32::from_rgb(0xd9, 0xc8, 0xa2);
    let stroke = egui::Color32::from_rgb(0xc4, 0xae, 0x86);
    let mut v = egui::Visuals::light();
    v.override_text_color = Some(text);
    v.panel_fill = panel;
    v.window_fill = page;
    v.extreme_bg_color = field;
    v.faint_bg_color = page;
    v.code_bg_color = field;
    v.window_stroke = egui::Stroke::new(1.0, stroke);
    v.hyperlink_color = egui::Color32::from_rgb(0x8a, 0x4b, 0x12);
    v.selection.bg_fill = color(palette.selection);
    v.selection.stroke = egui::Stroke::new(1.0, text);
    let w = &mut v.widgets;
    w.noninteractive.bg_fill = panel;
    w.noninteractive.weak_bg_fill = panel;
    w.noninteractive.bg_stroke = egui::Stroke::new(1.0, stroke);
    w.noninteractive.fg_stroke = egui::Stroke::new(1.0, text);
    for (state, fill) in [
        (&mut w.inactive, button),
        (&mut w.hovered, hover),
        (&mut w.active, stroke),
        (&mut w.open, hover),
    ] {
        state.bg_fill = fill;
        state.weak_bg_fill = fill;
        state.fg_stroke.color = text;
    }
    w.hovered.bg_stroke = egui::Stroke::new(1.0, stroke);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sepia_colours_every_surface_and_the_others_keep_eguis() {
        let sepia = visuals(Theme::Sepia);
        let light = egui::Visuals::light();
        for (what, s, l) in [
            ("panels", sepia.panel_fill, light.panel_fill),
            ("windows and menus", sepia.window_fill, light.window_fill),
            (
                "text fields",
                sepia.extreme_bg_color,
                light.extreme_bg_color,
            ),
            (
                "buttons",
                sepia.widgets.inactive.weak_bg_fill,
                light.widgets.inactive.weak_bg_fill,
            ),
        ] {
            assert_ne!(s, l, "{what} stay light grey in sepia");
            // Warm: more red than blue.
            assert!(s.r() > s.b() + 10, "{what} are not warm: {s:?}");
        }
        assert_eq!(visuals(Theme::Light), egui::Visuals::light());
        assert_eq!(visuals(Theme::Dark), egui::Visuals::dark());
    }
}
