//! `qari card`: a quote (numbered as `qari analyze` lists them) or a passage drawn as an image
//! card, the same way the window's *Share as image* does.

use std::path::PathBuf;

use anyhow::{Context as _, bail};

use super::render::ThemeArg;
use crate::analysis::analyze;
use crate::document::{LoadOptions, load_path};
use crate::text::LayoutEngine;
use crate::text::card::{CardStyle, QuoteCard};
use crate::text::fonts::{FontSources, font_system};

/// Arguments of `qari card`.
#[derive(Debug, clap::Args)]
pub struct CardArgs {
    /// The document.
    pub file: PathBuf,
    /// Quote number, counting from 1 in the order `qari analyze` lists the quotes.
    #[arg(
        long,
        conflicts_with = "selection",
        required_unless_present = "selection"
    )]
    pub quote: Option<usize>,
    /// A passage instead: `PARAGRAPH:CHAR..PARAGRAPH:CHAR` (body paragraphs and chars from 0,
    /// end exclusive), e.g. `2:0..2:120`.
    #[arg(long)]
    pub selection: Option<String>,
    /// Where to write the PNG.
    #[arg(long)]
    pub out: PathBuf,
    /// Card width in pixels.
    #[arg(long, default_value_t = 1080)]
    pub width: u32,
    /// Colours.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
}

/// Draws the card and writes the PNG.
pub fn run(args: &CardArgs) -> anyhow::Result<()> {
    let doc = load_path(&args.file, &LoadOptions::default())?;
    let card = match (&args.selection, args.quote) {
        (Some(range), _) => {
            let paragraphs: Vec<&str> = doc.paragraphs().collect();
            QuoteCard {
                quote: passage(&paragraphs, range)?,
                speaker: None,
                title: doc.title.clone(),
            }
        }
        (None, Some(n)) => {
            let analysis = analyze(&doc);
            let quotes: Vec<_> = analysis.listed_quotes().collect();
            let Some(q) = n.checked_sub(1).and_then(|i| quotes.get(i)) else {
                bail!("there is no quote {n}; the document has {}", quotes.len());
            };
            QuoteCard {
                quote: q.text.clone(),
                speaker: q.speaker.clone(),
                title: doc.title.clone(),
            }
        }
        (None, None) => bail!("say which quote (--quote N) or passage (--selection)"),
    };
    let mut engine = LayoutEngine::new(font_system(FontSources::BundledOnly));
    let style = CardStyle {
        width: args.width,
        theme: args.theme.into(),
    };
    let (image, _) = card.render(&mut engine, style);
    let png = image.to_png().context("could not encode the PNG")?;
    std::fs::write(&args.out, png)
        .with_context(|| format!("could not write the card: {}", args.out.display()))?;
    Ok(())
}

/// The text between two `paragraph:char` positions, paragraphs joined by a space.
fn passage(paragraphs: &[&str], range: &str) -> anyhow::Result<String> {
    let parse = |s: &str| -> Option<(usize, usize)> {
        let (p, c) = s.trim().split_once(':')?;
        Some((p.parse().ok()?, c.parse().ok()?))
    };
    let (from, to) = range
        .split_once("..")
        .and_then(|(a, b)| Some((parse(a)?, parse(b)?)))
        .with_context(|| format!("a selection is PARAGRAPH:CHAR..PARAGRAPH:CHAR, not {range}"))?;
    if to <= from || to.0 >= paragraphs.len() {
        bail!(
            "the selection {range} is empty or past the last paragraph ({})",
            paragraphs.len()
        );
    }
    let mut parts = Vec::new();
    for (p, text) in paragraphs.iter().enumerate().take(to.0 + 1).skip(from.0) {
        let start = if p == from.0 { from.1 } else { 0 };
        let end = if p == to.0 { to.1 } else { usize::MAX };
        let part: String = text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        parts.push(part);
    }
    let text = parts.join(" ");
    if text.trim().is_empty() {
        bail!("the selection {range} holds no text");
    }
    Ok(text.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_span_paragraphs_by_char_offsets() {
        let paras = ["أول فقرة", "ثاني فقرة هنا"];
        assert_eq!(passage(&paras, "0:4..0:8").unwrap_or_default(), "فقرة");
        assert_eq!(passage(&paras, "0:4..1:4").unwrap_or_default(), "فقرة ثاني");
        assert!(passage(&paras, "1:0..0:3").is_err());
        assert!(passage(&paras, "0:0..5:1").is_err());
        assert!(passage(&paras, "nonsense").is_err());
    }
}
