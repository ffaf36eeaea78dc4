//! How reading text looks: family, size, line spacing, weight.

use super::fonts::BundledFamily;

/// The typographic settings one block of text is laid out with.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TextStyle {
    /// The font family: a bundled one, or an installed family by name.
    pub family: FontChoice,
    /// Font size in points.
    pub size: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    /// Bold weight (titles and headings).
    pub bold: bool,
    /// Stretch inter-word spaces so both edges of full lines align.
    pub justify: bool,
}

/// A font family chosen for reading.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum FontChoice {
    /// One of the fonts shipped with qari.
    Bundled(BundledFamily),
    /// A family installed on the system, by name.
    Installed(String),
}

impl FontChoice {
    /// The family name to ask the font system for.
    pub fn family_name(&self) -> &str {
        match self {
            Self::Bundled(b) => b.family_name(),
            Self::Installed(name) => name,
        }
    }
}

impl Default for TextStyle {
    fn default() -> Self {
        Self {
            family: FontChoice::Bundled(BundledFamily::NotoNaskh),
            size: 20.0,
            line_height: 1.6,
            bold: false,
            justify: false,
        }
    }
}

impl TextStyle {
    /// The same style at another size.
    pub fn with_size(&self, size: f32) -> Self {
        Self {
            size,
            ..self.clone()
        }
    }

    /// The same style in bold.
    pub fn bold(&self) -> Self {
        Self {
            bold: true,
            ..self.clone()
        }
    }

    /// A key that changes whenever the layout of text in this style would.
    pub fn layout_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.family.hash(&mut h);
        self.size.to_bits().hash(&mut h);
        self.line_height.to_bits().hash(&mut h);
        self.bold.hash(&mut h);
        self.justify.hash(&mut h);
        h.finish()
    }
}
