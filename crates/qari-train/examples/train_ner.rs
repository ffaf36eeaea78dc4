//! Trains the NER model: `cargo run --release -p qari-train --example train_ner -- [--dev] [--out PATH]`.
//!
//! Without `--dev` it trains on all of `data/` and writes `assets/models/ner.bin`. With
//! `--dev` it holds out the last 10% of ANERcorp, trains on the rest, writes
//! `target/dev.gold.conll`, `target/dev.pred.conll` and the held-out model
//! `target/dev.ner.bin`, and prints the dev F1. `--fold K`
//! holds out the K-th tenth instead (`target/foldK.*.conll`), for cross-validation.
//!
//! Not yet the shipped recipe (see ANALYSIS.md): besides ANERcorp the tagger can learn
//! annotated news articles, their required names projected onto their tokens
//! (`qari_train::gold_ner`): `--gold` the own and pool-saudi articles
//! (`annotated_news_articles`), `--gold-list FILE` others (one `X.txt` per line, a fold's
//! in cross-validation); `--gold-repeat N` weighs them N times; `--gold-domain` gives
//! ANERcorp's sentences domain-specific feature copies, so the shared features follow the
//! articles (`--dev` then tags the dev tenth as ANERcorp text).

use std::error::Error;
use std::path::PathBuf;

use qari_train::{TrainConfig, evaluate_dev, train_from_files};

fn main() -> Result<(), Box<dyn Error>> {
    // The workspace root, where `data/`, `assets/` and `target/` are.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut config = TrainConfig::from_data_dir(&root.join("data"));
    let mut out = root.join("assets/models/ner.bin");
    let mut dev = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dev" => dev = true,
            "--fold" => {
                // Ten blocks of 10%; block 9 is the standard dev split at the end.
                let k: u32 = args.next().ok_or("--fold needs 0-9")?.parse()?;
                config.dev_start = Some(f64::from(k.min(9)) / 10.0);
                dev = true;
            }
            "--out" => out = PathBuf::from(args.next().ok_or("--out needs a path")?),
            "--epochs" => config.epochs = args.next().ok_or("--epochs needs N")?.parse()?,
            "--bits" => config.bits = args.next().ok_or("--bits needs N")?.parse()?,
            "--pa" => config.pa_c = args.next().ok_or("--pa needs C")?.parse()?,
            "--recall-cost" => {
                config.recall_cost = args.next().ok_or("--recall-cost needs X")?.parse()?
            }
            "--one-pass" => config.two_pass = false,
            "--seed" => config.seed = args.next().ok_or("--seed needs N")?.parse()?,
            "--ensemble" => config.ensemble = args.next().ok_or("--ensemble needs N")?.parse()?,
            "--clusters" => config.clusters = args.next().ok_or("--clusters needs N")?.parse()?,
            "--no-clusters" => config.clusters = 0,
            "--clusters-file" => {
                config.clusters_file = Some(PathBuf::from(
                    args.next().ok_or("--clusters-file needs a file")?,
                ))
            }
            "--news-clusters" => {
                config.clusters_file = Some(root.join("data/stats/news-clusters.tsv"))
            }
            "--aqmar-domain" => {
                config.aqmar_dir = Some(root.join("data/ner/aqmar"));
                config.aqmar_domain = true;
            }
            "--aqmar" => config.aqmar_dir = Some(root.join("data/ner/aqmar")),
            "--no-aqmar" => config.aqmar_dir = None,
            "--no-aqmar-misc" => config.aqmar_misc = false,
            "--gold-list" => {
                // A file naming annotated articles (FILE.txt, gold beside), one per line.
                let list = args.next().ok_or("--gold-list needs a file")?;
                let listed = std::fs::read_to_string(&list)?;
                config.gold_articles = listed
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| PathBuf::from(l.trim()))
                    .collect();
            }
            "--gold" => config.gold_articles = qari_train::annotated_news_articles(&root)?,
            "--gold-repeat" => {
                config.gold_repeat = args.next().ok_or("--gold-repeat needs N")?.parse()?
            }
            "--gold-domain" => config.gold_domain = true,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let t0 = std::time::Instant::now();
    if dev {
        config.dev_fraction = 0.1;
        let dev = evaluate_dev(&config)?;
        let target = root.join("target");
        let name = match config.dev_start {
            Some(start) => format!("fold{}", (start * 10.0).round()),
            None => "dev".to_string(),
        };
        std::fs::write(target.join(format!("{name}.gold.conll")), &dev.gold)?;
        std::fs::write(target.join(format!("{name}.pred.conll")), &dev.predicted)?;
        // The held-out model, for `QARI_MODEL=target/dev.ner.bin qari analyze` on that text.
        std::fs::write(target.join(format!("{name}.ner.bin")), &dev.model)?;
        let (p, r, f) = dev.scores;
        println!(
            "dev: {} train sentences, {} dev tokens; P {p:.1} R {r:.1} F1 {f:.1} ({:.1}s)",
            dev.train_sentences,
            dev.gold.lines().count(),
            t0.elapsed().as_secs_f64()
        );
    } else {
        let bytes = train_from_files(&config)?;
        std::fs::write(&out, &bytes)?;
        println!(
            "wrote {} ({} bytes) in {:.1}s",
            out.display(),
            bytes.len(),
            t0.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
