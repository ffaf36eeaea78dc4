//! Fonts for the window: egui's fallback for short labels, and switching layout to the
//! installed fonts when the reader picks one.

use crate::text::LayoutEngine;

use super::QariApp;

impl QariApp {
    /// Switches layout to a font system with the installed fonts (once, when first needed).
    pub(super) fn use_system_fonts(&mut self) {
        let Some(db) = self.system_fonts.take() else {
            return;
        };
        let fonts = cosmic_text::FontSystem::new_with_locale_and_db("ar".into(), *db);
        self.text.engine = LayoutEngine::new(fonts);
        // Font ids now name other fonts: nothing laid out or rasterised before is valid.
        self.text.atlas.clear();
        self.text.labels.clear();
        if let Some(d) = &mut self.document {
            d.view.page.invalidate();
        }
    }
}

/// Gives egui's own widgets an Arabic fallback font, so short Arabic labels have glyphs.
pub(super) fn install_ui_fonts(ctx: &egui::Context) {
    let Some(bytes) = crate::text::fonts::bundled_font("NotoSansArabic-Regular.ttf") else {
        return;
    };
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans-arabic".into(),
        std::sync::Arc::new(egui::FontData::from_static(bytes)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-sans-arabic".into());
    }
    ctx.set_fonts(fonts);
}
