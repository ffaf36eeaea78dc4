//! Panels and widgets: they read state and emit commands; they do no I/O.

pub mod notices;
pub mod open_panel;
pub mod reading_pane;
pub mod selection;
pub mod start_screen;
pub mod toolbar;
