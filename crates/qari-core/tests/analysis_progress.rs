//! Progress of a long analysis: reported at many steps, never going back, ending at 100 %,
//! and the analysis is the same as without progress.

#[expect(dead_code, reason = "each test file uses some of the shared helpers")]
mod common;

use qari_core::analysis::{Options, Tagger, analyze, run};
use qari_core::document::Document;

/// The sample's paragraphs eight times over: a long article.
fn long_document() -> Document {
    let sample = common::sample();
    let paragraphs: Vec<String> = (0..8)
        .flat_map(|_| sample.paragraphs().map(str::to_string).collect::<Vec<_>>())
        .collect();
    Document::new(sample.title.clone(), paragraphs)
}

fn check_steps(steps: &[f32], paragraphs: usize) {
    assert!(
        steps.len() >= paragraphs,
        "{} steps for {paragraphs} paragraphs",
        steps.len()
    );
    assert!(steps.iter().all(|f| (0.0..=1.0).contains(f)), "{steps:?}");
    assert!(
        steps.windows(2).all(|w| w[0] <= w[1]),
        "progress went back: {steps:?}"
    );
    assert_eq!(steps.last().copied(), Some(1.0));
    // Steps are spread over the run, not one jump at the end.
    let halfway = steps.iter().filter(|&&f| f > 0.0 && f < 0.5).count();
    assert!(halfway >= 4, "{steps:?}");
    let mut distinct: Vec<u32> = steps.iter().map(|f| (f * 100.0) as u32).collect();
    distinct.dedup();
    assert!(distinct.len() >= 20, "{distinct:?}");
}

#[test]
fn a_long_analysis_reports_growing_progress_to_100_percent_and_the_same_result() {
    let doc = long_document();
    let n = doc.paragraphs().count();
    let mut steps = Vec::new();
    let with = run(
        &doc,
        Options {
            progress: Some(&mut |f| steps.push(f)),
            ..Options::default()
        },
    )
    .analysis;
    check_steps(&steps, n);
    assert_eq!(with, analyze(&doc));
    assert!(!with.entities.is_empty() && !with.quotes.is_empty());
}

#[test]
fn progress_with_a_given_tagger_on_one_thread_matches_the_plain_run() {
    let tagger = match Tagger::default_model() {
        Ok(t) => t,
        Err(err) => panic!("the shipped model must load: {err}"),
    };
    let doc = long_document();
    let mut steps = Vec::new();
    let with = run(
        &doc,
        Options {
            tagger: Some(tagger),
            single_thread: true,
            progress: Some(&mut |f| steps.push(f)),
            ..Options::default()
        },
    )
    .analysis;
    check_steps(&steps, doc.paragraphs().count());
    let plain = Options {
        tagger: Some(tagger),
        ..Options::default()
    };
    assert_eq!(with, run(&doc, plain).analysis);
}
