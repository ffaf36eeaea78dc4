//! A round colour button for picking a highlight colour.

use egui::{Color32, Response, Sense, Stroke, Ui, vec2};

use crate::annotations::HighlightColor;

use crate::state::i18n::Strings;

/// The colour's name in the interface language.
pub fn color_name(color: HighlightColor, s: &Strings) -> &'static str {
    match color {
        HighlightColor::Yellow => s.yellow,
        HighlightColor::Green => s.green,
        HighlightColor::Blue => s.blue,
        HighlightColor::Pink => s.pink,
        HighlightColor::Orange => s.orange,
    }
}

/// A clickable colour dot, ringed when `selected`; `label` names it for assistive technology.
pub fn swatch(ui: &mut Ui, color: HighlightColor, selected: bool, label: String) -> Response {
    let (rect, response) = ui.allocate_exact_size(vec2(22.0, 22.0), Sense::click());
    let [r, g, b] = color.rgb();
    let radius = if response.hovered() { 10.0 } else { 9.0 };
    ui.painter()
        .circle_filled(rect.center(), radius, Color32::from_rgb(r, g, b));
    if selected {
        ui.painter().circle_stroke(
            rect.center(),
            10.5,
            Stroke::new(2.0, ui.visuals().text_color()),
        );
    }
    response.widget_info(move || {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &label)
    });
    response
}
