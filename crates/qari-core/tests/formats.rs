//! Every format qari opens: the seed article in each form, and a fixture per format feature.

#[expect(
    dead_code,
    reason = "the shared helpers include `temp_file`, unused here"
)]
mod common;

use common::{docx_bytes, epub_bytes, fixture, p, sample, seed, word_document};
use qari_core::document::{
    Direction, Format, LoadOptions, TextEncoding, encoding, load_bytes, load_bytes_all,
    load_documents, load_path,
};

fn load(path: &std::path::Path) -> qari_core::document::Document {
    load_path(path, &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{} should load: {e}", path.display()))
}

fn paragraphs(doc: &qari_core::document::Document) -> Vec<String> {
    doc.paragraphs().map(str::to_string).collect()
}

#[test]
fn every_seed_format_gives_the_same_article() {
    let want = sample();
    assert_eq!(want.paragraph_count(), 12);
    for suffix in ["html", "md", "epub", "docx", "json", "windows-1256.txt"] {
        let doc = load(&seed(suffix));
        assert_eq!(doc.title, want.title, "{suffix}: title");
        assert_eq!(paragraphs(&doc), paragraphs(&want), "{suffix}: paragraphs");
        assert!(doc.warnings.is_empty(), "{suffix}: {:?}", doc.warnings);
        assert_eq!(doc.source.as_deref(), Some(seed(suffix).as_path()));
    }
}

#[test]
fn seed_page_keeps_only_the_article_and_records_rtl_arabic() {
    let doc = load(&seed("html"));
    assert_eq!(doc.language.as_deref(), Some("ar"));
    assert_eq!(doc.direction, Some(Direction::Rtl));
    let all = paragraphs(&doc).join("\n");
    for dropped in [
        "الرئيسية",
        "لا تظهر",
        "إعلان",
        "الشريط الجانبي",
        "الحقوق",
        "اشترك",
        "شارك",
        "2018",
    ] {
        assert!(
            !all.contains(dropped),
            "{dropped:?} leaked into the article"
        );
    }
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].heading, None);
}

#[test]
fn seed_book_has_two_chapters_as_sections() {
    let doc = load(&seed("epub"));
    let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [Some("الفصل الأول"), Some("الفصل الثاني")]);
    assert_eq!(doc.sections[0].paragraphs.len(), 6);
    assert_eq!(doc.language.as_deref(), Some("ar"));
    assert_eq!(doc.direction, Some(Direction::Rtl));
}

#[test]
fn seed_word_document_has_title_heading_and_bidi() {
    let doc = load(&seed("docx"));
    assert_eq!(doc.direction, Some(Direction::Rtl));
    assert_eq!(doc.language.as_deref(), Some("ar-SA"));
    assert_eq!(doc.sections.len(), 2);
    assert_eq!(doc.sections[1].heading.as_deref(), Some("تفاصيل إضافية"));
}

#[test]
fn seed_json_and_markdown_and_legacy_text() {
    let json = load(&seed("json"));
    assert_eq!(json.sections.len(), 1);
    let legacy = load(&seed("windows-1256.txt"));
    assert_eq!(legacy.sections, sample().sections);
    let md = load(&seed("md"));
    assert!(
        md.paragraphs()
            .next()
            .is_some_and(|p| p.starts_with("#الجيش_الروسي"))
    );
}

#[test]
fn html_without_article_uses_the_block_with_most_text() {
    let doc = load(&fixture("formats/blog_no_article.html"));
    assert_eq!(doc.title, "مدونة | كيف نقرأ");
    assert_eq!(doc.direction, Some(Direction::Rtl));
    assert_eq!(doc.language.as_deref(), Some("ar"));
    let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [Some("مقدمة"), Some("خاتمة")]);
    assert_eq!(
        doc.sections[0].paragraphs,
        [
            "القراءة عادة يومية تحتاج إلى صبر & مثابرة، وهي تفتح آفاقاً جديدة.",
            "نبدأ بكتاب صغير ثم نزيد شيئاً فشيئاً",
            "حتى تصبح القراءة جزءاً من اليوم.",
        ]
    );
    // `&nbsp;` is whitespace like any other inside a paragraph.
    assert_eq!(doc.sections[1].paragraphs, ["الكتاب «صديق» لا يخون أبداً."]);
    assert!(
        !paragraphs(&doc)
            .iter()
            .any(|p| p.contains("روابط") || p.contains("©"))
    );
}

#[test]
fn html_charset_comes_from_meta_or_is_forced() {
    let doc = load(&fixture("formats/legacy_1256.html"));
    assert_eq!(doc.title, "عنوان قديم");
    assert_eq!(
        paragraphs(&doc),
        ["فقرة مكتوبة بترميز ويندوز العربي.", "فقرة ثانية."]
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let forced = LoadOptions {
        encoding: Some(TextEncoding::Iso8859_6),
        ..LoadOptions::default()
    };
    let wrong =
        load_path(&fixture("formats/legacy_1256.html"), &forced).expect("loads when forced");
    assert_ne!(wrong.title, "عنوان قديم");
}

#[test]
fn markdown_front_matter_lists_quotes_and_inline_markup() {
    let doc = load(&fixture("formats/notes.md"));
    assert_eq!(doc.title, "ملاحظات القراءة");
    let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [None, Some("الكتب"), Some("الخلاصة")]);
    assert_eq!(
        doc.sections[0].paragraphs,
        ["مقدمة قصيرة بخط عريض وشيفرة ورابط."]
    );
    assert_eq!(
        doc.sections[1].paragraphs,
        [
            "كتاب الأيام",
            "كتاب الخبز الحافي",
            "طبعة أولى",
            "اقتباس من كتاب، يمتد على سطرين."
        ]
    );
    assert_eq!(doc.sections[2].paragraphs, ["نص أخير.", "حاشية."]);
}

#[test]
fn json_array_gives_every_article_and_load_path_the_first_with_a_note() {
    let docs = load_documents(&fixture("formats/articles.json"), &LoadOptions::default())
        .expect("articles load");
    let titles: Vec<_> = docs.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["الخبر الأول", "الخبر الثاني", "الخبر الثالث"]);
    let counts: Vec<_> = docs.iter().map(|d| d.paragraph_count()).collect();
    assert_eq!(counts, [2, 3, 2]);
    assert_eq!(paragraphs(&docs[2]), ["فقرة و.", "فقرة ز."]);
    assert_eq!(docs[2].direction, Some(Direction::Rtl));
    let first = load(&fixture("formats/articles.json"));
    assert_eq!(first.title, "الخبر الأول");
    assert!(
        first
            .warnings
            .iter()
            .any(|w| w.to_string().contains("2 more")),
        "{:?}",
        first.warnings
    );
}

#[test]
fn json_lines_skip_broken_lines_with_a_warning() {
    let docs = load_documents(&fixture("formats/articles.jsonl"), &LoadOptions::default())
        .expect("json lines load");
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[1].paragraph_count(), 2);
    assert!(
        docs[0]
            .warnings
            .iter()
            .any(|w| w.to_string().contains("1 line")),
        "{:?}",
        docs[0].warnings
    );
    let wrapped = load(&fixture("formats/wrapped.json"));
    assert_eq!(wrapped.title, "مغلف");
    assert_eq!(paragraphs(&wrapped), ["داخل غلاف.", "سطر آخر."]);
}

#[test]
fn format_is_sniffed_when_the_extension_says_nothing() {
    let html = std::fs::read(seed("html")).expect("seed html");
    let doc = load_bytes(p("download"), &html, &LoadOptions::default()).expect("sniffed html");
    assert_eq!(doc.title, sample().title);
    let epub = std::fs::read(seed("epub")).expect("seed epub");
    let doc = load_bytes(p("book.bin"), &epub, &LoadOptions::default()).expect("sniffed epub");
    assert_eq!(doc.paragraph_count(), 12);
    let docx = std::fs::read(seed("docx")).expect("seed docx");
    let doc = load_bytes(p("noext"), &docx, &LoadOptions::default()).expect("sniffed docx");
    assert_eq!(doc.paragraph_count(), 12);
    let json = std::fs::read(seed("json")).expect("seed json");
    let docs = load_bytes_all(p("dump"), &json, &LoadOptions::default()).expect("sniffed json");
    assert_eq!(docs.len(), 1);
    let md = std::fs::read(seed("md")).expect("seed md");
    let doc = load_bytes(p("notes"), &md, &LoadOptions::default()).expect("sniffed md");
    assert_eq!(doc.paragraph_count(), 12);
    // A bracket at the start of a text file without extension is not an error.
    let doc = load_bytes(
        p("README"),
        "[مسودة]\nسطر.".as_bytes(),
        &LoadOptions::default(),
    )
    .expect("plain text");
    assert_eq!(doc.title, "[مسودة]");
    assert_eq!(Format::from_path(p("x.JSONL")), Some(Format::Json));
}

#[test]
fn cp720_table_matches_python_codecs() {
    let bytes = std::fs::read(fixture("formats/cp720/high_bytes.cp720.bin")).expect("fixture");
    let want =
        std::fs::read_to_string(fixture("formats/cp720/high_bytes.expected.txt")).expect("fixture");
    let decoded = encoding::decode_as(&bytes, TextEncoding::Cp720);
    assert_eq!(decoded.text, want);
    assert_eq!(decoded.encoding, "CP720");
    let forced = LoadOptions {
        encoding: Some(TextEncoding::Cp720),
        ..LoadOptions::default()
    };
    let doc = load_path(&fixture("formats/cp720/article.cp720.txt"), &forced).expect("cp720 loads");
    let want =
        std::fs::read_to_string(fixture("formats/cp720/article.expected.txt")).expect("fixture");
    assert_eq!(doc, {
        let mut d = qari_core::document::parse_plain_text(&want);
        d.source = Some(fixture("formats/cp720/article.cp720.txt"));
        d
    });
}

#[test]
fn reopen_with_each_encoding() {
    let text = std::fs::read_to_string(seed("txt")).expect("seed");
    let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let win = std::fs::read(seed("windows-1256.txt")).expect("seed");
    let (iso, _, _) = encoding_rs::ISO_8859_6.encode(&text);
    let want = sample();
    for (encoding, bytes) in [
        (TextEncoding::Utf8, text.as_bytes().to_vec()),
        (TextEncoding::Windows1256, win),
        (TextEncoding::Iso8859_6, iso.into_owned()),
        (TextEncoding::Utf16Le, utf16le),
        (TextEncoding::Utf16Be, utf16be),
    ] {
        let options = LoadOptions {
            encoding: Some(encoding),
            ..LoadOptions::default()
        };
        let doc = load_bytes(p("a.txt"), &bytes, &options).expect("forced encoding loads");
        assert_eq!(doc.title, want.title, "{encoding}");
        assert_eq!(doc.sections, want.sections, "{encoding}");
        assert!(!encoding.display_name().is_empty());
    }
    assert_eq!(TextEncoding::ALL.len(), 6);
}

#[test]
fn docx_heading_styles_arabic_ids_and_bidi() {
    let styles = r#"<w:styles xmlns:w="w"><w:style w:styleId="a3"><w:name w:val="Title"/></w:style><w:style w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:styleId="MyHead"><w:name w:val="My Head"/><w:basedOn w:val="1"/></w:style></w:styles>"#;
    let body = r#"
        <w:p><w:pPr><w:pStyle w:val="a3"/><w:bidi/></w:pPr><w:r><w:t>عنوان الوثيقة</w:t></w:r></w:p>
        <w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t xml:space="preserve">فقرة </w:t></w:r><w:r><w:t>أولى</w:t></w:r><w:r><w:tab/><w:t>&amp; &#1575;</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="1"/><w:bidi/></w:pPr><w:r><w:t>قسم</w:t></w:r></w:p>
        <w:p><w:pPr><w:bidi w:val="0"/></w:pPr><w:r><w:t>Latin</w:t></w:r><w:r><w:delText>deleted</w:delText></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="عنوان2"/><w:bidi/></w:pPr><w:r><w:t>قسم عربي</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="MyHead"/><w:bidi/></w:pPr><w:r><w:t>قسم مشتق</w:t></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>خلية</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
    "#;
    let bytes = docx_bytes(&word_document(body), Some(styles));
    let doc = load_bytes(p("a.docx"), &bytes, &LoadOptions::default()).expect("docx loads");
    assert_eq!(doc.title, "عنوان الوثيقة");
    let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [None, Some("قسم"), Some("قسم عربي"), Some("قسم مشتق")]
    );
    assert_eq!(paragraphs(&doc), ["فقرة أولى & ا", "Latin", "خلية"]);
    assert_eq!(doc.direction, Some(Direction::Rtl));
}

#[test]
fn docx_without_styles_takes_the_first_paragraph_as_title() {
    let body = "<w:p><w:r><w:t>First</w:t></w:r></w:p><w:p><w:r><w:t>Body</w:t></w:r></w:p>";
    let bytes = docx_bytes(&word_document(body), None);
    let doc = load_bytes(p("b.docx"), &bytes, &LoadOptions::default()).expect("docx loads");
    assert_eq!(
        (doc.title.as_str(), paragraphs(&doc)),
        ("First", vec!["Body".to_string()])
    );
    assert_eq!(doc.direction, None);
}

#[test]
fn epub_with_missing_chapters_opens_the_rest_and_says_what_is_missing() {
    let ch = |t: &str| {
        format!(
            r#"<html xmlns="http://www.w3.org/1999/xhtml"><body><h2>{t}</h2><p>نص {t}.</p></body></html>"#
        )
    };
    let (a, c) = (ch("أ"), ch("ج"));
    let bytes = epub_bytes(
        "كتاب ناقص",
        &[
            ("a.xhtml", Some(&a)),
            ("b.xhtml", None),
            ("c.xhtml", Some(&c)),
            ("d.xhtml", None),
        ],
    );
    let doc = load_bytes(p("book.epub"), &bytes, &LoadOptions::default()).expect("epub loads");
    assert_eq!(doc.title, "كتاب ناقص");
    assert_eq!(paragraphs(&doc), ["نص أ.", "نص ج."]);
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    let warning = doc.warnings[0].to_string();
    assert!(
        warning.contains("2 of 4")
            && warning.contains("OPS/b.xhtml")
            && warning.contains("OPS/d.xhtml"),
        "{warning}"
    );
}
