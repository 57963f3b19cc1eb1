//! The command line: `saidso check`, `extract`, `verify`, `report`, `rules`, `explain`,
//! `config` and `lsp`.
//!
//! This module only parses arguments and dispatches; each command lives in its own module.
//! Output goes through `write_output`, so a closed pipe (`saidso check . | head`) ends the
//! program quietly instead of with a panic.

mod catalogue;
mod check;
mod config_cmd;
mod extract;
mod format;
mod input;
mod pipeline;
mod position;
mod progress;
mod report;
mod report_cmd;
mod report_inputs;
mod source_files;
mod sourcing;
mod verify;

#[cfg(test)]
pub(crate) use extract::process_line as extract_line;

use clap::{Parser, Subcommand};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Exit statuses shared by every command.
pub mod exit {
    /// Nothing at or above `--fail-on`.
    pub const OK: u8 = 0;
    /// Findings at or above `--fail-on` (check), or bad input lines (extract).
    pub const FINDINGS: u8 = 1;
    /// A usage error, or something could not be checked.
    pub const TROUBLE: u8 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "saidso",
    version,
    about = "Who said so? Checks attribution of quotes in news writing.",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check files for attribution problems.
    Check(check::CheckArgs),
    /// Read JSON lines of documents, write their quotes and speakers as JSON lines.
    Extract(extract::ExtractArgs),
    /// Check each quote of a draft against its sources (transcripts, interview notes).
    Verify(verify::VerifyArgs),
    /// Write the sourcing report (who is quoted, named or anonymous, how much) as HTML, JSON
    /// or CSV.
    Report(report_cmd::ReportArgs),
    /// List every rule with its default severity.
    Rules,
    /// Explain one rule.
    Explain {
        /// A rule id, as `saidso rules` lists them.
        id: String,
    },
    /// Print the effective configuration and the file it came from.
    Config(config_cmd::ConfigArgs),
    /// Run the language server on standard input and output.
    Lsp {
        /// Accepted for editor clients that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
        /// Other arguments clients add (such as --clientProcessId) are ignored.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
        rest: Vec<String>,
    },
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are "errors" to clap but successes to the user.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::TROUBLE
            } else {
                exit::OK
            });
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Verify(args) => verify::run(args),
        Command::Report(args) => report_cmd::run(args),
        Command::Rules => catalogue::rules(),
        Command::Explain { id } => catalogue::explain(&id),
        Command::Config(args) => config_cmd::run(args),
        Command::Lsp { .. } => crate::lsp::run(),
    }
}

/// Runs `body` against buffered stdout and flushes. A closed pipe counts as success (the reader
/// has what it wanted); any other write error is reported and becomes exit status 2.
fn write_output(body: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), ExitCode> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = body(&mut out).and_then(|()| out.flush());
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("saidso: cannot write output: {e}");
            Err(ExitCode::from(exit::TROUBLE))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn lsp_accepts_client_arguments() {
        let cli = Cli::try_parse_from(["saidso", "lsp", "--stdio", "--clientProcessId=42"])
            .expect("parses");
        assert!(matches!(cli.command, Command::Lsp { stdio: true, .. }));
    }
}
