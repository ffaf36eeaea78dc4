//! Loading files into a plain `Document`: formats, encodings, and the errors a file can cause.

mod archive;
mod binary;
mod docx;
pub mod encoding;
mod epub;
pub mod error;
pub mod format;
pub mod html;
mod html_dom;
pub mod json;
pub mod load;
pub mod markdown;
pub mod model;
pub mod options;
mod pdf;
pub mod plain_text;
mod read_file;
mod readability;
mod text_buf;
pub mod warning;
mod xml;

pub use encoding::TextEncoding;
pub use error::LoadError;
pub use format::Format;
pub use html::parse_html;
pub use json::parse_json;
pub use load::{
    DEFAULT_MAX_RATIO, DEFAULT_MAX_UNPACKED, DEFAULT_SIZE_LIMIT, LoadOptions, load_bytes,
    load_bytes_all, load_documents, load_path,
};
pub use markdown::parse_markdown;
pub use model::{Block, Direction, Document, Section};
pub use plain_text::parse_plain_text;
pub use warning::Warning;
