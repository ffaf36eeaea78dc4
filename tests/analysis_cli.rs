//! `qari analyze` over several files: analysed in parallel, printed in the order given, one
//! JSON object per line; `--explain` names every quote's candidates and the decision.

use std::error::Error;
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `qari analyze ARGS…`, fails on a non-zero exit, returns its standard output.
fn analyze<I, S>(args: I) -> Result<String, Box<dyn Error>>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = Command::new(env!("CARGO_BIN_EXE_qari"))
        .arg("analyze")
        .args(args)
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8(out.stdout)?)
}

#[test]
fn several_files_come_out_in_the_order_given() -> Result<(), Box<dyn Error>> {
    let dir = root().join("tests/fixtures/analysis");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    // Reverse order, and one file twice, so sorted or deduplicated output would show.
    files.reverse();
    files.push(files[0].clone());
    let mut args = vec![PathBuf::from("--json")];
    args.extend(files.iter().cloned());
    let text = analyze(&args)?;
    let titles: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).map(|v| v["title"].to_string()))
        .collect::<Result<_, _>>()?;
    let expected: Vec<String> = files
        .iter()
        .map(|f| {
            let t = std::fs::read_to_string(f)?;
            Ok(
                serde_json::Value::String(t.lines().next().unwrap_or("").trim().to_string())
                    .to_string(),
            )
        })
        .collect::<Result<_, std::io::Error>>()?;
    assert_eq!(titles, expected);
    Ok(())
}

#[test]
fn explain_lists_candidates_and_decisions() -> Result<(), Box<dyn Error>> {
    let file = root().join("tests/fixtures/analysis/economy_bank.txt");
    let text = analyze([PathBuf::from("--explain"), file])?;
    assert!(text.contains("→ chose «"), "{text}");
    assert!(
        text.contains("Subject +2.00") || text.contains("Continuation +1.00"),
        "{text}"
    );
    Ok(())
}
