//! How bytes become text: detection for text files (`detect`), the charset a web page
//! declares (`html_charset`), and the encodings a reader can force (`choice`, with CP720).

pub mod choice;
pub mod detect;
pub mod html_charset;

pub use choice::TextEncoding;
pub use detect::{Decoded, decode_as, decode_auto, decode_with};
pub use html_charset::decode_html;
