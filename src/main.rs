//! The `qari` binary: the reader window, or a window-less subcommand.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = qari::cli::Cli::parse();
    match cli.command {
        Some(command) => qari::cli::run(command),
        None => ExitCode::SUCCESS,
    }
}
