//! Detects and decodes the bytes of a text file: BOM, UTF-8, or a detected legacy Arabic
//! encoding; and decodes with a known or forced encoding.

use encoding_rs::Encoding;

use super::choice::{TextEncoding, decode_cp720};

/// Text decoded from bytes, with how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte order mark.
    pub text: String,
    /// The encoding used (WHATWG name, e.g. `UTF-8`, `windows-1256`).
    pub encoding: &'static str,
    /// How many malformed sequences were replaced with U+FFFD.
    pub replaced: usize,
}

/// Decodes bytes whose encoding is unknown.
///
/// A BOM decides (UTF-8, UTF-16LE/BE); else valid UTF-8 is taken as UTF-8;
/// else chardetng guesses (windows-1256, ISO-8859-6 and the like for Arabic).
pub fn decode_auto(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(&bytes[bom_len..], encoding);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            encoding: encoding_rs::UTF_8.name(),
            replaced: 0,
        };
    }
    if is_mostly_utf8(bytes) {
        return decode_with(bytes, encoding_rs::UTF_8);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    decode_with(bytes, guess)
}

/// UTF-8 with a few damaged sequences: many valid multi-byte characters, few invalid bytes.
///
/// Legacy single-byte Arabic text almost never forms valid multi-byte UTF-8 sequences,
/// so this does not mistake windows-1256 or ISO-8859-6 for UTF-8.
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                valid_multibyte += text.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid_multibyte += std::str::from_utf8(good)
                    .map_or(0, |t| t.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                match e.error_len() {
                    Some(len) => rest = bad.get(len..).unwrap_or_default(),
                    None => break,
                }
            }
        }
    }
    valid_multibyte > 0 && invalid * 4 <= valid_multibyte
}

/// Decodes bytes in a given encoding (a BOM, if present, is skipped but not obeyed).
pub fn decode_with(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(cap);
    let (_, _, _) = decoder.decode_to_string(bytes, &mut text, true);
    let replaced = count_replacements(&text, bytes, encoding);
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Decoded {
        text,
        encoding: encoding.name(),
        replaced,
    }
}

/// Decodes bytes in an encoding the user picked ("Reopen with encoding"), CP720 included.
pub fn decode_as(bytes: &[u8], encoding: TextEncoding) -> Decoded {
    match encoding.encoding_rs() {
        Some(encoding) => decode_with(bytes, encoding),
        None => {
            let text = decode_cp720(bytes);
            Decoded {
                text,
                encoding: encoding.label(),
                replaced: 0,
            }
        }
    }
}

/// Replacement chars produced by decoding (those already in the source are not counted).
fn count_replacements(text: &str, bytes: &[u8], encoding: &'static Encoding) -> usize {
    let produced = text.matches('\u{fffd}').count();
    if encoding == encoding_rs::UTF_8 {
        // U+FFFD encoded in the source itself decodes to U+FFFD without being an error.
        let literal = bytes
            .windows(3)
            .filter(|w| *w == [0xef, 0xbf, 0xbd])
            .count();
        produced.saturating_sub(literal)
    } else {
        produced
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode_auto(b"\xef\xbb\xbfabc");
        assert_eq!((d.text.as_str(), d.encoding), ("abc", "UTF-8"));
    }

    #[test]
    fn forced_cp720_decodes() {
        let d = decode_as(b"\xa0\xe4", TextEncoding::Cp720);
        assert_eq!((d.text.as_str(), d.encoding), ("بغ", "CP720"));
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = "عنوان عربي طويل".as_bytes().to_vec();
        bytes.push(0xff);
        let d = decode_auto(&bytes);
        assert_eq!((d.encoding, d.replaced), ("UTF-8", 1));
        let legacy = encoding_rs::WINDOWS_1256.encode("عنوان عربي طويل").0;
        assert_eq!(decode_auto(&legacy).encoding, "windows-1256");
    }

    #[test]
    fn invalid_utf8_is_counted() {
        let d = decode_with(b"a\xffb\xef\xbf\xbd", encoding_rs::UTF_8);
        assert_eq!(d.text, "a\u{fffd}b\u{fffd}");
        assert_eq!(d.replaced, 1);
    }
}
