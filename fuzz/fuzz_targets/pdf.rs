//! Fuzzes the PDF loader: raw files, and a well-formed one-page PDF with a fuzzed content
//! stream, ToUnicode map or widths array.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use qari_core::document::{LoadOptions, load_bytes_all};

/// A PDF file from its objects (numbered from 1), with a correct cross-reference table.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

fn one_page(content: &[u8], to_unicode: &[u8], widths: &[u8]) -> Vec<u8> {
    let mut font = b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /ToUnicode 5 0 R /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /DW 500 /W ".to_vec();
    font.extend_from_slice(widths);
    font.extend_from_slice(b" >>] >>");
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>".to_vec(),
        stream("", content),
        stream("", to_unicode),
        font,
    ])
}

const CONTENT: &[u8] = b"BT /F1 12 Tf 500 700 Td [<00010002> -250 <0003>] TJ 0 -20 Td (ab) Tj ET";
const CMAP: &[u8] = b"begincmap 2 beginbfchar <0001> <0627> <0002> <0644> endbfchar 1 beginbfrange <0003> <0005> <0628> endbfrange endcmap";
const WIDTHS: &[u8] = b"[1 [500 600] 3 5 400]";

fuzz_target!(|data: &[u8]| {
    let options = LoadOptions {
        max_unpacked: 16 * 1024 * 1024,
        ..LoadOptions::default()
    };
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = match mode % 4 {
        0 => rest.to_vec(),
        1 => one_page(rest, CMAP, WIDTHS),
        2 => one_page(CONTENT, rest, WIDTHS),
        _ => one_page(CONTENT, CMAP, rest),
    };
    let _ = load_bytes_all(Path::new("fuzz.pdf"), &bytes, &options);
});
