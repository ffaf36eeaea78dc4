//! Arabic-capable text: cosmic-text layout, bundled fonts, hit-testing, and painting into egui.

pub mod atlas;
pub mod card;
pub mod editor;
pub mod field_layout;
pub mod fonts;
pub mod hit;
pub mod label_cache;
pub mod layout;
pub mod page;
pub mod paint;
pub mod raster;
pub mod style;
pub mod system;
pub mod theme;

pub use layout::{LayoutEngine, ParagraphLayout};
pub use page::{Page, PageStyle};
pub use style::TextStyle;
pub use system::TextSystem;
pub use theme::Theme;
