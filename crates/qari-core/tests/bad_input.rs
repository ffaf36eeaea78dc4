//! Broken and hostile files: each is refused with a clear one-line error, or opened with a
//! warning, and never panics, hangs or grows memory without bound.

#[expect(dead_code, reason = "the shared helpers include `sample`, unused here")]
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{docx_bytes, epub_bytes, p, seed, temp_file, word_document, zip_bytes};
use qari_core::document::{Format, LoadError, LoadOptions, load_bytes, load_path};

fn err_of(path: &Path, bytes: &[u8]) -> LoadError {
    err_with(path, bytes, &LoadOptions::default())
}

fn err_with(path: &Path, bytes: &[u8], options: &LoadOptions) -> LoadError {
    match load_bytes(path, bytes, options) {
        Ok(doc) => panic!("{} should be refused, got {doc:?}", path.display()),
        Err(e) => {
            let message = e.to_string();
            assert!(!message.contains('\n'), "one line: {message}");
            assert!(
                message.ends_with(&path.display().to_string()),
                "path last: {message}"
            );
            e
        }
    }
}

/// Runs `f`, failing if it takes longer than `limit` (debug builds are slow: limits are generous).
fn within<T>(limit: Duration, what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    assert!(start.elapsed() < limit, "{what} took {:?}", start.elapsed());
    out
}

/// Deterministic pseudo-random bytes (xorshift).
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn empty_and_blank_files() {
    for name in ["e.txt", "e.html", "e.md", "e.json", "e.epub", "e.docx", "e"] {
        assert!(
            matches!(err_of(p(name), b""), LoadError::Empty(_)),
            "{name}"
        );
    }
    assert!(matches!(
        err_of(p("w.txt"), b" \n\t\r\n "),
        LoadError::Empty(_)
    ));
    assert!(matches!(
        err_of(p("w.md"), "\u{feff}\n\n".as_bytes()),
        LoadError::Empty(_)
    ));
    assert!(matches!(
        err_of(p("c.html"), b"<html><script>x()</script><!-- c --></html>"),
        LoadError::NoContent {
            format: Format::Html,
            ..
        }
    ));
}

#[test]
fn binary_files_are_not_text() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".as_slice();
    let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0".as_slice();
    let random = noise(64 * 1024, 7);
    for (name, bytes) in [
        ("image.png", png),
        ("image.txt", png),
        ("program", elf),
        ("program.md", elf),
        ("random.txt", random.as_slice()),
        ("random.html", random.as_slice()),
        ("random.json", random.as_slice()),
        ("random", random.as_slice()),
    ] {
        let e = err_of(p(name), bytes);
        assert!(matches!(e, LoadError::NotText(_)), "{name}: {e}");
        assert!(e.to_string().starts_with("not a text document"), "{e}");
    }
    // A zip that is neither EPUB nor DOCX, with no telling extension.
    let other_zip = zip_bytes(&[("photo.jpg", b"\xff\xd8\xff", false)]);
    assert!(matches!(
        err_of(p("archive"), &other_zip),
        LoadError::NotText(_)
    ));
}

#[test]
fn invalid_utf8_is_replaced_and_counted() {
    let bytes = "عنوان المقال\nفقرة فيها \u{fffd} أصلي وهي سليمة تماما.\nفقرة ثانية طويلة بما يكفي"
        .as_bytes();
    let mut bad = bytes.to_vec();
    bad.extend_from_slice(b" \xff\xfe\xc3 x \xd8");
    for name in ["bad.txt", "bad.md", "bad.html"] {
        let doc = load_bytes(p(name), &bad, &LoadOptions::default()).expect("loads");
        assert_eq!(doc.warnings.len(), 1, "{name}: {:?}", doc.warnings);
        assert!(
            doc.warnings[0]
                .to_string()
                .starts_with("4 invalid byte sequence(s) in UTF-8"),
            "{:?}",
            doc.warnings
        );
        assert!(doc.paragraphs().any(|p| p.contains('\u{fffd}')));
    }
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let (_dir, path) = temp_file("big.txt", &vec![b'a'; 4096]);
    let options = LoadOptions {
        size_limit: 1000,
        ..LoadOptions::default()
    };
    let e = load_path(&path, &options).expect_err("too large");
    assert!(
        matches!(
            e,
            LoadError::TooLarge {
                size: 4096,
                limit: 1000,
                ..
            }
        ),
        "{e}"
    );
    assert!(matches!(
        err_with(p("big.html"), &[b'a'; 2000], &options),
        LoadError::TooLarge { .. }
    ));
    assert_eq!(LoadOptions::default().size_limit, 512 * 1024 * 1024);
}

#[test]
fn truncated_and_corrupt_archives() {
    let epub = std::fs::read(seed("epub")).expect("seed");
    let docx = std::fs::read(seed("docx")).expect("seed");
    for (name, bytes) in [("t.epub", &epub), ("t.docx", &docx)] {
        for cut in [10, bytes.len() / 3, bytes.len() / 2, bytes.len() - 10] {
            let e = err_of(p(name), &bytes[..cut]);
            assert!(
                matches!(e, LoadError::CorruptArchive { .. }),
                "{name} cut at {cut}: {e}"
            );
        }
    }
    let e = err_of(p("fake.epub"), b"this is not a zip file at all");
    assert!(
        matches!(
            e,
            LoadError::CorruptArchive {
                format: Format::Epub,
                ..
            }
        ),
        "{e}"
    );
    assert!(
        e.to_string()
            .starts_with("the EPUB file is damaged or truncated"),
        "{e}"
    );

    // Flip bytes inside the compressed document: a decompression or checksum error.
    let text = word_document(&"<w:p><w:r><w:t>نص طويل يتكرر قليلا</w:t></w:r></w:p>".repeat(200));
    let mut docx = docx_bytes(&text, None);
    let start = docx.len() / 4;
    for b in &mut docx[start..start + 64] {
        *b ^= 0x5a;
    }
    let e = err_of(p("flipped.docx"), &docx);
    assert!(
        matches!(
            e,
            LoadError::CorruptArchive { .. } | LoadError::Malformed { .. }
        ),
        "{e}"
    );
}

#[test]
fn zip_bomb_is_stopped_by_the_ratio_cap() {
    let bomb = vec![b' '; 64 * 1024 * 1024];
    let bytes = docx_bytes(
        &format!(
            "{}{}",
            word_document("<w:p><w:r><w:t>x</w:t></w:r></w:p>"),
            String::from_utf8_lossy(&bomb)
        ),
        None,
    );
    assert!(
        bytes.len() < 200 * 1024,
        "the bomb is small: {}",
        bytes.len()
    );
    let e = within(Duration::from_secs(10), "bomb", || {
        err_of(p("bomb.docx"), &bytes)
    });
    assert!(
        matches!(e, LoadError::CompressionRatio { limit: 200, .. }),
        "{e}"
    );
}

#[test]
fn zip_bomb_with_lying_headers_is_still_stopped() {
    let bomb = vec![b'a'; 16 * 1024 * 1024];
    let mut bytes = zip_bytes(&[
        ("mimetype", b"application/epub+zip", false),
        ("META-INF/container.xml", &bomb, true),
    ]);
    // Claim the big member unpacks to 100 bytes, in the local and the central header.
    let mut at = 0;
    while let Some(i) = bytes[at..]
        .windows(4)
        .position(|w| w == b"PK\x03\x04" || w == b"PK\x01\x02")
    {
        let i = at + i;
        let field = if &bytes[i..i + 4] == b"PK\x03\x04" {
            i + 22
        } else {
            i + 24
        };
        if bytes[field..field + 4] == (16u32 * 1024 * 1024).to_le_bytes() {
            bytes[field..field + 4].copy_from_slice(&100u32.to_le_bytes());
        }
        at = i + 4;
    }
    let e = within(Duration::from_secs(10), "lying bomb", || {
        err_of(p("lie.epub"), &bytes)
    });
    assert!(
        matches!(
            e,
            LoadError::CompressionRatio { .. } | LoadError::CorruptArchive { .. }
        ),
        "{e}"
    );
}

#[test]
fn total_unpacked_size_is_capped() {
    // Six chapters of 1 MiB of hard-to-compress text each; the cap is 3 MiB.
    let chapters: Vec<String> = (0..6)
        .map(|i| {
            let text: String = noise(1024 * 1024, i + 1)
                .iter()
                .map(|b| char::from(b'a' + b % 26))
                .collect();
            format!("<html><body><p>{text}</p></body></html>")
        })
        .collect();
    let names: Vec<String> = (0..6).map(|i| format!("c{i}.xhtml")).collect();
    let list: Vec<(&str, Option<&str>)> = names
        .iter()
        .zip(&chapters)
        .map(|(n, c)| (n.as_str(), Some(c.as_str())))
        .collect();
    let bytes = epub_bytes("كبير", &list);
    let options = LoadOptions {
        max_unpacked: 3 * 1024 * 1024,
        ..LoadOptions::default()
    };
    let e = err_with(p("big.epub"), &bytes, &options);
    assert!(
        matches!(e, LoadError::UnpackedTooLarge { limit: 3145728, .. }),
        "{e}"
    );
    assert!(load_bytes(p("big.epub"), &bytes, &LoadOptions::default()).is_ok());
}

#[test]
fn epub_without_its_parts() {
    let no_container = zip_bytes(&[("mimetype", b"application/epub+zip", false)]);
    let e = err_of(p("a.epub"), &no_container);
    assert!(
        matches!(
            e,
            LoadError::Malformed {
                format: Format::Epub,
                ..
            }
        ),
        "{e}"
    );
    let all_missing = epub_bytes("t", &[("a.xhtml", None), ("b.xhtml", None)]);
    let e = err_of(p("b.epub"), &all_missing);
    assert!(matches!(e, LoadError::Malformed { .. }), "{e}");
    let empty_spine = epub_bytes("t", &[]);
    assert!(matches!(
        err_of(p("c.epub"), &empty_spine),
        LoadError::Malformed { .. }
    ));
    let no_document = zip_bytes(&[("word/styles.xml", b"<w:styles/>", true)]);
    let e = err_of(p("d.docx"), &no_document);
    assert!(
        matches!(
            e,
            LoadError::Malformed {
                format: Format::Docx,
                ..
            }
        ),
        "{e}"
    );
    assert!(
        e.to_string().contains("word/document.xml is missing"),
        "{e}"
    );
}

const LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>"#;

#[test]
fn xml_entity_expansion_is_never_performed() {
    let document = format!(
        r#"{LAUGHS}<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>قبل &lol9; بعد</w:t></w:r></w:p><w:p><w:r><w:t>ثانية</w:t></w:r></w:p></w:body></w:document>"#
    );
    let docx = docx_bytes(&document, None);
    let doc = within(Duration::from_secs(5), "laughs docx", || {
        load_bytes(p("lol.docx"), &docx, &LoadOptions::default()).expect("loads")
    });
    assert_eq!(doc.title, "قبل بعد");
    assert!(doc.char_count() < 100);

    let chapter = format!("{LAUGHS}<html><body><p>نص &lol9; نص</p></body></html>");
    let mut epub = epub_bytes("&lol9;", &[("a.xhtml", Some(&chapter))]);
    let doc = within(Duration::from_secs(5), "laughs epub", || {
        load_bytes(p("lol.epub"), &epub, &LoadOptions::default()).expect("loads")
    });
    assert!(doc.char_count() < 100, "{doc:?}");
    epub.clear();

    let page = format!("{LAUGHS}<html><body><article><p>نص &lol9; نص</p></article></body></html>");
    let doc = load_bytes(p("lol.html"), page.as_bytes(), &LoadOptions::default()).expect("loads");
    assert!(doc.char_count() < 100, "{doc:?}");
}

#[test]
fn html_nested_100000_levels_deep() {
    const DEPTH: usize = 100_000;
    let cases = [
        format!(
            "{}<p>عميق</p>{}",
            "<div>".repeat(DEPTH),
            "</div>".repeat(DEPTH)
        ),
        format!("<article>{}نص عميق", "<b><i>".repeat(DEPTH)),
        format!("<body>{}<p>خلية", "<table><tr><td>".repeat(DEPTH / 3)),
        format!("{}عنوان{}", "<h1>".repeat(DEPTH), "</p>".repeat(DEPTH)),
        "<div><span>".repeat(DEPTH),
    ];
    for (i, html) in cases.iter().enumerate() {
        let result = within(Duration::from_secs(20), "deep html", || {
            load_bytes(p("deep.html"), html.as_bytes(), &LoadOptions::default())
        });
        if i < 4 {
            let doc = result.expect("deep html loads");
            assert!(doc.char_count() > 0, "case {i}");
        }
    }
    let chapter = format!(
        "<html><body>{}<p>x</p></body></html>",
        "<div>".repeat(DEPTH)
    );
    let epub = epub_bytes("deep", &[("a.xhtml", Some(&chapter))]);
    assert!(load_bytes(p("deep.epub"), &epub, &LoadOptions::default()).is_ok());
    let nested = format!(
        "{}x{}",
        "<w:p><w:r><w:t>".repeat(DEPTH / 10),
        "</w:t></w:r></w:p>".repeat(DEPTH / 10)
    );
    let docx = docx_bytes(&word_document(&nested), None);
    assert!(load_bytes(p("deep.docx"), &docx, &LoadOptions::default()).is_ok());
}

#[test]
fn hidden_elements_stay_hidden_beyond_the_tracked_depth() {
    let html = format!(
        "<article>{}<script>var hidden = 1;</script><nav>menu</nav><p>ظاهر</p>",
        "<div>".repeat(5000)
    );
    let doc = load_bytes(p("d.html"), html.as_bytes(), &LoadOptions::default()).expect("loads");
    let text: Vec<_> = doc.paragraphs().collect();
    assert_eq!(text, ["ظاهر"]);
    // XHTML self-closing raw-text elements do not swallow the rest of the chapter.
    let xhtml =
        r#"<html><head><title/><script src="a.js"/></head><body><h1>ف</h1><p>نص</p></body></html>"#;
    let doc = load_bytes(p("c.xhtml"), xhtml.as_bytes(), &LoadOptions::default()).expect("loads");
    assert_eq!((doc.title.as_str(), doc.paragraph_count()), ("ف", 1));
}

#[test]
fn deep_nesting_in_markdown_and_json() {
    let md = format!(
        "# t\n\n{} نص\n\n{}- بند\n",
        ">".repeat(100_000),
        "  ".repeat(5_000)
    );
    within(Duration::from_secs(20), "deep md", || {
        load_bytes(p("deep.md"), md.as_bytes(), &LoadOptions::default()).expect("deep md loads")
    });
    let json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = err_of(p("deep.json"), json.as_bytes());
    assert!(
        matches!(
            e,
            LoadError::Malformed {
                format: Format::Json,
                ..
            }
        ),
        "{e}"
    );
    let wrapped = format!(
        r#"{{"data": {}{{"title": "t", "body": "b"}}{}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    let e = err_of(p("wrapped.json"), wrapped.as_bytes());
    assert!(
        matches!(e, LoadError::Malformed { .. } | LoadError::NoContent { .. }),
        "{e}"
    );
}

#[test]
fn json_that_is_not_articles() {
    let bytes = std::fs::read(common::fixture("formats/not_articles.json")).expect("fixture");
    let e = err_of(p("not_articles.json"), &bytes);
    assert!(
        matches!(
            e,
            LoadError::NoContent {
                format: Format::Json,
                ..
            }
        ),
        "{e}"
    );
    assert!(
        e.to_string()
            .starts_with("no readable text found in this JSON file"),
        "{e}"
    );
    let bytes = std::fs::read(common::fixture("formats/broken.json")).expect("fixture");
    let e = err_of(p("broken.json"), &bytes);
    assert!(
        matches!(
            e,
            LoadError::Malformed {
                format: Format::Json,
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().starts_with("not a valid JSON file ("), "{e}");
}

#[test]
fn missing_unreadable_and_special_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.epub");
    assert!(matches!(
        load_path(&missing, &LoadOptions::default()),
        Err(LoadError::NotFound(_))
    ));
    assert!(matches!(
        load_path(dir.path(), &LoadOptions::default()),
        Err(LoadError::IsDirectory(_))
    ));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked.txt");
        std::fs::write(&locked, "نص").expect("written");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // Root reads anything: only check the refusal where the OS refuses.
        if std::fs::read(&locked).is_err() {
            let e = load_path(&locked, &LoadOptions::default()).expect_err("refused");
            assert!(matches!(e, LoadError::PermissionDenied(_)), "{e}");
        }
        let e = within(Duration::from_secs(2), "/dev/zero", || {
            load_path(Path::new("/dev/zero"), &LoadOptions::default()).expect_err("refused")
        });
        assert!(matches!(e, LoadError::NotRegularFile(_)), "{e}");
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let e = within(Duration::from_secs(2), "fifo", || {
                load_path(&fifo, &LoadOptions::default()).expect_err("refused")
            });
            assert!(matches!(e, LoadError::NotRegularFile(_)), "{e}");
            assert!(e.to_string().starts_with("not a regular file"), "{e}");
        }
    }
}

#[test]
fn ten_megabyte_single_line_loads_quickly() {
    let line = "كلمة عربية., ".repeat(10 * 1024 * 1024 / 22);
    let text = format!("عنوان\n{line}\n");
    assert!(text.len() >= 10 * 1024 * 1024);
    let doc = within(Duration::from_secs(10), "10 MB txt", || {
        load_bytes(p("long.txt"), text.as_bytes(), &LoadOptions::default()).expect("loads")
    });
    assert!(doc.paragraph_count() > 400_000);
    let plain = "كلمة ".repeat(10 * 1024 * 1024 / 9);
    for name in ["long.txt", "long.md", "long.html"] {
        let bytes = format!("عنوان\n\n{plain}");
        let doc = within(Duration::from_secs(10), name, || {
            load_bytes(p(name), bytes.as_bytes(), &LoadOptions::default()).expect("loads")
        });
        let longest = doc.paragraphs().map(str::len).max().unwrap_or(0);
        assert!(
            longest > 9 * 1024 * 1024,
            "{name}: the paragraph is kept intact"
        );
    }
    let json = format!(r#"{{"title": "t", "content": "{plain}"}}"#);
    within(Duration::from_secs(10), "long json", || {
        load_bytes(p("long.json"), json.as_bytes(), &LoadOptions::default()).expect("loads")
    });
}

#[test]
fn error_messages_are_plain_sentences_with_the_path_last() {
    let e = err_of(p("dir/book.epub"), b"PK\x03\x04 truncated");
    let message = e.to_string();
    assert!(
        message.starts_with("the EPUB file is damaged or truncated ("),
        "{message}"
    );
    assert!(message.ends_with("): dir/book.epub"), "{message}");
    assert_eq!(e.path(), p("dir/book.epub"));
}
