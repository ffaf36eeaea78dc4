//! Tells binary data (images, programs, archives, random bytes) from text.

/// NUL bytes outside UTF-16 mean binary data.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let utf16_bom = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    !utf16_bom && bytes.iter().take(64 * 1024).any(|&b| b == 0)
}

/// Magic numbers of common binary files that may contain no NUL byte early on.
pub(crate) fn has_binary_signature(bytes: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 12] = [
        b"\x89PNG",
        b"\xff\xd8\xff",
        b"GIF8",
        b"%PDF-",
        b"\x7fELF",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"BZh",
        b"\xfd7zXZ",
        b"7z\xbc\xaf",
        b"Rar!",
        b"\xd0\xcf\x11\xe0",
    ];
    SIGNATURES.iter().any(|sig| bytes.starts_with(sig))
}

/// Text has few control characters besides line breaks and tabs.
pub(crate) fn is_mostly_text(text: &str) -> bool {
    let sample = text.chars().take(64 * 1024);
    let (mut total, mut odd) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{fffd}' {
            odd += 1;
        }
    }
    odd * 10 < total.max(1)
}
