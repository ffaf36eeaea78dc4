//! qari (قارئ): a desktop reader for Arabic articles.
//!
//! Model code (`document`, `analysis`, `annotations`, `search`, `arabic`) is free of GUI crates;
//! `text` lays out and paints; `state` holds commands, the key map and view state; `ui` draws
//! panels from that state; `app` runs the window and applies commands.

pub mod analysis;
pub mod annotations;
pub mod app;
pub mod arabic;
pub mod cli;
pub mod document;
pub mod search;
pub mod state;
pub mod text;
pub mod ui;
