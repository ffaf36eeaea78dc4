//! Layout invariants on the sample, hit-testing round trips, and UAX #9 visual order.

#[expect(dead_code, reason = "each test file uses some of the shared helpers")]
mod common;

use qari::text::{Page, PageStyle, TextStyle};

const WIDTHS: [f32; 5] = [260.0, 420.0, 600.0, 800.0, 1300.0];

#[test]
fn sample_has_title_and_twelve_paragraphs() {
    let doc = common::sample();
    assert_eq!(
        doc.title,
        "روسيا ترد: على أميركا إعمار الرقة بدلا من التهديد"
    );
    let paras: Vec<&str> = doc.paragraphs().collect();
    assert_eq!(paras.len(), 12);
    // Split at ".," — every paragraph but the last (which had none in the file) keeps its stop.
    assert!(
        paras[..11].iter().all(|p| p.ends_with('.')),
        "each paragraph keeps its full stop"
    );
    assert!(paras[11].ends_with("دمشق"));
    assert!(
        paras
            .iter()
            .all(|p| !p.starts_with(',') && !p.starts_with(' '))
    );
}

#[test]
fn lines_cover_each_paragraph_in_order_without_gaps() {
    let doc = common::sample();
    let mut engine = common::engine();
    let style = TextStyle::default();
    for width in WIDTHS {
        for text in std::iter::once(doc.title.as_str()).chain(doc.paragraphs()) {
            let layout = engine.layout(text, &style, width);
            let n = text.chars().count();
            assert_eq!(
                layout.lines[0].chars.start, 0,
                "first line starts at char 0"
            );
            assert_eq!(
                layout.lines.last().unwrap().chars.end,
                n,
                "last line ends at the end"
            );
            for pair in layout.lines.windows(2) {
                assert_eq!(
                    pair[0].chars.end, pair[1].chars.start,
                    "lines abut at width {width}"
                );
                assert!(pair[0].chars.start < pair[1].chars.start, "lines advance");
                assert!(pair[1].top > pair[0].top, "later lines are lower");
            }
            // Every visible char is drawn by exactly one glyph cluster, on the line that claims it.
            let mut covered = vec![0u32; n];
            for line in &layout.lines {
                let mut clusters: Vec<std::ops::Range<usize>> = Vec::new();
                for g in &line.glyphs {
                    assert!(g.chars.start >= line.chars.start && g.chars.end <= line.chars.end);
                    if !clusters.contains(&g.chars) {
                        clusters.push(g.chars.clone());
                    }
                }
                for cluster in clusters {
                    for c in cluster {
                        covered[c] += 1;
                    }
                }
            }
            for (i, c) in text.chars().enumerate() {
                if !c.is_whitespace() {
                    assert_eq!(covered[i], 1, "char {i} {c:?} at width {width}");
                }
            }
            // Nothing runs past the column.
            for line in &layout.lines {
                assert!(line.x_min >= -0.5 && line.x_max <= width + 0.5, "{line:?}");
            }
        }
    }
}

#[test]
fn rtl_lines_end_at_the_right_margin_and_read_right_to_left() {
    let doc = common::sample();
    let mut engine = common::engine();
    let style = TextStyle::default();
    for width in WIDTHS {
        for text in doc.paragraphs() {
            let layout = engine.layout(text, &style, width);
            assert!(layout.rtl, "an Arabic paragraph is right to left");
            for line in &layout.lines {
                assert!(
                    (line.x_max - width).abs() < 1.0,
                    "flush right: {} vs {width}",
                    line.x_max
                );
                // Base-level (odd) clusters run right to left in logical order.
                let mut base: Vec<(usize, f32, f32)> = Vec::new();
                for g in line.glyphs.iter().filter(|g| g.inner.level.number() == 1) {
                    let (x0, x1) = (g.inner.x, g.inner.x + g.inner.w);
                    match base.iter_mut().find(|c| c.0 == g.chars.start) {
                        Some(c) => (c.1, c.2) = (c.1.min(x0), c.2.max(x1)),
                        None => base.push((g.chars.start, x0, x1)),
                    }
                }
                base.sort_by_key(|c| c.0);
                for pair in base.windows(2) {
                    assert!(
                        pair[1].2 <= pair[0].1 + 0.01,
                        "char {} should be left of char {}",
                        pair[1].0,
                        pair[0].0
                    );
                }
            }
        }
    }
}

#[test]
fn english_paragraph_is_left_to_right_and_flush_left() {
    let mut engine = common::engine();
    let layout = engine.layout(
        "Moscow said on Wednesday that «الصواريخ الذكية» should target terrorists, not a legitimate government.",
        &TextStyle::default(),
        300.0,
    );
    assert!(!layout.rtl);
    assert!(layout.lines.len() > 1);
    for line in &layout.lines {
        assert!(line.x_min.abs() < 1.0);
    }
}

#[test]
fn hit_test_round_trips_point_to_char_to_point() {
    let doc = common::sample();
    let mut engine = common::engine();
    let style = TextStyle::default();
    for width in [300.0, 640.0] {
        for text in doc.paragraphs() {
            let layout = engine.layout(text, &style, width);
            for (li, line) in layout.lines.iter().enumerate() {
                let y = line.top + line.height / 2.0;
                let mut x = line.x_min - 5.0;
                while x < line.x_max + 5.0 {
                    let c = layout.hit(x, y);
                    let (cx, cl) = layout.caret(c);
                    assert_eq!(cl, li.min(layout.line_of(c)), "caret stays on the line");
                    // The caret is where the point was, within one glyph's width.
                    assert!((cx - x.clamp(line.x_min, line.x_max)).abs() < style.size * 1.2);
                    // And hitting the caret again gives a caret at the same place.
                    let c2 = layout.hit(cx, y);
                    assert!((layout.caret(c2).0 - cx).abs() < 0.01, "stable at {cx}");
                    x += 3.7;
                }
            }
            // Every grapheme start round-trips exactly.
            for line in &layout.lines {
                let y = line.top + line.height / 2.0;
                for b in layout.char_boxes(line) {
                    let x = b.leading_x() + if b.rtl { -0.01 } else { 0.01 };
                    assert_eq!(layout.hit(x, y), b.chars.start, "{b:?}");
                }
            }
        }
    }
}

#[test]
fn selection_across_a_line_break_is_the_logical_substring() {
    let doc = common::sample();
    let mut engine = common::engine();
    let text = doc.paragraphs().nth(4).unwrap();
    let layout = engine.layout(text, &TextStyle::default(), 420.0);
    assert!(layout.lines.len() >= 2);
    let (l0, l1) = (&layout.lines[0], &layout.lines[1]);
    // From the middle of line 1 to the middle of line 2.
    let a = layout.hit((l0.x_min + l0.x_max) / 2.0, l0.top + 5.0);
    let b = layout.hit((l1.x_min + l1.x_max) / 2.0, l1.top + 5.0);
    assert!(a > 0 && a < l0.chars.end && b > l1.chars.start && b < l1.chars.end);
    let spans = layout.selection_spans(a..b);
    assert_eq!(spans.iter().map(|s| s.line).collect::<Vec<_>>(), [0, 1]);
    // Line 1 is selected from the point to its logical end (its left side), line 2 from its start (right side).
    assert!((spans[0].x0 - l0.x_min).abs() < 1.0);
    assert!((spans[1].x1 - l1.x_max).abs() < 1.0);
    let expected: String = text.chars().skip(a).take(b - a).collect();
    assert_eq!(layout.slice(a..b), expected);
}

#[test]
fn page_lays_out_only_what_is_visible() {
    let doc = common::sample();
    let big = qari::document::Document::new(
        doc.title.clone(),
        doc.paragraphs()
            .map(String::from)
            .collect::<Vec<_>>()
            .iter()
            .cycle()
            .take(5000)
            .cloned()
            .collect(),
    );
    let mut engine = common::engine();
    let mut page = Page::new(&big);
    let style = PageStyle::default();
    let placed = page.visible(&mut engine, &style, 640.0, 0.0, 900.0);
    assert!(
        !placed.is_empty() && placed.len() < 20,
        "{} blocks",
        placed.len()
    );
    let far = page.height() * 0.75;
    let placed = page.visible(&mut engine, &style, 640.0, far, far + 900.0);
    assert!(placed[0].index > 3000, "block {}", placed[0].index);
    for pair in placed.windows(2) {
        assert!(
            pair[1].top >= pair[0].top + pair[0].layout.height - 0.01,
            "blocks do not overlap"
        );
    }
}

/// One case of BidiCharacterTest.txt.
struct BidiCase {
    text: String,
    level: u8,
    order: Vec<usize>,
}

fn bidi_cases() -> Result<Vec<BidiCase>, Box<dyn std::error::Error>> {
    let data = std::fs::read_to_string(common::fixture("bidi/BidiCharacterTest-excerpt.txt"))?;
    let mut cases = Vec::new();
    for l in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = l.split(';').collect();
        let mut text = String::new();
        for h in f[0].split_whitespace() {
            text.push(char::from_u32(u32::from_str_radix(h, 16)?).ok_or("bad code point")?);
        }
        let order = f[4]
            .split_whitespace()
            .map(str::parse)
            .collect::<Result<Vec<usize>, _>>()?;
        cases.push(BidiCase {
            text,
            level: f[2].parse()?,
            order,
        });
    }
    Ok(cases)
}

#[test]
fn visual_order_matches_unicode_bidi_character_test() -> Result<(), Box<dyn std::error::Error>> {
    let cases = bidi_cases()?;
    assert!(cases.len() >= 300, "{} cases", cases.len());
    let mut engine = common::engine();
    let style = TextStyle::default();
    let mut failures = Vec::new();
    for case in &cases {
        let layout = engine.layout(&case.text, &style, 10_000.0);
        assert_eq!(layout.lines.len(), 1);
        let mut glyphs: Vec<_> = layout.lines[0].glyphs.iter().collect();
        glyphs.sort_by(|a, b| a.inner.x.total_cmp(&b.inner.x));
        let got: Vec<usize> = glyphs.iter().map(|g| g.chars.start).collect();
        if layout.rtl != (case.level == 1) || got != case.order {
            failures.push(format!(
                "{:?}: got {got:?}, want {:?}",
                case.text, case.order
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    Ok(())
}

/// Lays out `text` in one pass and in small pieces, returning both.
fn one_pass_and_pieces(
    text: &str,
    width: f32,
) -> (
    qari::text::layout::ParagraphLayout,
    qari::text::layout::ParagraphLayout,
) {
    let style = TextStyle::default();
    let mut whole = common::engine();
    whole.piece_chars = usize::MAX / 4;
    let mut pieces = common::engine();
    pieces.piece_chars = 300;
    (
        whole.layout(text, &style, width),
        pieces.layout(text, &style, width),
    )
}

fn glyph_ids(line: &qari::text::layout::Line) -> Vec<(u16, std::ops::Range<usize>)> {
    line.glyphs
        .iter()
        .map(|g| (g.inner.glyph_id, g.chars.clone()))
        .collect()
}

#[test]
fn a_long_paragraph_in_pieces_breaks_and_shapes_as_in_one_pass() {
    let doc = common::sample();
    let arabic = doc.paragraphs().collect::<Vec<_>>().join(" ");
    let mixed = "قال (Ahmed) إن 1,250 שקל «ليست» كافية: see p. 12، و٣٤٥ أخرى! ".repeat(40);
    let word = "بسملة".repeat(500);
    for (name, text) in [("arabic", &arabic), ("mixed", &mixed), ("word", &word)] {
        assert!(
            text.chars().count() > 1500,
            "{name} is long enough to be cut"
        );
        for width in [300.0, 640.0] {
            let (one, cut) = one_pass_and_pieces(text, width);
            let breaks = |l: &qari::text::layout::ParagraphLayout| {
                l.lines.iter().map(|l| l.chars.clone()).collect::<Vec<_>>()
            };
            assert_eq!(breaks(&one), breaks(&cut), "{name} at {width}: line breaks");
            assert_eq!(one.rtl, cut.rtl, "{name}: paragraph direction");
            assert!((one.height - cut.height).abs() < 0.5, "{name}: height");
            for (i, (a, b)) in one.lines.iter().zip(&cut.lines).enumerate() {
                assert!((a.top - b.top).abs() < 0.5, "{name} line {i}: top");
                if name != "mixed" {
                    assert_eq!(glyph_ids(a), glyph_ids(b), "{name} line {i}: glyphs");
                }
            }
            // Hit-testing finds every line's first grapheme where one pass puts it.
            for line in &cut.lines {
                let y = line.top + line.height / 2.0;
                for b in cut.char_boxes(line).iter().take(3) {
                    let x = b.leading_x() + if b.rtl { -0.01 } else { 0.01 };
                    assert_eq!(cut.hit(x, y), b.chars.start, "{name}: {b:?}");
                    assert_eq!(one.hit(x, y), b.chars.start, "{name}: one pass {b:?}");
                }
            }
        }
    }
}

#[test]
fn one_enormous_paragraph_is_laid_out_only_as_far_as_it_is_seen() {
    let doc = common::sample();
    let huge = doc.paragraphs().collect::<Vec<_>>().join(" ").repeat(60);
    let n = huge.chars().count();
    let big = qari::document::Document::new(doc.title.clone(), vec![huge.clone()]);
    let mut engine = common::engine();
    let mut page = Page::new(&big);
    let style = PageStyle::default();
    let width = 640.0;
    let placed = page.visible(&mut engine, &style, width, 0.0, 900.0);
    let para = placed
        .iter()
        .find(|b| b.index == 1)
        .expect("the paragraph is on screen");
    let first = para.layout.clone();
    let stop = first
        .resume
        .expect("only the top of the paragraph is laid out");
    assert!(stop.char < n / 4, "laid out {} of {n} chars", stop.char);
    assert!(first.height >= 900.0 - para.top, "the screen is covered");
    // The page is as tall as the whole paragraph will be, roughly.
    let whole = engine.layout(&huge, &style.body, width);
    let estimated = page.height();
    assert!(
        (estimated - whole.height).abs() < whole.height * 0.25,
        "estimated {estimated}, laid out {}",
        whole.height
    );
    // Scrolling down lays out more, with the lines a whole layout has.
    let y = whole.height * 0.6;
    let placed = page.visible(&mut engine, &style, width, y, y + 900.0);
    let later = placed
        .iter()
        .find(|b| b.index == 1)
        .expect("still the paragraph")
        .layout
        .clone();
    assert!(later.lines.len() > first.lines.len());
    for (a, b) in later.lines.iter().zip(&whole.lines) {
        assert_eq!(a.chars, b.chars);
        assert!((a.top - b.top).abs() < 0.5);
    }
    let end = later.resume.map_or(n, |r| r.char);
    assert_eq!(later.lines.last().map(|l| l.chars.end), Some(end));
    // Asking for the block whole gives every line.
    let full = page.layout(&mut engine, &style, width, 1);
    assert!(full.resume.is_none());
    assert_eq!(full.lines.len(), whole.lines.len());
}
