//! The `qari` binary: the reader window, or a window-less subcommand.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = qari::cli::Cli::parse();
    if let Some(command) = cli.command {
        return qari::cli::run(command);
    }
    let mut files = cli.files.into_iter();
    match qari::app::run(qari::app::StartOptions {
        file: files.next(),
        also: files.collect(),
        lang: None,
        data_dir: None,
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("qari: {}", qari::cli::one_line(&err));
            ExitCode::FAILURE
        }
    }
}
