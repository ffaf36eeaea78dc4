//! Saved web pages keep their whole article and nothing but it, on the page shapes that defeat a
//! naive "block with most text" choice (fixtures in `tests/fixtures/readability/`, made by its
//! `generate.py`; each `NAME.expected.txt` lists the article's paragraphs in order).

use std::path::PathBuf;

use qari_core::document::{Document, LoadOptions, load_path};

fn load(name: &str) -> (Document, Vec<String>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/readability");
    let page = dir.join(format!("{name}.html"));
    let doc = load_path(&page, &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{} should load: {e}", page.display()));
    let expected = std::fs::read_to_string(dir.join(format!("{name}.expected.txt")))
        .unwrap_or_else(|e| panic!("{name}.expected.txt: {e}"));
    (doc, expected.lines().map(str::to_string).collect())
}

/// Checks the title, that the paragraphs are exactly the article's, and that no furniture leaked.
fn check(name: &str, title: &str, furniture: &[&str]) {
    let (doc, expected) = load(name);
    assert_eq!(doc.title, title, "{name}: title");
    let got: Vec<String> = doc.paragraphs().map(str::to_string).collect();
    assert_eq!(got, expected, "{name}: paragraphs");
    let all = got.join("\n");
    for word in furniture {
        assert!(
            !all.contains(word),
            "{name}: {word:?} leaked into the article"
        );
    }
}

const NAV: [&str; 3] = ["الرئيسية", "رياضة", "navigation"];

#[test]
fn a_main_holding_only_skip_links_is_not_the_article() {
    check(
        "skip_navigation",
        "اجتماع الدوحة: ملف المياه أولاً",
        &[NAV.as_slice(), &["من نحن", "اتصل بنا"]].concat(),
    );
}

#[test]
fn a_chapter_of_nested_paragraphs_is_kept_whole() {
    check(
        "story_chapter",
        "الفصل الثالث: ليلة المطر",
        &[NAV.as_slice(), &["الفصل السابق", "الفصل التالي"]].concat(),
    );
}

#[test]
fn a_feature_split_by_figures_and_ads_keeps_its_body_and_lede() {
    check(
        "long_feature",
        "المياه في الشرق الأوسط: أزمة بلا نهاية",
        &[NAV.as_slice(), &["إعلان", "اقرأ أيضاً", "الجفاف يضرب"]].concat(),
    );
}

#[test]
fn hidden_elements_are_dropped_however_they_are_hidden() {
    check("hidden_elements", "دراسة جديدة عن القراءة", &NAV);
}

#[test]
fn a_comment_section_longer_than_the_article_is_not_chosen() {
    check(
        "comment_section",
        "المزارعون والسدود",
        &[NAV.as_slice(), &["مقال رائع", "قارئ 1", "آراء القراء"]].concat(),
    );
}
