//! `qari debug text`: the document as loaded — title, headings and paragraphs — as text or JSON.

use std::path::PathBuf;

use serde::Serialize;

use crate::document::{LoadOptions, load_path};

/// Arguments of `qari debug text`.
#[derive(Debug, clap::Args)]
pub struct TextArgs {
    /// The document to load.
    pub file: PathBuf,
    /// Print JSON (`title`, `sections` of `heading` and `paragraphs`) instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct SectionReport<'a> {
    heading: Option<&'a str>,
    paragraphs: &'a [String],
}

#[derive(Serialize)]
struct TextReport<'a> {
    title: &'a str,
    sections: Vec<SectionReport<'a>>,
}

/// Prints the loaded document: the title, a blank line, then each heading (after `## `) and paragraph on its own line.
pub fn run(args: &TextArgs) -> anyhow::Result<()> {
    // The load error names the file itself.
    let doc = load_path(&args.file, &LoadOptions::default())?;
    if args.json {
        let report = TextReport {
            title: &doc.title,
            sections: doc
                .sections
                .iter()
                .map(|s| SectionReport {
                    heading: s.heading.as_deref(),
                    paragraphs: &s.paragraphs,
                })
                .collect(),
        };
        return super::out(&(serde_json::to_string_pretty(&report)? + "\n"));
    }
    let mut text = format!("{}\n\n", doc.title);
    for section in &doc.sections {
        if let Some(heading) = &section.heading {
            text.push_str(&format!("## {heading}\n"));
        }
        for paragraph in &section.paragraphs {
            text.push_str(paragraph);
            text.push('\n');
        }
    }
    super::out(&text)
}
