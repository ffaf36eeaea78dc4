//! Helpers for the integration tests and benchmarks: the bundled sample, fixtures, scratch dirs.

use std::path::PathBuf;

use crate::document::{Document, LoadOptions, load_path};
use crate::text::LayoutEngine;
use crate::text::fonts::{FontSources, font_system};

/// The bundled sample article.
pub fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/000_f28f254fb6dd51e1.txt")
}

/// The sample, loaded; panics (failing the test) if it cannot be.
pub fn sample() -> Document {
    match load_path(&sample_path(), &LoadOptions::default()) {
        Ok(doc) => doc,
        Err(err) => panic!("the bundled sample must load: {err}"),
    }
}

/// A layout engine with only the bundled fonts.
pub fn engine() -> LayoutEngine {
    LayoutEngine::new(font_system(FontSources::BundledOnly))
}

/// A file under `tests/fixtures`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A fresh directory that outlives the test's harness.
pub fn scratch_dir() -> PathBuf {
    match tempfile::tempdir() {
        Ok(dir) => dir.keep(),
        Err(err) => panic!("a temporary directory is needed: {err}"),
    }
}
