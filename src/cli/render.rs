//! `qari render`: the reading pane's screen drawn to a PNG with the window's layout code.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::document::{LoadOptions, load_path};
use crate::text::fonts::{FontSources, font_system};
use crate::text::raster::{RenderRequest, render_page};
use crate::text::{LayoutEngine, Page, PageStyle, Theme};

/// Arguments of `qari render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The document to draw.
    pub file: PathBuf,
    /// Pane width in points.
    #[arg(long, default_value_t = 1000.0)]
    pub width: f32,
    /// Pane height in points.
    #[arg(long, default_value_t = 800.0)]
    pub height: f32,
    /// Where to write the PNG.
    #[arg(long)]
    pub out: PathBuf,
    /// Scroll offset in points.
    #[arg(long, default_value_t = 0.0)]
    pub scroll: f32,
    /// Physical pixels per point.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Page colours.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
}

/// A theme name on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ThemeArg {
    /// Light.
    Light,
    /// Sepia.
    Sepia,
    /// Dark.
    Dark,
}

impl From<ThemeArg> for Theme {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Sepia => Theme::Sepia,
            ThemeArg::Dark => Theme::Dark,
        }
    }
}

/// Renders and writes the PNG.
pub fn run(args: &RenderArgs) -> anyhow::Result<()> {
    let doc = load_path(&args.file, &LoadOptions::default())?;
    let mut engine = LayoutEngine::new(font_system(FontSources::BundledOnly));
    let mut page = Page::new(&doc);
    let style = PageStyle::default();
    let request = RenderRequest {
        width: args.width.max(1.0),
        height: args.height.max(1.0),
        scroll: args.scroll.max(0.0),
        scale: args.scale,
        theme: args.theme.into(),
    };
    let image = render_page(&mut engine, &mut page, &style, request);
    let png = image.to_png().context("could not encode the PNG")?;
    std::fs::write(&args.out, png)
        .with_context(|| format!("could not write {}", args.out.display()))?;
    Ok(())
}
