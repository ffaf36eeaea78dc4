//! `qari analyze` and `qari ner`: the analysis from the command line.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::analysis::conll::tag_conll;
use crate::analysis::learned::Learned;
use crate::analysis::{Analysis, Explained, Options, Tagger, run};
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
    /// Use this NER model instead of the bundled one (held-out evaluation).
    #[arg(long, value_name = "FILE")]
    pub ner_model: Option<PathBuf>,
    /// Use this quote-or-term model instead of the bundled one (cross-validation).
    #[arg(long, value_name = "FILE")]
    pub quote_model: Option<PathBuf>,
    /// Use this speaker model instead of the bundled one (cross-validation).
    #[arg(long, value_name = "FILE")]
    pub speaker_model: Option<PathBuf>,
}

/// The models an analysis runs with: the bundled ones unless the arguments name others.
struct Models {
    tagger: std::borrow::Cow<'static, Tagger>,
    learned: Learned,
}

impl Models {
    fn from_args(args: &AnalyzeArgs) -> anyhow::Result<Self> {
        let tagger = match &args.ner_model {
            Some(path) => {
                let bytes = std::fs::read(path)
                    .with_context(|| format!("could not read {}", path.display()))?;
                std::borrow::Cow::Owned(
                    Tagger::from_bytes(&bytes)
                        .with_context(|| format!("not a NER model: {}", path.display()))?,
                )
            }
            None => std::borrow::Cow::Borrowed(
                Tagger::default_model().context("the bundled NER model is damaged")?,
            ),
        };
        let learned =
            Learned::with_files(args.quote_model.as_deref(), args.speaker_model.as_deref())?;
        Ok(Self { tagger, learned })
    }
}

/// Arguments of `qari ner`.
#[derive(Debug, clap::Args)]
pub struct NerArgs {
    /// A file of `token [TAG]` lines, blank lines between sentences.
    #[arg(long)]
    pub conll: PathBuf,
    /// Tag it as the news qari opens rather than as ANERcorp text. The tagger learned
    /// ANERcorp with feature copies of its own beside the annotated news articles; CoNLL
    /// input is ANERcorp's kind of text, so by default those copies fire too.
    #[arg(long)]
    pub as_news: bool,
}

/// Analyses the files on all cores and prints the results in the order given. One file is
/// written to standard output as it is serialised; several are analysed at once (a few more
/// than there are threads in flight, so memory stays bounded) and each printed as soon as all
/// before it are.
pub fn run_analyze(args: &AnalyzeArgs) -> anyhow::Result<()> {
    use std::collections::BTreeMap;
    use std::io::Write as _;

    let files = &args.files;
    let models = Models::from_args(args)?;
    let models = &models;
    if let [file] = files.as_slice() {
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        return ignore_broken_pipe(
            write_file(args, models, file, false, &mut stdout).and_then(|()| Ok(stdout.flush()?)),
        );
    }
    let window = 2 * rayon::current_num_threads();
    rayon::in_place_scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel::<(usize, anyhow::Result<Vec<u8>>)>();
        let spawn = |i: usize| {
            let tx = tx.clone();
            scope.spawn(move |_| {
                let Some(file) = files.get(i) else { return };
                let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let mut buf = Vec::new();
                    write_file(args, models, file, true, &mut buf).map(|()| buf)
                }))
                .unwrap_or_else(|_| {
                    Err(anyhow::anyhow!("the analysis of {} failed", file.display()))
                });
                // The receiver is gone only when printing stopped.
                let _ = tx.send((i, rendered));
            });
        };
        let mut next = 0;
        while next < files.len().min(window) {
            spawn(next);
            next += 1;
        }
        let mut pending: BTreeMap<usize, anyhow::Result<Vec<u8>>> = BTreeMap::new();
        let mut want = 0;
        while want < files.len() {
            // A file before `next` is still being analysed, so a result is on its way.
            let (i, result) = rx.recv()?;
            pending.insert(i, result);
            while let Some(result) = pending.remove(&want) {
                result.and_then(|bytes| super::out_bytes(&bytes))?;
                want += 1;
                if next < files.len() {
                    spawn(next);
                    next += 1;
                }
            }
        }
        Ok(())
    })
}

/// A closed pipe (`qari analyze … | head`) is not an error.
fn ignore_broken_pipe(result: anyhow::Result<()>) -> anyhow::Result<()> {
    match result {
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<serde_json::Error>()
                        .and_then(serde_json::Error::io_error_kind)
                        == Some(std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            Ok(())
        }
        other => other,
    }
}

/// Writes the printed analysis of one file (all its documents) to `out`.
fn write_file(
    args: &AnalyzeArgs,
    models: &Models,
    file: &std::path::Path,
    several_files: bool,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let docs = load_documents(file, &LoadOptions::default())?;
    // Several documents (files, or articles of one JSON file) give one JSON object per line.
    let several = several_files || docs.len() > 1;
    for doc in docs {
        let options = Options {
            tagger: Some(&models.tagger),
            learned: Some(&models.learned),
            explain: args.explain,
            ..Options::default()
        };
        if args.explain {
            let explained = run(&doc, options);
            out.write_all(explanation(file, &explained, &models.learned).as_bytes())?;
            continue;
        }
        let analysis = run(&doc, options).analysis;
        if args.json {
            // Serialised straight to the output: a big document's JSON is never held whole.
            if several {
                serde_json::to_writer(&mut *out, &analysis)?;
            } else {
                analysis.write_json(&mut *out)?;
            }
            out.write_all(b"\n")?;
        } else {
            out.write_all(summary(file, &analysis).as_bytes())?;
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

/// Each quoted span with the quote-or-term model's score; then per listed quote the speaker
/// candidates, best first, with what each feature added to the hand-set ranking score, and
/// the decision with the speaker model's confidence in the best.
fn explanation(file: &std::path::Path, explained: &Explained, learned: &Learned) -> String {
    use std::fmt::Write as _;
    let a = &explained.analysis;
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", a.title, file.display());
    let _ = writeln!(
        s,
        "\nQuoted spans (speech at a score ≥ {:.2}):",
        learned.quotes.model.threshold
    );
    for span in &explained.rated {
        let text: String = span.text.chars().take(50).collect();
        let verdict = if span.listed { "quote" } else { "term" };
        let _ = writeln!(
            s,
            "  ¶{} {:>6.2} {verdict:<5} «{text}»",
            span.paragraph + 1,
            span.score
        );
    }
    let _ = writeln!(s, "\nSpeakers:");
    for (q, at) in a.quotes.iter().zip(&explained.attributions) {
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
                c.score,
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
    let tagged = if args.as_news {
        tag_conll(&input, tagger)
    } else {
        tag_conll(&input, &tagger.clone().in_source_domain())
    };
    super::out(&tagged)?;
    Ok(())
}
