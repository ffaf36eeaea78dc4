//! The bundled fonts, embedded in the binary, and the font system built from them.

use cosmic_text::{FontSystem, fontdb};

/// A font family the reader offers, bundled with qari.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum BundledFamily {
    /// Amiri: a classical Naskh with Latin glyphs of its own.
    Amiri,
    /// Noto Naskh Arabic: a plainer Naskh, quick to lay out.
    NotoNaskh,
    /// Noto Sans Arabic: a sans-serif (Kufi-like) face for screens.
    NotoSans,
}

impl BundledFamily {
    /// Every bundled family, in the order they are offered.
    pub const ALL: [Self; 3] = [Self::NotoNaskh, Self::Amiri, Self::NotoSans];

    /// The family name as it appears in the font files.
    pub fn family_name(self) -> &'static str {
        match self {
            Self::Amiri => "Amiri",
            Self::NotoNaskh => "Noto Naskh Arabic",
            Self::NotoSans => "Noto Sans Arabic",
        }
    }
}

/// Font files compiled into the binary so qari runs from any directory.
const BUNDLED: [(&str, &[u8]); 10] = [
    (
        "Amiri-Regular.ttf",
        include_bytes!("../../assets/fonts/Amiri-Regular.ttf"),
    ),
    (
        "Amiri-Bold.ttf",
        include_bytes!("../../assets/fonts/Amiri-Bold.ttf"),
    ),
    (
        "NotoNaskhArabic-Regular.ttf",
        include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    ),
    (
        "NotoNaskhArabic-Bold.ttf",
        include_bytes!("../../assets/fonts/NotoNaskhArabic-Bold.ttf"),
    ),
    (
        "NotoSansArabic-Regular.ttf",
        include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "NotoSansArabic-Bold.ttf",
        include_bytes!("../../assets/fonts/NotoSansArabic-Bold.ttf"),
    ),
    // Latin, digits and the ASCII punctuation the Noto Arabic faces lack.
    (
        "NotoSans-Regular.ttf",
        include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    ),
    // Bold Latin for headings: without it a bold Latin word falls back to Amiri's serif.
    (
        "NotoSans-Bold.ttf",
        include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    ),
    // Hebrew words quoted in Arabic text would otherwise show as empty boxes.
    (
        "NotoSansHebrew-Regular.ttf",
        include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf"),
    ),
    (
        "NotoSansHebrew-Bold.ttf",
        include_bytes!("../../assets/fonts/NotoSansHebrew-Bold.ttf"),
    ),
];

/// The bytes of a bundled font file, by file name.
pub fn bundled_font(file_name: &str) -> Option<&'static [u8]> {
    BUNDLED
        .iter()
        .find(|(name, _)| *name == file_name)
        .map(|(_, bytes)| *bytes)
}

/// Which fonts a font system should know about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontSources {
    /// Only the bundled fonts: identical output on every machine (tests, `qari render`).
    BundledOnly,
    /// The bundled fonts plus the fonts installed on the system.
    WithSystem,
}

/// Builds a cosmic-text font system holding the bundled fonts (and, if asked, the system's).
pub fn font_system(sources: FontSources) -> FontSystem {
    let mut db = fontdb::Database::new();
    for (_, bytes) in BUNDLED {
        db.load_font_source(fontdb::Source::Binary(std::sync::Arc::new(bytes)));
    }
    if sources == FontSources::WithSystem {
        db.load_system_fonts();
    }
    db.set_serif_family(BundledFamily::Amiri.family_name());
    db.set_sans_serif_family(BundledFamily::NotoSans.family_name());
    FontSystem::new_with_locale_and_db("ar".to_string(), db)
}

/// The file name a face was loaded from: a bundled file's name, or the installed path's file name.
pub fn face_file_name(font_system: &FontSystem, id: fontdb::ID) -> String {
    let Some(face) = font_system.db().face(id) else {
        return String::from("?");
    };
    match &face.source {
        fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        fontdb::Source::Binary(_) => bundled_file_name(face).to_string(),
    }
}

fn bundled_file_name(face: &fontdb::FaceInfo) -> &'static str {
    let family = face.families.first().map(|(n, _)| n.as_str()).unwrap_or("");
    let bold = face.weight.0 >= 600;
    BUNDLED
        .iter()
        .map(|(name, _)| *name)
        .find(|name| {
            let stem = name.trim_end_matches(".ttf");
            let squashed: String = family.chars().filter(|c| !c.is_whitespace()).collect();
            stem.strip_suffix(if bold { "-Bold" } else { "-Regular" }) == Some(squashed.as_str())
        })
        .unwrap_or("bundled")
}

/// Names of installed font families that cover Arabic letters (for the font picker).
pub fn arabic_families(font_system: &mut FontSystem) -> Vec<String> {
    let faces: Vec<(fontdb::ID, fontdb::Weight, String)> = font_system
        .db()
        .faces()
        .filter_map(|f| Some((f.id, f.weight, f.families.first()?.0.clone())))
        .collect();
    let mut names: Vec<String> = faces
        .into_iter()
        .filter(|(id, weight, _)| {
            font_system
                .get_font(*id, *weight)
                .is_some_and(|font| font.as_swash().charmap().map('ب') != 0)
        })
        .map(|(_, _, name)| name)
        .collect();
    names.sort();
    names.dedup();
    names
}
