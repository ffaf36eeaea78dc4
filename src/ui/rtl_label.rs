//! A label whose text goes through qari's bidi-aware text path, wrapped to the available width.

use egui::{Color32, Mesh, Response, Sense, Ui, vec2};

use crate::text::paint::add_paragraph;
use crate::text::{TextStyle, TextSystem};

/// Shows `text` wrapped at the available width; right-to-left text is flush right.
///
/// The text is exposed to the accessibility tree as the widget's label.
pub fn rtl_label(
    ui: &mut Ui,
    text_system: &mut TextSystem,
    text: &str,
    style: &TextStyle,
    color: Color32,
    sense: Sense,
) -> Response {
    rtl_label_named(ui, text_system, text, text, style, color, sense)
}

/// Like [`rtl_label`], with a different accessibility label (e.g. a name without its count).
pub fn rtl_label_named(
    ui: &mut Ui,
    text_system: &mut TextSystem,
    text: &str,
    accessible: &str,
    style: &TextStyle,
    color: Color32,
    sense: Sense,
) -> Response {
    let width = ui.available_width().max(20.0);
    let layout = text_system
        .labels
        .get(&mut text_system.engine, text, style, width);
    let (rect, response) = ui.allocate_exact_size(vec2(width, layout.height), sense);
    if ui.is_rect_visible(rect)
        && let Some(texture) = text_system.atlas.texture_id()
    {
        let mut mesh = Mesh::with_texture(texture);
        add_paragraph(
            &mut mesh,
            &mut text_system.atlas,
            &mut text_system.engine,
            &layout,
            rect.min,
            color,
        );
        ui.painter().add(mesh);
    }
    let label = accessible.to_string();
    // Clickable rows are buttons to assistive technology; plain text is a label.
    let role = if sense.senses_click() {
        egui::accesskit::Role::Button
    } else {
        egui::accesskit::Role::Label
    };
    response.widget_info(move || egui::WidgetInfo::labeled(role, true, &label));
    response
}
