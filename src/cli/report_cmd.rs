//! `saidso report`: the sourcing report of drafts, folders or an archive, as one
//! self-contained HTML page (`-o report.html`), or its tables as JSON or CSV.
//!
//! This module holds the command's arguments, where the output goes and the exit status;
//! [`super::report_inputs`] reads the articles and [`crate::sourcing`] renders them. With
//! `-o FILE` the page is written to a temporary file beside FILE and moved into place at the
//! end, so a run that fails half way never leaves a broken report over a good one.
//!
//! Exit status: 0, or 1 when some archive lines could not be read (each is listed in the
//! report and on stderr), or 2 when an input or the output could not be used at all.

use super::report_inputs::{self, Outcome};
use super::{exit, write_output};
use crate::sourcing::csv::{self, Table};
use crate::sourcing::html::Report;
use crate::sourcing::json::JsonReport;
use crate::sourcing::Article;
use clap::{Args, ValueEnum};
use std::io::{self, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained page: charts, the article table, each article in its speakers'
    /// colours.
    Html,
    /// Every article's tables and the totals, as one JSON object.
    Json,
    /// One table (`--table`) as CSV, for a spreadsheet.
    Csv,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files and directories to report on; `-` reads standard input. Directories are walked
    /// like `saidso check` walks them.
    #[arg(
        value_name = "PATH",
        required_unless_present = "jsonl",
        conflicts_with = "jsonl"
    )]
    pub paths: Vec<PathBuf>,
    /// A JSON-lines archive instead of files: lines of `saidso extract` output, or documents
    /// (`{"id", "text", "format"}`) to analyse; `-` for standard input.
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<PathBuf>,
    /// Write the report here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// The table `--format csv` writes.
    #[arg(long, value_enum, default_value_t = Table::Quotes)]
    pub table: Table,
    /// How to read archive documents whose line has no "format".
    #[arg(long = "doc-format", value_enum, default_value_t = super::extract::InputFormat::Text, value_name = "FORMAT")]
    pub doc_format: super::extract::InputFormat,
    /// Use this configuration file instead of looking for .saidso.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The name standard input is reported under; its extension picks Markdown or text.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Archive documents analysed in parallel (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// How many articles get a view of their own in the HTML page (the table and the totals
    /// always cover them all).
    #[arg(long, value_name = "N", default_value_t = crate::sourcing::html::DEFAULT_VIEWS)]
    pub views: usize,
}

/// Where the articles go, by format: HTML is assembled at the end, JSON and CSV stream.
pub enum Sink {
    Html(Report),
    Json(JsonReport),
    Csv(Table),
}

impl Sink {
    pub fn begin(args: &ReportArgs, source: &str, out: &mut dyn Write) -> io::Result<Sink> {
        let table = args.table;
        Ok(match args.format {
            ReportFormat::Html => Sink::Html(Report::with_views(source, args.views)),
            ReportFormat::Json => Sink::Json(JsonReport::begin(out)?),
            ReportFormat::Csv => {
                out.write_all(csv::header(table).as_bytes())?;
                Sink::Csv(table)
            }
        })
    }

    pub fn add(&mut self, a: &Article, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Sink::Html(r) => r.add(a),
            Sink::Json(r) => r.add(a, out),
            Sink::Csv(table) => out.write_all(csv::rows(*table, a).as_bytes()),
        }
    }

    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Sink::Html(r) => r.finish(out),
            Sink::Json(r) => r.finish(out),
            Sink::Csv(_) => Ok(()),
        }
    }
}

/// What the report is of, for its heading.
fn source_name(args: &ReportArgs) -> String {
    match &args.jsonl {
        Some(p) if p.as_os_str() == "-" => "standard input".into(),
        Some(p) => p.display().to_string(),
        None => args
            .paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

pub fn run(args: ReportArgs) -> ExitCode {
    let outcome = match &args.output {
        Some(path) => to_file(&args, path),
        None => {
            let mut outcome = Ok(Outcome::default());
            let written = write_output(|out| {
                outcome = produce(&args, out);
                Ok(())
            });
            if let Err(code) = written {
                return code;
            }
            outcome
        }
    };
    match outcome {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(exit::OK),
        Err(e) => {
            eprintln!("saidso: cannot write the report: {e}");
            ExitCode::from(exit::TROUBLE)
        }
        Ok(o) if o.trouble => ExitCode::from(exit::TROUBLE),
        Ok(o) if o.bad_lines > 0 => ExitCode::from(exit::FINDINGS),
        Ok(_) => ExitCode::from(exit::OK),
    }
}

/// Writes the report to a temporary file beside `path` and moves it into place when done.
fn to_file(args: &ReportArgs, path: &Path) -> io::Result<Outcome> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let temp = tempfile::Builder::new()
        .prefix(".saidso-report-")
        .tempfile_in(dir)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    let mut out = BufWriter::new(temp);
    let outcome = produce(args, &mut out)?;
    let temp = out.into_inner().map_err(|e| e.into_error())?;
    if outcome.trouble && outcome.articles == 0 {
        // Nothing could be read: keep whatever report was there.
        return Ok(outcome);
    }
    // A temporary file is private to its owner; the report gets the permissions of the file
    // it replaces, or a new file's usual ones.
    let mode = match std::fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => new_file_permissions(),
    };
    if let Some(mode) = mode {
        temp.as_file().set_permissions(mode)?;
    }
    temp.persist(path)
        .map_err(|e| io::Error::new(e.error.kind(), format!("{}: {}", path.display(), e.error)))?;
    Ok(outcome)
}

#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Reads the inputs and writes the report to `out`.
fn produce(args: &ReportArgs, out: &mut dyn Write) -> io::Result<Outcome> {
    let sink = Sink::begin(args, &source_name(args), out)?;
    let (sink, outcome) = match &args.jsonl {
        Some(path) => report_inputs::archive(args, path, sink, out)?,
        None => report_inputs::files(args, sink, out)?,
    };
    sink.finish(out)?;
    Ok(outcome)
}
