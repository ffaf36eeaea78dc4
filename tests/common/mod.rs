//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use qari::document::{Document, LoadOptions, load_path};
use qari::text::LayoutEngine;
use qari::text::fonts::{FontSources, font_system};

/// The bundled sample article.
pub fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/000_f28f254fb6dd51e1.txt")
}

/// The sample, loaded.
pub fn sample() -> Document {
    load_path(&sample_path(), &LoadOptions::default()).expect("the sample loads")
}

/// A layout engine with only the bundled fonts.
pub fn engine() -> LayoutEngine {
    LayoutEngine::new(font_system(FontSources::BundledOnly))
}

/// A file under tests/fixtures.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}
