//! `qari analyze` and `qari ner`: the analysis from the command line.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::analysis::conll::tag_conll;
use crate::analysis::speakers::Attribution;
use crate::analysis::{Analysis, Tagger, analyze, analyze_explained};
use crate::document::{LoadOptions, load_documents};

/// Arguments of `qari analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Documents to analyse.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print JSON (one object per line for several files) instead of a summary.
    #[arg(long)]
    pub json: bool,
    /// For each quote, list the speaker candidates with their features and scores, and why
    /// one was chosen or none.
    #[arg(long, conflicts_with = "json")]
    pub explain: bool,
}

/// Arguments of `qari ner`.
#[derive(Debug, clap::Args)]
pub struct NerArgs {
    /// A file of `token [TAG]` lines, blank lines between sentences.
    #[arg(long)]
    pub conll: PathBuf,
}

/// Analyses the files on all cores and prints the results in the order given.
pub fn run_analyze(args: &AnalyzeArgs) -> anyhow::Result<()> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let files = &args.files;
    let several_files = files.len() > 1;
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(files.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, anyhow::Result<String>)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    if tx
                        .send((i, render_file(args, file, several_files)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Print each file's output as soon as all before it are printed.
        let mut pending: BTreeMap<usize, anyhow::Result<String>> = BTreeMap::new();
        let mut want = 0;
        for (i, result) in rx {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&want) {
                let printed = result.and_then(|text| super::out(&text));
                if printed.is_err() {
                    // Stop handing out files; the workers finish the ones they hold.
                    next.store(files.len(), Ordering::Relaxed);
                    return printed;
                }
                want += 1;
            }
        }
        Ok(())
    })
}

/// The printed analysis of one file (all its documents).
fn render_file(
    args: &AnalyzeArgs,
    file: &std::path::Path,
    several_files: bool,
) -> anyhow::Result<String> {
    let docs = load_documents(file, &LoadOptions::default())?;
    // Several documents (files, or articles of one JSON file) give one JSON object per line.
    let several = several_files || docs.len() > 1;
    let mut text = String::new();
    for doc in docs {
        if args.explain {
            let tagger = Tagger::default_model().context("the bundled NER model is damaged")?;
            let (analysis, attributions) = analyze_explained(&doc, tagger);
            text.push_str(&explanation(file, &analysis, &attributions));
            continue;
        }
        let analysis = analyze(&doc);
        if args.json {
            let json = if several {
                serde_json::to_string(&analysis)?
            } else {
                analysis.to_json_string()
            };
            text.push_str(&json);
            text.push('\n');
        } else {
            text.push_str(&summary(file, &analysis));
        }
    }
    Ok(text)
}

fn summary(file: &std::path::Path, a: &Analysis) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", a.title, file.display());
    let _ = writeln!(s, "{} paragraphs", a.paragraphs.len());
    for e in a.listed_entities() {
        let _ = writeln!(
            s,
            "  {:<13} {} ×{}",
            format!("{:?}", e.kind),
            e.name,
            e.mention_count()
        );
    }
    for q in a.listed_quotes() {
        let speaker = q.speaker.as_deref().unwrap_or("?");
        let _ = writeln!(s, "  «{}» — {speaker} (¶{})", q.text, q.paragraph + 1);
    }
    s
}

/// Per quote: the candidates, best first, with each feature's weight, and the decision.
fn explanation(file: &std::path::Path, a: &Analysis, attributions: &[Attribution]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", a.title, file.display());
    for (q, at) in a.quotes.iter().zip(attributions) {
        if q.short {
            continue;
        }
        let text: String = q.text.chars().take(60).collect();
        let more = if q.text.chars().count() > 60 {
            "…"
        } else {
            ""
        };
        let _ = writeln!(s, "\n¶{} «{text}{more}»", q.paragraph + 1);
        for c in &at.candidates {
            let features: Vec<String> = c
                .features
                .iter()
                .map(|f| format!("{f} {:+.2}", f.weight()))
                .collect();
            let _ = writeln!(
                s,
                "  {:>5.2}  {}  [{}]",
                c.score(),
                c.speaker.name,
                features.join(", ")
            );
        }
        let _ = writeln!(s, "  → {}", at.reason());
    }
    s
}

/// Tags a CoNLL file and prints `token TAG` lines.
pub fn run_ner(args: &NerArgs) -> anyhow::Result<()> {
    let input = std::fs::read_to_string(&args.conll)
        .with_context(|| format!("could not read {}", args.conll.display()))?;
    let tagger = Tagger::default_model().context("the bundled NER model is damaged")?;
    super::out(&tag_conll(&input, tagger))?;
    Ok(())
}
