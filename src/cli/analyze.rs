//! `qari analyze` and `qari ner`: the analysis from the command line.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::analysis::conll::tag_conll;
use crate::analysis::{Analysis, Tagger, analyze};
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
}

/// Arguments of `qari ner`.
#[derive(Debug, clap::Args)]
pub struct NerArgs {
    /// A file of `token [TAG]` lines, blank lines between sentences.
    #[arg(long)]
    pub conll: PathBuf,
}

/// Analyses each file and prints the result.
pub fn run_analyze(args: &AnalyzeArgs) -> anyhow::Result<()> {
    let mut docs = Vec::new();
    for file in &args.files {
        for doc in load_documents(file, &LoadOptions::default())? {
            docs.push((file, doc));
        }
    }
    // Several documents (files, or articles of one JSON file) give one JSON object per line.
    let several = docs.len() > 1;
    for (file, doc) in docs {
        let analysis = analyze(&doc);
        if args.json {
            let json = if several {
                serde_json::to_string(&analysis)?
            } else {
                analysis.to_json_string()
            };
            super::out(&format!(
                "{json}
"
            ))?;
        } else {
            super::out(&summary(file, &analysis))?;
        }
    }
    Ok(())
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

/// Tags a CoNLL file and prints `token TAG` lines.
pub fn run_ner(args: &NerArgs) -> anyhow::Result<()> {
    let input = std::fs::read_to_string(&args.conll)
        .with_context(|| format!("could not read {}", args.conll.display()))?;
    let tagger = Tagger::default_model().context("the bundled NER model is damaged")?;
    super::out(&tag_conll(&input, tagger))?;
    Ok(())
}
