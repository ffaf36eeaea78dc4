//! Every Arabic string of the interface is shown in the visual order GNU FriBidi gives it —
//! an implementation of the bidi algorithm other than the `unicode-bidi` crate qari uses.
//!
//! qari hands egui each one-line string through `ui::visual_order::visual`; egui then shapes
//! every run of Arabic-script characters right to left (so a word's letters, and an Arabic
//! comma glued to it, come out reversed) and places everything else left to right. The test
//! applies that last step to `visual`'s output and compares the characters, left to right,
//! with FriBidi's visual order (`fribidi --vtol --levels`, brackets mirrored at odd levels).
//! Harakat are left out of the comparison: where a mark sits relative to its letter is the
//! shaper's business, not the order of the line. FriBidi gets each string as an author would
//! write it for a bidi renderer, Latin tokens isolated (`authored`).

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use qari::document::{LoadError, Warning};
use qari::state::i18n::{AR, Lang};
use qari::state::keymap::KEY_MAP;
use qari::state::messages::Message;
use qari::ui::visual_order::visual;

fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

fn is_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What the reader sees, left to right, once egui has painted `visual`'s output.
fn painted(shown: &str) -> String {
    let mut out = String::new();
    let mut run: Vec<char> = Vec::new();
    for c in shown.chars() {
        if is_arabic_script(c) {
            run.push(c);
            continue;
        }
        out.extend(run.drain(..).rev());
        out.push(c);
    }
    out.extend(run.drain(..).rev());
    out.chars()
        .filter(|&c| !is_mark(c) && !is_control(c))
        .collect()
}

fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '«' => '»',
        '»' => '«',
        '<' => '>',
        '>' => '<',
        '{' => '}',
        '}' => '{',
        _ => c,
    }
}

/// The string as a careful author writes it for a bidi renderer: each Latin token (a
/// shortcut such as "Ctrl++", a code page) in a left-to-right isolate, brackets and
/// punctuation around it left outside — otherwise the algorithm itself gives "(++Ctrl)".
fn authored(s: &str) -> String {
    let wrapper = |c: char| "()[]{}«»:،؛؟,.…!".contains(c);
    s.split(' ')
        .map(|word| {
            let start = word.find(|c: char| !wrapper(c)).unwrap_or(word.len());
            let end = word.rfind(|c: char| !wrapper(c)).map_or(start, |e| {
                e + word[e..].chars().next().map_or(1, char::len_utf8)
            });
            let core = &word[start..end.max(start)];
            if core.chars().any(|c| c.is_ascii_alphanumeric())
                && !core.chars().any(is_arabic_script)
            {
                format!(
                    "{}\u{2066}{core}\u{2069}{}",
                    &word[..start],
                    &word[end.max(start)..]
                )
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// FriBidi's visual order of each line, built from its visual-to-logical map and levels.
fn fribidi(lines: &[String]) -> Vec<String> {
    let mut child = match Command::new("fribidi")
        .args(["--novisual", "--vtol", "--levels", "--nobreak"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(err) => panic!("fribidi (Debian's libfribidi-bin) must be installed: {err}"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        for line in lines {
            let _ = writeln!(stdin, "{line}");
        }
    }
    let out = match child.wait_with_output() {
        Ok(out) => String::from_utf8_lossy(&out.stdout).into_owned(),
        Err(err) => panic!("fribidi failed: {err}"),
    };
    let numbers: Vec<Vec<usize>> = out
        .lines()
        .map(|l| {
            l.split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect()
        })
        .collect();
    assert_eq!(
        numbers.len(),
        lines.len() * 2,
        "fribidi answered every line"
    );
    lines
        .iter()
        .zip(numbers.chunks(2))
        .map(|(line, maps)| {
            let chars: Vec<char> = line.chars().collect();
            let (vtol, levels) = (&maps[0], &maps[1]);
            vtol.iter()
                .filter_map(|&i| {
                    let c = *chars.get(i)?;
                    Some(if levels.get(i).is_some_and(|l| l % 2 == 1) {
                        mirror(c)
                    } else {
                        c
                    })
                })
                .filter(|&c| !is_mark(c) && !is_control(c))
                .collect()
        })
        .collect()
}

/// Every Arabic string the interface shows on one line: the interface words, the key map,
/// and the notices and errors.
fn arabic_strings() -> Vec<String> {
    let mut out = Vec::new();
    // The interface words: every field of the Arabic table, read from its Debug form.
    let debug = format!("{AR:?}");
    let mut rest = debug.as_str();
    while let Some(start) = rest.find(": \"") {
        let after = &rest[start + 3..];
        let Some(end) = after.find("\", ").or_else(|| after.find("\" }")) else {
            break;
        };
        out.push(after[..end].replace("\\\"", "\"").replace("\\n", " "));
        rest = &after[end..];
    }
    assert!(
        out.len() > 50,
        "the Arabic table was read: {} strings",
        out.len()
    );
    for b in KEY_MAP {
        out.push(b.description(Lang::Ar).to_string());
        out.push(b.keys(Lang::Ar).to_string());
    }
    let path = Path::new("/tmp/مقال.txt");
    let err = LoadError::NotFound(path.to_path_buf());
    let warning = Warning::InvalidBytes {
        count: 3,
        encoding: "windows-1256".into(),
    };
    for m in [
        Message::NoPicker,
        Message::LoadFailed(&err),
        Message::DocumentWarning(&warning, path),
        Message::HighlightsSetAside("x"),
        Message::HighlightsNotSaved("x"),
        Message::Exported(path),
        Message::CopiedChars(6),
        Message::CopiedChars(12),
        Message::CopiedQuote,
        Message::Orphaned(3),
        Message::FolderUnreadable(path),
        Message::CardSaved(path),
        Message::CardNotSaved,
        Message::PositionRestored,
        Message::SettingsNotRead("x"),
        Message::SettingsNotSaved("x"),
    ] {
        out.push(m.text(Lang::Ar));
    }
    out.retain(|s| s.chars().any(is_arabic_script) && !s.contains('\n'));
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_arabic_interface_string_reads_in_fribidis_order() {
    let strings = arabic_strings();
    let authored: Vec<String> = strings.iter().map(|s| authored(s)).collect();
    let expected = fribidi(&authored);
    let wrong: Vec<String> = strings
        .iter()
        .zip(&expected)
        .filter(|(s, e)| painted(&visual(s)) != **e)
        .map(|(s, e)| format!("«{s}»: qari {} · fribidi {e}", painted(&visual(s))))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} strings out of order:\n{}",
        wrong.len(),
        strings.len(),
        wrong.join("\n")
    );
}
