//! Output formats for `saidso check`. Each renders a finished [`Run`] to a writer and knows
//! nothing else; the exit status and stderr messages are `check`'s business.

mod github;
mod json;
mod sarif;
mod text;

use super::report::Run;
use clap::ValueEnum;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `file:line:col: severity[rule-id] message`, then a summary line.
    Text,
    /// One JSON document (docs/json-format.md).
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

/// What the text-like formats print besides findings.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// No summary line.
    pub quiet: bool,
    /// The per-article sourcing summary.
    pub sourcing: bool,
}

pub fn render(format: Format, run: &Run, options: Options, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => text::render(run, options, out),
        Format::Json => json::render(run, out),
        Format::Sarif => sarif::render(run, out),
        Format::Github => github::render(run, options, out),
    }
}

pub use text::summary_line;
