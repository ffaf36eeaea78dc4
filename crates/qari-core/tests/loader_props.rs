//! Property tests: whatever bytes a file holds, every loader returns a document or an error,
//! quickly, without panicking.

#[expect(dead_code, reason = "only the zip and fixture helpers are used here")]
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use qari_core::document::{LoadOptions, TextEncoding, load_bytes_all};

/// Every format, by extension, plus one without extension (sniffed).
const NAMES: [&str; 9] = [
    "a.txt", "a.html", "a.md", "a.json", "a.jsonl", "a.epub", "a.docx", "a", "a.xhtml",
];

/// Each call must finish well within this, even in a debug build.
const BOUND: Duration = Duration::from_secs(2);

fn check(name: &str, bytes: &[u8], options: &LoadOptions) {
    let start = Instant::now();
    match load_bytes_all(Path::new(name), bytes, options) {
        Ok(docs) => {
            assert!(!docs.is_empty(), "{name}: Ok with no document");
            for doc in docs {
                for p in doc.paragraphs() {
                    assert!(!p.contains('\n'), "{name}: paragraphs are single lines");
                }
            }
        }
        Err(e) => {
            let message = e.to_string();
            assert!(!message.contains('\n'), "{name}: {message}");
            assert!(message.ends_with(name), "{name}: {message}");
        }
    }
    assert!(start.elapsed() < BOUND, "{name} took {:?}", start.elapsed());
}

/// Text-like bytes: fragments of markup and Arabic mixed with arbitrary bytes.
fn markupish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<p>".to_vec()),
        Just(b"</p>".to_vec()),
        Just(b"<div dir=\"rtl\">".to_vec()),
        Just(b"</div>".to_vec()),
        Just(b"<h1>".to_vec()),
        Just(b"<h2>".to_vec()),
        Just(b"</h1>".to_vec()),
        Just(b"<article lang=ar>".to_vec()),
        Just(b"<script>".to_vec()),
        Just(b"<nav>".to_vec()),
        Just(b"<!--".to_vec()),
        Just(b"&amp;&#1575;&lol;".to_vec()),
        Just(b"<meta charset=windows-1256>".to_vec()),
        Just(b"# ".to_vec()),
        Just(b"\n\n".to_vec()),
        Just(b"> ".to_vec()),
        Just(b"- ".to_vec()),
        Just(b"```".to_vec()),
        Just(b"{\"title\":".to_vec()),
        Just(b"\"content\":[\"".to_vec()),
        Just(b"\"}".to_vec()),
        Just(b"]".to_vec()),
        Just(".,".as_bytes().to_vec()),
        Just("نص عربي".as_bytes().to_vec()),
        proptest::collection::vec(any::<u8>(), 0..8),
    ];
    proptest::collection::vec(piece, 0..64).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for name in NAMES {
            check(name, &bytes, &LoadOptions::default());
        }
    }

    #[test]
    fn markup_like_text_never_panics(bytes in markupish(), enc in 0usize..7) {
        let options = LoadOptions {
            encoding: TextEncoding::ALL.get(enc).copied(),
            ..LoadOptions::default()
        };
        for name in NAMES {
            check(name, &bytes, &options);
        }
    }

    #[test]
    fn archives_with_arbitrary_parts_never_panic(
        part in markupish(),
        which in 0usize..6,
        cut in any::<prop::sample::Index>(),
    ) {
        let container = br#"<container><rootfiles><rootfile full-path="o.opf"/></rootfiles></container>"#;
        let opf = br#"<package><metadata><title>T</title></metadata><manifest><item id="a" href="a.xhtml"/></manifest><spine><itemref idref="a"/></spine></package>"#;
        let chapter = b"<p>x</p>";
        let doc = br#"<w:document><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"#;
        let mut epub: Vec<(&str, &[u8], bool)> = vec![
            ("META-INF/container.xml", container, true),
            ("o.opf", opf, true),
            ("a.xhtml", chapter, true),
        ];
        let mut docx: Vec<(&str, &[u8], bool)> = vec![("word/document.xml", doc, true)];
        match which {
            0..=2 => epub[which].1 = &part,
            3 => docx[0].1 = &part,
            _ => docx.push(("word/styles.xml", &part, true)),
        }
        let epub = common::zip_bytes(&epub);
        let docx = common::zip_bytes(&docx);
        check("a.epub", &epub, &LoadOptions::default());
        check("a.docx", &docx, &LoadOptions::default());
        // Truncated anywhere.
        check("a.epub", &epub[..cut.index(epub.len())], &LoadOptions::default());
        check("a.docx", &docx[..cut.index(docx.len())], &LoadOptions::default());
    }
}

#[test]
fn seeds_truncated_at_every_hundredth_byte_never_panic() {
    for suffix in ["epub", "docx", "html", "json", "md"] {
        let bytes = std::fs::read(common::seed(suffix)).expect("seed");
        let name = format!("s.{suffix}");
        for cut in (0..bytes.len()).step_by(bytes.len() / 100 + 1) {
            check(&name, &bytes[..cut], &LoadOptions::default());
        }
    }
}
