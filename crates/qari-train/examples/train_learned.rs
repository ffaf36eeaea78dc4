//! Fits the learned stages of the analysis (quote or term, speaker ranker) on annotated
//! articles and writes their JSON models:
//!
//! ```sh
//! cargo run --release -p qari-train --example train_learned -- [--out DIR] \
//!     [--folds N --hold-out K] [--speaker-precision P] [--speaker-worst-fold P] \
//!     [--print-folds] [--rules] \
//!     [--ner-model FILE | --ner-fold-models DIR] ARTICLE.txt...
//! ```
//!
//! Each `X.txt` needs its `X.gold.json` beside it. Without `--hold-out` it trains on every
//! article given and writes `assets/models/{quotes,speakers}.json` (or into `--out`) — the
//! shipped models are trained on the own articles, the annotated pool and dev-news, never on
//! dev-saudi, which stays for measuring (`scripts/train-learned.sh`); with
//! `--hold-out K` it leaves out the articles of fold K of N (by file name, see
//! [`qari_train::learned::fold_of`]) — the cross-validation of `scripts/eval-analysis.sh`.
//! `--print-folds` prints `fold<TAB>path` for each article and stops; `--rules` writes the
//! hand-set rules the models replaced as model files (the evaluation's baseline).
//!
//! The articles are analysed by the shipped tagger, or by `--ner-model FILE`; with
//! `--ner-fold-models DIR` each article is analysed by `DIR/fold<K>.ner.bin`, K its fold of
//! `--folds`: the tagger that learned every annotated article but those of its fold
//! (cross-fitting, so the stages are fitted on analyses as unseen articles get them).

use std::error::Error;
use std::path::PathBuf;

use qari_core::analysis::Tagger;
use qari_core::analysis::learned::Learned;
use qari_train::learned::{
    Article, SPEAKER_PRECISION, SPEAKER_WORST_FOLD, Taggers, fit_models, fold_of,
};

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = root.join("assets/models");
    let mut folds = 5u64;
    let mut hold_out: Option<u64> = None;
    let mut print = false;
    let mut rules = false;
    let mut precision = SPEAKER_PRECISION;
    let mut worst_fold = SPEAKER_WORST_FOLD;
    let mut ner_model: Option<PathBuf> = None;
    let mut ner_folds: Option<PathBuf> = None;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = PathBuf::from(args.next().ok_or("--out needs a folder")?),
            "--folds" => folds = args.next().ok_or("--folds needs N")?.parse()?,
            "--hold-out" => hold_out = Some(args.next().ok_or("--hold-out needs K")?.parse()?),
            "--print-folds" => print = true,
            "--rules" => rules = true,
            "--ner-model" => {
                ner_model = Some(PathBuf::from(
                    args.next().ok_or("--ner-model needs a file")?,
                ))
            }
            "--ner-fold-models" => {
                ner_folds = Some(PathBuf::from(
                    args.next().ok_or("--ner-fold-models needs a folder")?,
                ))
            }
            "--speaker-worst-fold" => {
                worst_fold = args.next().ok_or("--speaker-worst-fold needs P")?.parse()?
            }
            "--speaker-precision" => {
                precision = args.next().ok_or("--speaker-precision needs P")?.parse()?
            }
            other => paths.push(PathBuf::from(other)),
        }
    }
    if rules {
        // The hand-set rules the models replaced, as model files (the evaluation's baseline).
        let hand = Learned::rules();
        std::fs::create_dir_all(&out)?;
        std::fs::write(out.join("quotes.json"), hand.quotes.model.to_json() + "\n")?;
        std::fs::write(
            out.join("speakers.json"),
            hand.speakers.model.to_json() + "\n",
        )?;
        return Ok(());
    }
    if print {
        for p in &paths {
            println!("{}\t{}", fold_of(p, folds), p.display());
        }
        return Ok(());
    }
    let articles: Vec<Article> = paths
        .iter()
        .filter(|p| hold_out.is_none_or(|k| fold_of(p, folds) != k))
        .map(|p| Article::read(p))
        .collect::<Result<_, _>>()?;
    let own_tagger = match &ner_model {
        Some(p) => Some(Tagger::from_bytes(&std::fs::read(p)?)?),
        None => None,
    };
    let fold_taggers = match &ner_folds {
        Some(dir) => (0..folds)
            .map(|k| {
                let path = dir.join(format!("fold{k}.ner.bin"));
                let bytes = std::fs::read(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                Ok(Tagger::from_bytes(&bytes)?)
            })
            .collect::<Result<Vec<_>, Box<dyn Error>>>()?,
        None => Vec::new(),
    };
    let taggers = match (&own_tagger, fold_taggers.is_empty()) {
        (_, false) => Taggers::PerFold(&fold_taggers),
        (Some(t), true) => Taggers::One(t),
        (None, true) => Taggers::One(Tagger::default_model()?),
    };
    let described = match hold_out {
        Some(k) => format!(
            "{} annotated articles (fold {k} of {folds} held out)",
            articles.len()
        ),
        None => format!("{} annotated articles", articles.len()),
    };
    let fitted = fit_models(&articles, taggers, precision, worst_fold, &described)?;
    let (quotes, speakers) = (&fitted.quotes, &fitted.speakers);
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("quotes.json"), quotes.to_json() + "\n")?;
    std::fs::write(out.join("speakers.json"), speakers.to_json() + "\n")?;
    eprintln!(
        "{described}: {} quoted spans, {} speaker candidates of quotes with a gold speaker → {}",
        fitted.quote_examples,
        fitted.speaker_examples,
        out.display()
    );
    Ok(())
}
