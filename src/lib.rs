//! qari (قارئ): a desktop reader for Arabic articles.
//!
//! Model code (`document`, `analysis`, `annotations`, `search`) is free of GUI crates;
//! `text` lays out and paints; `ui` draws panels; `app` runs the window.

pub mod analysis;
pub mod annotations;
pub mod app;
pub mod cli;
pub mod document;
pub mod search;
#[doc(hidden)]
pub mod testing;
pub mod text;
pub mod ui;
