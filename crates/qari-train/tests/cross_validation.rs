//! The cross-validated figures of the analysis hold: the articles of the own sets, the
//! annotated pool and `shared/eval`'s dev-news and dev-saudi in 5 folds by article, as
//! `scripts/eval-analysis.sh` runs them. For each fold a tagger learns ANERcorp and the
//! annotated articles of the other folds (dev-news is ANERcorp text already); the quote and
//! speaker models are fitted on the other folds, each article analysed by its own fold's
//! tagger (cross-fitted, as the shipped models are); the fold is analysed with its tagger and
//! models. The pooled outputs are scored by `shared/eval/score.py`. The taggers here average
//! one training order instead of the shipped three, to keep CI short. The bars sit a little
//! under the measured figures (ANALYSIS.md), so a regression fails CI.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;

use qari_core::analysis::learned::Learned;
use qari_core::analysis::{Options, Tagger, run};
use qari_core::document::parse_plain_text;
use qari_train::learned::{
    Article, SPEAKER_PRECISION, SPEAKER_WORST_FOLD, Taggers, fit_models, fold_of,
};
use qari_train::{TrainConfig, train_from_files};

const FOLDS: u64 = 5;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn articles() -> Vec<PathBuf> {
    let root = root();
    let mut out = Vec::new();
    for dir in [
        "tests/fixtures/analysis",
        "tests/fixtures/analysis_heldout",
        "tests/fixtures/analysis_unseen",
        "tests/fixtures/analysis_pool",
        "../shared/eval/dev-news",
        "../shared/eval/dev-saudi",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") && p.with_extension("gold.json").exists() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Scores the pairs with `score.py` and the given bars; returns its last line.
fn score(pairs: &[(PathBuf, PathBuf)], bars: &[&str]) -> Result<String, Box<dyn Error>> {
    let mut cmd = Command::new("python3");
    cmd.arg(root().join("../shared/eval/score.py"));
    for (a, g) in pairs {
        cmd.arg(a).arg(g);
    }
    let out = cmd.args(bars).output()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let last = text.lines().last().unwrap_or_default().to_string();
    assert!(out.status.success(), "below the bars {bars:?}: {last}");
    Ok(last)
}

fn is_dev_news(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == "dev-news")
}

/// Fold `k`'s tagger: ANERcorp and the annotated articles outside fold `k` (not dev-news).
fn fold_tagger(paths: &[PathBuf], k: u64) -> Result<Tagger, Box<dyn Error>> {
    let mut config = TrainConfig::from_data_dir(&root().join("data"));
    config.gold_articles = paths
        .iter()
        .filter(|p| fold_of(p, FOLDS) != k && !is_dev_news(p))
        .cloned()
        .collect();
    config.gold_domain = true;
    config.ensemble = 1;
    Ok(Tagger::from_bytes(&train_from_files(&config)?)?)
}

#[test]
fn cross_validated_analysis_meets_its_bars() -> Result<(), Box<dyn Error>> {
    let paths = articles();
    assert!(
        paths.len() >= 80,
        "{} annotated articles (is ../shared beside the workspace?)",
        paths.len()
    );
    let taggers = (0..FOLDS)
        .map(|k| fold_tagger(&paths, k))
        .collect::<Result<Vec<_>, _>>()?;
    let tmp = tempfile_dir()?;
    let mut pairs = Vec::new();
    for k in 0..FOLDS {
        let train: Vec<Article> = paths
            .iter()
            .filter(|p| fold_of(p, FOLDS) != k)
            .map(|p| Article::read(p))
            .collect::<Result<_, _>>()?;
        let taggers_of = Taggers::PerFold(&taggers);
        let fitted = fit_models(
            &train,
            taggers_of,
            SPEAKER_PRECISION,
            SPEAKER_WORST_FOLD,
            "cross-validation",
        )?;
        let learned = Learned::from_parts(fitted.quotes, fitted.speakers);
        let mut fold_pairs = Vec::new();
        for path in paths.iter().filter(|p| fold_of(p, FOLDS) == k) {
            let doc = parse_plain_text(&std::fs::read_to_string(path)?);
            let options = Options {
                tagger: taggers.get(k as usize),
                learned: Some(&learned),
                ..Options::default()
            };
            let analysis = run(&doc, options).analysis;
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let out = tmp.join(format!("{}.json", name.unwrap_or_default()));
            analysis.write_json(&mut std::fs::File::create(&out)?)?;
            fold_pairs.push((out, path.with_extension("gold.json")));
        }
        eprintln!("fold {k}: {}", score(&fold_pairs, &[])?);
        pairs.extend(fold_pairs);
    }
    let bars = [
        "--min-quote-f1",
        "0.87",
        "--min-speaker",
        "0.58",
        "--min-speaker-precision",
        "0.92",
    ];
    eprintln!("cross-validated: {}", score(&pairs, &bars)?);
    let news: Vec<_> = pairs.into_iter().filter(|(_, g)| !is_dev_news(g)).collect();
    let entities = score(&news, &["--min-entity-f1", "0.76"])?;
    eprintln!("entities without dev-news: {entities}");
    Ok(())
}

fn tempfile_dir() -> Result<PathBuf, Box<dyn Error>> {
    let dir = std::env::temp_dir().join(format!("qari-cv-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

#[test]
fn folds_depend_on_the_file_name_only() {
    let a = fold_of(Path::new("/x/dev-news/a.txt"), FOLDS);
    assert_eq!(a, fold_of(Path::new("/elsewhere/a.txt"), FOLDS));
    let spread: std::collections::BTreeSet<u64> =
        articles().iter().map(|p| fold_of(p, FOLDS)).collect();
    assert_eq!(spread.len() as u64, FOLDS, "every fold holds articles");
}
