//! Word clusters from real news: `cargo run --release -p qari-train --example news_clusters
//! -- [--k N] [--out FILE]`.
//!
//! ANERcorp (2007, ~125k words) and AQMAR are too small and too old to say in which contexts
//! the forms of today's Saudi and pan-Arab news occur. This reads the 30,665 SaudiNewsNet
//! articles of `../shared/eval/saudinewsnet/articles.jsonl.gz` (CC BY-NC-SA 4.0) — less the
//! 300 of `pool-saudi`, whose annotated articles are measured in cross-validation — splits
//! them as the analysis does (paragraphs, tokens, sentences), adds ANERcorp's and AQMAR's
//! text, and groups the forms by their neighbours ([`qari_train::word_clusters`]). It writes
//! the statistics only — `form<TAB>fine<TAB>coarse` lines, no text — to
//! `data/stats/news-clusters.tsv`, which `train_ner` uses instead of computing clusters from
//! ANERcorp and AQMAR (see [`qari_train::TrainConfig::clusters_file`]).

use std::collections::HashSet;
use std::error::Error;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

use qari_core::analysis::tokens::{sentences, tokenize};
use qari_train::{MAX_CLUSTER_VOCAB, TrainConfig, cluster_text, word_clusters};

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/eval");
    let mut k = 128usize;
    let mut out = root.join("data/stats/news-clusters.tsv");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--k" => k = args.next().ok_or("--k needs N")?.parse()?,
            "--out" => out = PathBuf::from(args.next().ok_or("--out needs a file")?),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let t0 = std::time::Instant::now();
    let held_out = pool_urls(&shared.join("pool-saudi/articles.jsonl"))?;
    let mut text = cluster_text(&TrainConfig::from_data_dir(&root.join("data")))?;
    let (articles, skipped) = read_news(
        &shared.join("saudinewsnet/articles.jsonl.gz"),
        &held_out,
        &mut text,
    )?;
    let tokens: usize = text.iter().map(Vec::len).sum();
    eprintln!(
        "{articles} articles ({skipped} of pool-saudi left out), {tokens} tokens with ANERcorp and AQMAR, read in {:.0}s",
        t0.elapsed().as_secs_f64()
    );
    let clusters = word_clusters(&text, k);
    let mut rows: Vec<(&String, &(u16, u16))> = clusters.iter().collect();
    rows.sort();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut w = std::io::BufWriter::new(std::fs::File::create(&out)?);
    for (form, (fine, coarse)) in &rows {
        writeln!(w, "{form}\t{fine}\t{coarse}")?;
    }
    w.flush()?;
    eprintln!(
        "{} forms (at most {MAX_CLUSTER_VOCAB}) in {k} clusters → {} in {:.0}s",
        rows.len(),
        out.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The addresses of the pool-saudi articles (annotated ones among them are test data).
fn pool_urls(path: &std::path::Path) -> Result<HashSet<String>, Box<dyn Error>> {
    let mut out = HashSet::new();
    for line in BufReader::new(std::fs::File::open(path)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        if let Some(u) = v.get("url").and_then(|u| u.as_str()) {
            out.insert(u.to_string());
        }
    }
    Ok(out)
}

/// Appends the sentences (token texts, words and punctuation as the analysis splits them) of
/// every article not in `held_out` to `text`; returns the articles read and skipped.
fn read_news(
    path: &std::path::Path,
    held_out: &HashSet<String>,
    text: &mut Vec<Vec<String>>,
) -> Result<(usize, usize), Box<dyn Error>> {
    let gz = flate2::read::GzDecoder::new(std::fs::File::open(path)?);
    let (mut read, mut skipped) = (0, 0);
    for line in BufReader::new(gz).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let url = v.get("url").and_then(|u| u.as_str()).unwrap_or_default();
        if held_out.contains(url) {
            skipped += 1;
            continue;
        }
        read += 1;
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or_default();
        let body = field("content");
        for para in std::iter::once(field("title")).chain(body.lines()) {
            let toks = tokenize(para);
            for range in sentences(&toks, para) {
                let sentence: Vec<String> = toks[range]
                    .iter()
                    .map(|t| t.text(para).to_string())
                    .collect();
                if !sentence.is_empty() {
                    text.push(sentence);
                }
            }
        }
    }
    Ok((read, skipped))
}
