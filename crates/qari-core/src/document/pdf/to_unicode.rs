//! A font's `/ToUnicode` CMap: which text each character code stands for (`bfchar` and `bfrange` entries).

use std::collections::HashMap;

/// Most codes one map may define (a range can name up to 65,536 at once).
const MAX_CODES: usize = 200_000;

/// Codes to text, read from a ToUnicode CMap.
#[derive(Debug, Default)]
pub(crate) struct ToUnicode {
    map: HashMap<u32, String>,
}

impl ToUnicode {
    /// Parses a CMap stream's text; entries it cannot read are skipped.
    pub(crate) fn parse(data: &[u8]) -> Self {
        let tokens = tokens(data);
        let mut map = HashMap::new();
        let mut i = 0;
        let mut section: Option<&[u8]> = None;
        // Work is bounded, not only the map: ranges can name the same codes again and again.
        let mut work = 0usize;
        while i < tokens.len() && map.len() < MAX_CODES && work < MAX_CODES * 4 {
            match &tokens[i] {
                Token::Word(w) if w == b"beginbfchar" || w == b"beginbfrange" => {
                    section = Some(if w == b"beginbfchar" {
                        b"char"
                    } else {
                        b"range"
                    });
                    i += 1;
                }
                Token::Word(_) => {
                    section = None;
                    i += 1;
                }
                Token::Hex(src) if section == Some(b"char") => {
                    work += 1;
                    if let Some(Token::Hex(dst)) = tokens.get(i + 1) {
                        map.insert(code(src), utf16(dst));
                    }
                    i += 2;
                }
                Token::Hex(lo) if section == Some(b"range") => {
                    let (Some(Token::Hex(hi)), Some(dst)) = (tokens.get(i + 1), tokens.get(i + 2))
                    else {
                        break;
                    };
                    let (lo, hi) = (code(lo), code(hi));
                    let count = hi.saturating_sub(lo).min(65_535) as usize + 1;
                    work += count;
                    match dst {
                        Token::Hex(first) => {
                            let first = utf16_units(first);
                            for k in 0..count {
                                let mut units = first.clone();
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(k as u16);
                                }
                                map.insert(
                                    lo.wrapping_add(k as u32),
                                    String::from_utf16_lossy(&units),
                                );
                            }
                        }
                        Token::Array(items) => {
                            for (k, item) in items.iter().take(count).enumerate() {
                                map.insert(lo.wrapping_add(k as u32), utf16(item));
                            }
                        }
                        Token::Word(_) => {}
                    }
                    i += 3;
                }
                _ => i += 1,
            }
        }
        Self { map }
    }

    /// The text of a code, if the map names it.
    pub(crate) fn get(&self, code: u32) -> Option<&str> {
        self.map.get(&code).map(String::as_str)
    }

    /// Whether the map names no code at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

enum Token {
    Hex(Vec<u8>),
    Array(Vec<Vec<u8>>),
    Word(Vec<u8>),
}

/// Hex strings, arrays of hex strings and bare words; comments and other syntax are skipped.
fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut array: Option<Vec<Vec<u8>>> = None;
    while i < data.len() {
        let b = data[i];
        match b {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(data.len(), |p| i + p);
                let hex = hex_bytes(&data[i + 1..end]);
                match &mut array {
                    Some(items) => items.push(hex),
                    None => out.push(Token::Hex(hex)),
                }
                i = end + 1;
            }
            b'[' => {
                array = Some(Vec::new());
                i += 1;
            }
            b']' => {
                if let Some(items) = array.take() {
                    out.push(Token::Array(items));
                }
                i += 1;
            }
            b'%' => {
                i += data[i..]
                    .iter()
                    .position(|&c| c == b'\n' || c == b'\r')
                    .unwrap_or(data.len() - i);
            }
            _ if b.is_ascii_alphabetic() => {
                let end = data[i..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(data.len(), |p| i + p);
                if array.is_none() {
                    out.push(Token::Word(data[i..end].to_vec()));
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

fn hex_bytes(hex: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = hex
        .iter()
        .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|pair| (pair[0] << 4) | pair.get(1).copied().unwrap_or(0))
        .collect()
}

fn code(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|pair| (u16::from(pair[0]) << 8) | u16::from(pair.get(1).copied().unwrap_or(0)))
        .collect()
}

fn utf16(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_ranges_and_arrays() {
        let cmap = ToUnicode::parse(
            b"/CIDInit /ProcSet findresource begin\n2 beginbfchar\n<0003> <0020>\n<01F4> <0644 0627>\nendbfchar\n\
              1 beginbfrange\n<0010> <0012> <0627>\nendbfrange\n1 beginbfrange\n<20> <21> [<0041> <D83D DE00>]\nendbfrange\nend",
        );
        assert_eq!(cmap.get(3), Some(" "));
        assert_eq!(cmap.get(0x1f4), Some("\u{644}\u{627}"));
        assert_eq!(cmap.get(0x12), Some("\u{629}"));
        assert_eq!(cmap.get(0x21), Some("😀"));
        assert_eq!(cmap.get(0x13), None);
    }
}
