//! The state layer between the panels and the shell: commands, the key map, settings, notices
//! and every piece of view state that panels read and the app changes.
//!
//! `ui/` reads this layer and emits [`Command`]s; `app/` owns the values and applies the
//! commands in one place. Nothing here draws, and nothing here imports `ui` or `app`.

pub mod analysis_progress;
pub mod command;
pub mod find;
pub mod highlights;
pub mod i18n;
pub mod keymap;
pub mod loading;
pub mod marks;
pub mod messages;
pub mod notices;
pub mod open_panel;
pub mod reader_view;
pub mod selection;
pub mod settings;
pub mod settings_store;
pub mod sidebar;

pub use command::Command;
pub use loading::Loading;
