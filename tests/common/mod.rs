//! The helper module of the application's integration tests: the model's helpers (the bundled
//! sample, fixture paths, scratch directories, zip archives), a layout engine, and the real
//! app in a headless harness.

use egui_kittest::Harness;
use qari::app::{QariApp, StartOptions};
use qari::text::LayoutEngine;
use qari::text::fonts::{FontSources, font_system};

#[path = "../../crates/qari-core/tests/common/mod.rs"]
mod model;
pub use model::*;

/// A layout engine with only the bundled fonts.
pub fn engine() -> LayoutEngine {
    LayoutEngine::new(font_system(FontSources::BundledOnly))
}

/// The real app in a headless window of `size` points, started with `start`.
pub fn app_harness(start: StartOptions, size: [f32; 2]) -> Harness<'static, QariApp> {
    Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| QariApp::new(cc, start))
}
