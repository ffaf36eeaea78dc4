//! The encodings a reader can pick in "Reopen with encoding", including DOS Arabic CP720.

use encoding_rs::Encoding;

/// A text encoding the user can force when a file was detected wrongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// UTF-8 (invalid sequences become U+FFFD).
    Utf8,
    /// Windows Arabic, the usual encoding of old Windows text files.
    Windows1256,
    /// ISO Latin/Arabic.
    Iso8859_6,
    /// DOS Arabic (code page 720).
    Cp720,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
}

impl TextEncoding {
    /// Every encoding, in menu order.
    pub const ALL: [TextEncoding; 6] = [
        Self::Utf8,
        Self::Windows1256,
        Self::Iso8859_6,
        Self::Cp720,
        Self::Utf16Le,
        Self::Utf16Be,
    ];

    /// A name to show in a menu.
    pub fn display_name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Windows1256 => "Arabic (Windows-1256)",
            Self::Iso8859_6 => "Arabic (ISO-8859-6)",
            Self::Cp720 => "Arabic (DOS, CP720)",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
        }
    }

    /// The canonical label, as reported in `Decoded::encoding` (WHATWG name, or `CP720`).
    pub fn label(self) -> &'static str {
        match self.encoding_rs() {
            Some(encoding) => encoding.name(),
            None => "CP720",
        }
    }

    /// The `encoding_rs` codec, if it has one (CP720 does not).
    pub fn encoding_rs(self) -> Option<&'static Encoding> {
        match self {
            Self::Utf8 => Some(encoding_rs::UTF_8),
            Self::Windows1256 => Some(encoding_rs::WINDOWS_1256),
            Self::Iso8859_6 => Some(encoding_rs::ISO_8859_6),
            Self::Cp720 => None,
            Self::Utf16Le => Some(encoding_rs::UTF_16LE),
            Self::Utf16Be => Some(encoding_rs::UTF_16BE),
        }
    }

    /// Looks an encoding up by label (`utf-8`, `windows-1256`, `cp720`, `ibm720`…), case-insensitively.
    pub fn from_label(label: &str) -> Option<Self> {
        let label = label.trim().to_ascii_lowercase();
        if matches!(
            label.as_str(),
            "cp720" | "ibm720" | "ibm-720" | "dos-720" | "720"
        ) {
            return Some(Self::Cp720);
        }
        let encoding = Encoding::for_label(label.as_bytes())?;
        Self::ALL
            .into_iter()
            .find(|e| e.encoding_rs() == Some(encoding))
    }
}

impl std::fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.display_name())
    }
}

/// Bytes 0x80–0xFF of code page 720, as Python's `codecs` 'cp720' decodes them.
///
/// Bytes 0x00–0x7F are ASCII. Every byte is defined, so decoding never fails.
const CP720_HIGH: [char; 128] = [
    '\u{0080}', '\u{0081}', '\u{00e9}', '\u{00e2}', '\u{0084}', '\u{00e0}', '\u{0086}', '\u{00e7}',
    '\u{00ea}', '\u{00eb}', '\u{00e8}', '\u{00ef}', '\u{00ee}', '\u{008d}', '\u{008e}', '\u{008f}',
    '\u{0090}', '\u{0651}', '\u{0652}', '\u{00f4}', '\u{00a4}', '\u{0640}', '\u{00fb}', '\u{00f9}',
    '\u{0621}', '\u{0622}', '\u{0623}', '\u{0624}', '\u{00a3}', '\u{0625}', '\u{0626}', '\u{0627}',
    '\u{0628}', '\u{0629}', '\u{062a}', '\u{062b}', '\u{062c}', '\u{062d}', '\u{062e}', '\u{062f}',
    '\u{0630}', '\u{0631}', '\u{0632}', '\u{0633}', '\u{0634}', '\u{0635}', '\u{00ab}', '\u{00bb}',
    '\u{2591}', '\u{2592}', '\u{2593}', '\u{2502}', '\u{2524}', '\u{2561}', '\u{2562}', '\u{2556}',
    '\u{2555}', '\u{2563}', '\u{2551}', '\u{2557}', '\u{255d}', '\u{255c}', '\u{255b}', '\u{2510}',
    '\u{2514}', '\u{2534}', '\u{252c}', '\u{251c}', '\u{2500}', '\u{253c}', '\u{255e}', '\u{255f}',
    '\u{255a}', '\u{2554}', '\u{2569}', '\u{2566}', '\u{2560}', '\u{2550}', '\u{256c}', '\u{2567}',
    '\u{2568}', '\u{2564}', '\u{2565}', '\u{2559}', '\u{2558}', '\u{2552}', '\u{2553}', '\u{256b}',
    '\u{256a}', '\u{2518}', '\u{250c}', '\u{2588}', '\u{2584}', '\u{258c}', '\u{2590}', '\u{2580}',
    '\u{0636}', '\u{0637}', '\u{0638}', '\u{0639}', '\u{063a}', '\u{0641}', '\u{00b5}', '\u{0642}',
    '\u{0643}', '\u{0644}', '\u{0645}', '\u{0646}', '\u{0647}', '\u{0648}', '\u{0649}', '\u{064a}',
    '\u{2261}', '\u{064b}', '\u{064c}', '\u{064d}', '\u{064e}', '\u{064f}', '\u{0650}', '\u{2248}',
    '\u{00b0}', '\u{2219}', '\u{00b7}', '\u{221a}', '\u{207f}', '\u{00b2}', '\u{25a0}', '\u{00a0}',
];

/// Decodes CP720 bytes; never fails, since every byte has a character.
pub fn decode_cp720(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().saturating_mul(2));
    for &b in bytes {
        text.push(match b.checked_sub(0x80) {
            Some(high) => CP720_HIGH[usize::from(high)],
            None => char::from(b),
        });
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp720_arabic_letters() {
        assert_eq!(decode_cp720(b"\x98\xa0 A"), "ءب A");
    }

    #[test]
    fn labels_round_trip() {
        for e in TextEncoding::ALL {
            assert_eq!(TextEncoding::from_label(e.label()), Some(e), "{e}");
        }
    }
}
