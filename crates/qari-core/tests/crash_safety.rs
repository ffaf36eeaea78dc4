//! Nothing the reader saved is lost when qari is killed: a child process saves highlights and
//! reading positions in a loop and is SIGKILLed at random moments; after each kill the store
//! must read back cleanly and hold every change the child reported as saved.

use std::collections::BTreeMap;
use std::io::{BufRead as _, Read as _};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use qari_core::annotations::atomic::write_atomically;
use qari_core::annotations::{Anchor, DocText, Highlight, HighlightColor, HighlightStore};

/// Names the data directory for the child run of [`child_writer`].
const CHILD_ENV: &str = "QARI_CRASH_CHILD_DIR";
const KILLS: usize = 30;
const TIME_LIMIT: Duration = Duration::from_secs(90);

/// Reading positions as the child saves them: document hash → (paragraph, char).
type Positions = BTreeMap<String, (usize, usize)>;

fn document() -> DocText {
    DocText::from_blocks(&[
        "عنوان المقال",
        "قال الوزير إن الاجتماع سيعقد في الدوحة يوم الأحد المقبل.",
        "وأضاف أن الوفود ستصل تباعاً، وأن جدول الأعمال لم يُحسم بعد.",
    ])
}

fn positions_file(dir: &Path) -> std::path::PathBuf {
    dir.join("positions.json")
}

fn read_positions(dir: &Path) -> Result<Positions, String> {
    match std::fs::read(positions_file(dir)) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| format!("positions: {e}")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Positions::new()),
        Err(e) => Err(format!("positions: {e}")),
    }
}

/// A small xorshift generator: the test needs no statistical quality, only variety.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The child: continues from whatever the store holds, then adds, edits and removes highlights
/// and moves the reading position, printing each change before and after it is saved.
#[test]
#[ignore = "run by saved_changes_survive_sigkill as a child process"]
fn child_writer() -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return Ok(());
    };
    let dir = Path::new(&dir);
    let store = HighlightStore::new(dir);
    let text = document();
    let hash = HighlightStore::content_hash(&text);
    let mut highlights = store.load(&hash, None).highlights;
    let mut positions = read_positions(dir)?;
    let seed = std::process::id() as u64 | 1;
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // libtest has printed "test child_writer ... " without a newline: end that line first.
    println!();
    let started = Instant::now();
    let mut step = 0u64;
    while started.elapsed() < Duration::from_secs(20) {
        step += 1;
        let next_id = highlights.iter().map(|h| h.id).max().unwrap_or(0) + 1;
        match rng.below(5) {
            0 | 1 if highlights.len() < 300 => {
                let start = rng.below(text.len() as u64 - 5) as usize;
                highlights.push(Highlight {
                    id: next_id,
                    anchor: Anchor::new(&text, start..start + 4),
                    color: HighlightColor::ALL[(next_id % 5) as usize],
                    note: format!("ملاحظة {next_id} ").repeat(8),
                    created: step,
                });
            }
            2 if !highlights.is_empty() => {
                let i = rng.below(highlights.len() as u64) as usize;
                highlights.remove(i);
            }
            _ if !highlights.is_empty() => {
                let i = rng.below(highlights.len() as u64) as usize;
                let h = &mut highlights[i];
                h.note = format!("تعديل {step} على {}", h.id);
                h.color = HighlightColor::ALL[(step % 5) as usize];
            }
            _ => {}
        }
        println!("saving-h {}", serde_json::to_string(&highlights)?);
        store.save(&hash, Some(&dir.join("article.txt")), "عنوان", &highlights)?;
        println!("saved-h");

        let entry = positions.entry(hash.clone()).or_insert((0, 0));
        *entry = ((entry.0 + 1) % 3, (entry.1 + 7) % 50);
        positions.insert(format!("other-{}", step % 4), (step as usize, 0));
        println!("saving-p {}", serde_json::to_string(&positions)?);
        write_atomically(
            &positions_file(dir),
            &serde_json::to_vec_pretty(&positions)?,
        )?;
        println!("saved-p");
    }
    Ok(())
}

/// What one killed child reported: the last change it saved and one it may have been saving.
#[derive(Default)]
struct Report {
    saves: usize,
    highlights_saved: Option<Vec<Highlight>>,
    highlights_pending: Option<Vec<Highlight>>,
    positions_saved: Option<Positions>,
    positions_pending: Option<Positions>,
}

fn parse<T: serde::de::DeserializeOwned>(json: &str, line: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| format!("{e}: {line}"))
}

fn parse_report(out: &[u8]) -> Result<Report, String> {
    let mut report = Report::default();
    // A line cut short by the kill has no newline: it was never fully reported.
    let complete = out
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(&out[..0], |end| &out[..end]);
    for line in complete.lines().map_while(Result::ok) {
        if let Some(json) = line.strip_prefix("saving-h ") {
            report.highlights_pending = Some(parse(json, &line)?);
        } else if line == "saved-h" {
            report.saves += 1;
            report.highlights_saved = report.highlights_pending.take();
        } else if let Some(json) = line.strip_prefix("saving-p ") {
            report.positions_pending = Some(parse(json, &line)?);
        } else if line == "saved-p" {
            report.saves += 1;
            report.positions_saved = report.positions_pending.take();
        }
    }
    Ok(report)
}

#[test]
fn saved_changes_survive_sigkill() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let exe = std::env::current_exe()?;
    let hash = HighlightStore::content_hash(&document());
    let store = HighlightStore::new(dir.path());
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .subsec_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    // What the store must hold: what the last child saved (or, if it was killed while saving,
    // possibly the change it was writing).
    let mut highlights: Vec<Highlight> = Vec::new();
    let mut positions = Positions::new();
    let mut saves = 0;
    let started = Instant::now();
    let mut kills = 0;
    while kills < KILLS && started.elapsed() < TIME_LIMIT {
        let mut child = Command::new(&exe)
            .args(["--exact", "child_writer", "--ignored", "--nocapture"])
            .args(["--test-threads", "1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        // Read the child's reports as they come, so it never waits on a full pipe.
        let mut stdout = child.stdout.take().ok_or("no stdout")?;
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            let _ = stdout.read_to_end(&mut out);
            out
        });
        std::thread::sleep(Duration::from_millis(20 + rng.below(150)));
        // SIGKILL on Unix: no destructor, no flush, no chance to finish a write.
        child.kill()?;
        child.wait()?;
        let out = reader.join().map_err(|_| "the reader thread panicked")?;
        kills += 1;
        let report = parse_report(&out)?;
        saves += report.saves;

        let loaded = store.load(&hash, None);
        assert!(
            loaded.notice.is_none(),
            "kill {kills} (seed {seed}): {:?}",
            loaded.notice
        );
        let saved = report.highlights_saved.unwrap_or(highlights);
        assert!(
            loaded.highlights == saved
                || report.highlights_pending.as_ref() == Some(&loaded.highlights),
            "kill {kills} (seed {seed}): the store lost highlights the child had saved"
        );
        highlights = loaded.highlights;

        let on_disk = read_positions(dir.path()).map_err(|e| format!("kill {kills}: {e}"))?;
        let saved = report.positions_saved.unwrap_or(positions);
        assert!(
            on_disk == saved || report.positions_pending.as_ref() == Some(&on_disk),
            "kill {kills} (seed {seed}): the reading positions lost a saved change"
        );
        positions = on_disk;
    }
    assert!(kills >= 10, "only {kills} kills in the time allowed");
    assert!(saves >= kills, "the children saved only {saves} changes");
    Ok(())
}
