//! Hostile shapes (colon after colon in one paragraph, many tiny quote paragraphs, a wall of
//! hashtags, a whole article on one line) give an analysis whose size grows in proportion
//! to the input: no quote is copied to the paragraph's end once per colon. No timing here;
//! speed is measured by `benches/analysis.rs`.

use qari_core::analysis::{Analysis, analyze};
use qari_core::document::{Document, parse_plain_text};

/// Characters the analysis holds: quote texts, mention texts and entity names.
fn output_chars(a: &Analysis) -> usize {
    let quotes: usize = a.quotes.iter().map(|q| q.text.chars().count()).sum();
    let entities: usize = a
        .entities
        .iter()
        .map(|e| {
            e.name.chars().count()
                + e.mentions
                    .iter()
                    .chain(&e.title_mentions)
                    .map(|m| m.text.chars().count())
                    .sum::<usize>()
        })
        .sum();
    quotes + entities
}

fn input_chars(d: &Document) -> usize {
    d.paragraphs().map(|p| p.chars().count()).sum::<usize>() + d.title.chars().count()
}

/// Analyses the shape at n and 2n repetitions; the output must stay within a small multiple
/// of the input and double (not quadruple) with it.
fn check(make: impl Fn(usize) -> Document, n: usize) {
    let small = make(n);
    let large = make(2 * n);
    let (a, b) = (analyze(&small), analyze(&large));
    let (oa, ob) = (output_chars(&a), output_chars(&b));
    let (ia, ib) = (input_chars(&small), input_chars(&large));
    assert!(ob <= 3 * ib, "output {ob} chars for {ib} chars of input");
    assert!(
        ob <= 3 * oa.max(1) && ob >= oa,
        "output grew from {oa} to {ob} chars when the input grew from {ia} to {ib}"
    );
}

fn one_paragraph(text: String) -> Document {
    Document::new("عنوان".to_string(), vec![text])
}

#[test]
fn colon_after_colon_in_one_paragraph() {
    check(|n| one_paragraph("وقال الرئيس: ".repeat(n)), 2_000);
    // With words after each colon: every colon quote ends where the next one starts.
    let shape = |n: usize| one_paragraph("وقال الرئيس: إن الوضع مستقر تماما ".repeat(n));
    check(shape, 1_000);
    let a = analyze(&shape(50));
    assert_eq!(a.listed_quotes().count(), 50);
    assert!(
        a.quotes
            .iter()
            .all(|q| q.text.chars().count() < 30 && !q.text.contains(':'))
    );
}

#[test]
fn many_short_quote_paragraphs() {
    let shape = |n: usize| {
        Document::new(
            "عنوان".to_string(),
            vec!["قال زيد: \"نعم\".".to_string(); n],
        )
    };
    check(shape, 2_000);
}

#[test]
fn a_wall_of_hashtags() {
    let shape = |n: usize| {
        let tags: Vec<String> = (0..n).map(|i| format!("#وسم_{i}")).collect();
        one_paragraph(tags.join(" "))
    };
    check(shape, 5_000);
}

#[test]
fn many_marked_quotes_in_one_paragraph() {
    check(
        |n| one_paragraph("قال المتحدث \"الوضع في المدينة مستقر\" ثم ".repeat(n)),
        1_000,
    );
}

#[test]
fn a_single_line_article_finds_what_its_paragraphs_do() {
    let para = "وقال المتحدث باسم الوزارة أحمد علي إن \"الوضع في المدينة مستقر\".";
    let lines = vec![para; 200];
    let paragraphs = parse_plain_text(&format!("عنوان\n\n{}", lines.join("\n")));
    let single = one_paragraph(lines.join(" "));
    let (a, b) = (analyze(&paragraphs), analyze(&single));
    assert_eq!(a.listed_quotes().count(), b.listed_quotes().count());
    let diff = output_chars(&a).abs_diff(output_chars(&b));
    assert!(
        diff * 10 <= output_chars(&a),
        "{} vs {}",
        output_chars(&a),
        output_chars(&b)
    );
}
