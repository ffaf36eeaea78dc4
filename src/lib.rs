//! qari (قارئ): a desktop reader for Arabic articles.
//!
//! The model (`document`, `analysis`, `annotations`, `search`, `arabic`) lives in the
//! `qari-core` crate, free of GUI crates, and is re-exported here; `text` lays out and paints;
//! `state` holds commands, the key map and view state; `ui` draws panels from that state; `app`
//! runs the window and applies commands.

pub use qari_core::{analysis, annotations, arabic, document, search};

pub mod app;
pub mod cli;
pub mod state;
pub mod text;
pub mod ui;
