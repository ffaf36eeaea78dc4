//! The command line: `qari [FILE]` opens the reader; subcommands inspect and render without a window.

mod analyze;
mod bench;
mod card;
mod debug_layout;
mod debug_text;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// qari — a reader for Arabic articles.
#[derive(Debug, Parser)]
#[command(name = "qari", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Documents to open: the first is shown, the others join the recent files.
    pub files: Vec<PathBuf>,
    /// What to do instead of opening the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Window-less commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find the people, places, organizations, hashtags, dates and quotes in documents.
    Analyze(analyze::AnalyzeArgs),
    /// Tag a CoNLL file (`token [TAG]` lines) with PERS, LOC, ORG and MISC.
    Ner(analyze::NerArgs),
    /// Draw a quote or a passage as an image card (PNG), as *Share as image* does.
    Card(card::CardArgs),
    /// Draw the reading pane's first screen (or a scrolled one) into a PNG.
    Render(render::RenderArgs),
    /// Inspection commands used by tests and checks.
    #[command(subcommand)]
    Debug(DebugCommand),
}

/// `qari debug …`
#[derive(Debug, Subcommand)]
pub enum DebugCommand {
    /// Print every paragraph's lines and glyphs as laid out at a width.
    Layout(debug_layout::LayoutArgs),
    /// Write a large document made of an article's paragraphs repeated.
    Synth(bench::SynthArgs),
    /// Print the document as loaded: title, headings and paragraphs.
    Text(debug_text::TextArgs),
    /// Scroll through a document headless and report CPU time per frame.
    BenchScroll(bench::ScrollArgs),
}

/// Runs a window-less command; problems go to stderr as one line and exit code 2.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Analyze(args) => analyze::run_analyze(&args),
        Command::Ner(args) => analyze::run_ner(&args),
        Command::Render(args) => render::run(&args),
        Command::Card(args) => card::run(&args),
        Command::Debug(DebugCommand::Layout(args)) => debug_layout::run(&args),
        Command::Debug(DebugCommand::Synth(args)) => bench::synth(&args),
        Command::Debug(DebugCommand::Text(args)) => debug_text::run(&args),
        Command::Debug(DebugCommand::BenchScroll(args)) => bench::bench_scroll(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("qari: {}", one_line(&err));
            ExitCode::from(2)
        }
    }
}

/// Writes to stdout; a reader that went away (`qari … | head`) ends the output quietly.
pub fn out(text: &str) -> anyhow::Result<()> {
    out_bytes(text.as_bytes())
}

/// [`out`] for bytes already encoded.
pub fn out_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// An error and its causes on one line, outermost first.
pub fn one_line(err: &anyhow::Error) -> String {
    err.chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ")
}
