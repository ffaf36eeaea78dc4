//! Reading themes: the page's colours, shared by the window and `qari render`.

/// An sRGB colour with straight (unmultiplied) alpha.
pub type Rgba = [u8; 4];

/// The colour scheme of the reading page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// Dark text on near-white paper.
    #[default]
    Light,
    /// Brown text on warm paper.
    Sepia,
    /// Light text on a dark page.
    Dark,
}

/// Colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Page background.
    pub background: Rgba,
    /// Body text.
    pub text: Rgba,
    /// Title and headings.
    pub heading: Rgba,
    /// Selection fill behind the glyphs.
    pub selection: Rgba,
}

impl Theme {
    /// Every theme, in the order they are offered.
    pub const ALL: [Self; 3] = [Self::Light, Self::Sepia, Self::Dark];

    /// The theme's colours.
    pub fn palette(self) -> Palette {
        match self {
            Self::Light => Palette {
                background: [0xfb, 0xfa, 0xf7, 0xff],
                text: [0x1f, 0x1f, 0x1f, 0xff],
                heading: [0x10, 0x10, 0x10, 0xff],
                selection: [0xb4, 0xd5, 0xfe, 0xff],
            },
            Self::Sepia => Palette {
                background: [0xf4, 0xec, 0xd8, 0xff],
                text: [0x4b, 0x36, 0x20, 0xff],
                heading: [0x3a, 0x28, 0x14, 0xff],
                selection: [0xe0, 0xc8, 0x90, 0xff],
            },
            Self::Dark => Palette {
                background: [0x1c, 0x1d, 0x20, 0xff],
                text: [0xdc, 0xdc, 0xd8, 0xff],
                heading: [0xf0, 0xf0, 0xec, 0xff],
                selection: [0x2f, 0x4f, 0x7f, 0xff],
            },
        }
    }

    /// Whether the theme is dark (for egui's own widgets).
    pub fn is_dark(self) -> bool {
        self == Self::Dark
    }
}
