//! Loading files into a plain `Document`: formats, encodings, and the errors a file can cause.

pub mod encoding;
pub mod error;
pub mod load;
pub mod model;
pub mod plain_text;

pub use error::LoadError;
pub use load::{LoadOptions, load_bytes, load_path};
pub use model::{Document, Section};
pub use plain_text::parse_plain_text;
