//! Benchmark helpers: synthetic documents and a headless scrolling harness.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;

use crate::app::{QariApp, StartOptions};
use crate::document::{LoadOptions, load_path};
use crate::state::settings::Settings;

/// Arguments of `qari debug synth`.
#[derive(Debug, clap::Args)]
pub struct SynthArgs {
    /// The article whose paragraphs are repeated.
    pub file: PathBuf,
    /// Size of the document to write, in bytes (e.g. 10000000).
    #[arg(long)]
    pub bytes: usize,
    /// Where to write it.
    #[arg(long)]
    pub out: PathBuf,
    /// What the text looks like.
    #[arg(long, value_enum, default_value_t = Shape::Paragraphs)]
    pub shape: Shape,
}

/// Shapes of synthetic documents, each one a known hard case for layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shape {
    /// The article's paragraphs repeated, one per line.
    Paragraphs,
    /// The article's paragraphs joined into one enormous paragraph.
    OneParagraph,
    /// One paragraph of pseudo-random Arabic, Hebrew, Latin, digits and punctuation words.
    Mixed,
    /// One word of Arabic letters with no space at all.
    LongWord,
}

/// Writes a plain-text document of about `bytes` bytes made of the article's paragraphs.
pub fn synth(args: &SynthArgs) -> anyhow::Result<()> {
    let doc = load_path(&args.file, &LoadOptions::default())?;
    let paragraphs: Vec<&str> = doc.paragraphs().collect();
    anyhow::ensure!(!paragraphs.is_empty(), "the article has no paragraphs");
    let mut text = format!("{}\n\n", doc.title);
    let mut i = 0;
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    const ALPHABETS: [&[char]; 5] = [
        &[
            'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'د', 'ر', 'س', 'ع', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه',
            'و', 'ي',
        ],
        &[
            'א', 'ב', 'ג', 'ד', 'ה', 'ו', 'ז', 'ח', 'ט', 'י', 'כ', 'ל', 'מ', 'נ', 'ס', 'ע', 'פ',
            'צ', 'ק', 'ר', 'ש', 'ת',
        ],
        &[
            'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's',
            't', 'u',
        ],
        &[
            '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '٠', '١', '٢', '٣', '٤', '٥',
        ],
        &[
            '.', '؛', '،', '(', ')', '«', '»', '-', '!', '؟', ':', '"', '%',
        ],
    ];
    while text.len() < args.bytes {
        match args.shape {
            Shape::Paragraphs => {
                text.push_str(paragraphs[i % paragraphs.len()]);
                text.push('\n');
            }
            Shape::OneParagraph => {
                text.push_str(paragraphs[i % paragraphs.len()]);
                text.push(' ');
            }
            Shape::Mixed => {
                let alphabet = ALPHABETS[(next() % 5) as usize];
                for _ in 0..1 + next() % 8 {
                    text.push(alphabet[(next() % alphabet.len() as u64) as usize]);
                }
                text.push(' ');
            }
            Shape::LongWord => {
                let letters = ALPHABETS[0];
                text.push(letters[(next() % letters.len() as u64) as usize]);
            }
        }
        i += 1;
    }
    std::fs::write(&args.out, text)
        .with_context(|| format!("could not write {}", args.out.display()))
}

/// Arguments of `qari debug bench-scroll`.
#[derive(Debug, clap::Args)]
pub struct ScrollArgs {
    /// The document to scroll through.
    pub file: PathBuf,
    /// Frames to run.
    #[arg(long, default_value_t = 600)]
    pub frames: usize,
    /// Points scrolled per frame.
    #[arg(long, default_value_t = 40.0)]
    pub step: f32,
    /// Window width.
    #[arg(long, default_value_t = 1400.0)]
    pub width: f32,
    /// Window height.
    #[arg(long, default_value_t = 900.0)]
    pub height: f32,
}

/// Runs the real app headless, scrolling every frame, and prints CPU time per frame.
///
/// Each frame includes the app's UI pass (reading pane and the sidebar with the document's
/// analysis) and egui's tessellation, measured as thread CPU time.
pub fn bench_scroll(args: &ScrollArgs) -> anyhow::Result<()> {
    let ctx = egui::Context::default();
    let mut app = QariApp::with_settings(
        &ctx,
        Settings::default(),
        StartOptions {
            file: Some(args.file.clone()),
            also: Vec::new(),
            lang: None,
            data_dir: None,
        },
    );
    // The sidebar is measured with the analysis shown, as a reader sees it.
    app.wait_for_analysis(Duration::from_secs(300));
    anyhow::ensure!(app.document.is_some(), "the document did not open");
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(args.width, args.height));
    let frame = |app: &mut QariApp, scroll: Option<f32>| {
        if let (Some(y), Some(doc)) = (scroll, app.document.as_mut()) {
            doc.view.scroll_request = Some(y);
        }
        let input = egui::RawInput {
            screen_rect: Some(screen),
            ..Default::default()
        };
        let start = cpu_time::ThreadTime::now();
        let mut output = ctx.run_ui(input, |ui| app.frame(ui));
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
        // No GPU here to upload textures to: drop the uploads (egui panics on unhandled ones).
        output.textures_delta.clear();
        start.elapsed()
    };
    for _ in 0..3 {
        frame(&mut app, None);
    }
    let mut times: Vec<Duration> = Vec::with_capacity(args.frames);
    let mut y = 0.0;
    for _ in 0..args.frames {
        y += args.step;
        times.push(frame(&mut app, Some(y)));
    }
    let reached = app.document.as_ref().map_or(0.0, |d| d.view.scroll);
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "frames {} scrolled to {reached:.0} pt: CPU per frame p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(pct(0.99)),
        ms(pct(1.0))
    );
    Ok(())
}
