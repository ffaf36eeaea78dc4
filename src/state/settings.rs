//! Reading settings remembered between runs.

use serde::{Deserialize, Serialize};

use crate::state::i18n::Lang;
use crate::text::style::FontChoice;
use crate::text::{PageStyle, Theme};

/// Base body text size in points at zoom 1.
const BASE_SIZE: f32 = 20.0;

/// What the reader chose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Page colours.
    pub theme: Theme,
    /// Text zoom factor.
    pub zoom: f32,
    /// Body font.
    pub font: FontChoice,
    /// Line height multiple.
    pub line_height: f32,
    /// Interface language.
    pub lang: Lang,
    /// Sidebar shown.
    pub sidebar_open: bool,
    /// Entity mentions underlined in the text.
    pub underline_entities: bool,
    /// Widest text column, in ems.
    pub measure_em: f32,
    /// Justified paragraphs (spaces widen; letters are never stretched).
    pub justify: bool,
    /// Harakat and other marks shown.
    pub show_diacritics: bool,
    /// Recently opened files, most recent first.
    pub recent: Vec<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        let style = PageStyle::default();
        Self {
            theme: Theme::Light,
            zoom: 1.0,
            font: style.body.family,
            line_height: style.body.line_height,
            lang: Lang::from_env(),
            sidebar_open: true,
            underline_entities: false,
            measure_em: style.measure_em,
            justify: false,
            show_diacritics: true,
            recent: Vec::new(),
        }
    }
}

impl Settings {
    /// Smallest and largest zoom.
    pub const ZOOM_RANGE: (f32, f32) = (0.5, 3.0);

    /// The page style these settings give.
    pub fn page_style(&self) -> PageStyle {
        let mut style = PageStyle::default();
        style.body.size = (BASE_SIZE * self.zoom).round();
        style.body.family = self.font.clone();
        style.body.line_height = self.line_height;
        style.body.justify = self.justify;
        style.measure_em = self.measure_em;
        style.show_diacritics = self.show_diacritics;
        style
    }

    /// Most files kept in the recent list.
    pub const RECENT_LIMIT: usize = 10;

    /// Puts a file at the top of the recent list.
    pub fn remember(&mut self, path: &std::path::Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(Self::RECENT_LIMIT);
    }

    /// Zooms by a step (positive: larger), clamped.
    pub fn zoom_by(&mut self, steps: i32) {
        let z = self.zoom * 1.1f32.powi(steps);
        self.zoom = z.clamp(Self::ZOOM_RANGE.0, Self::ZOOM_RANGE.1);
    }
}
