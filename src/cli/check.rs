//! `saidso check`: find the files, read them, run the engine (and, for drafts with sources, the
//! quote verification), apply configuration and inline suppression, render, and decide the
//! exit status.
//!
//! Exit status: 0 when no finding is at or above `--fail-on`, 1 when one is, 2 when something
//! could not be checked (unreadable or non-UTF-8 file, bad configuration) — 2 wins over 1,
//! because a clean result over files that were never read would be a lie.

use super::format::{self, Format, Options};
use super::input::{self, Failure, Input};
use super::report::{file_report, Run};
use super::source_files::SourceFiles;
use super::{exit, write_output};
use crate::analysis::{self, Severity};
use crate::config::discover::ConfigCache;
use crate::config::{load_file, suppress, Loaded};
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub(super) const fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and directories to check; `-` reads standard input. Directories are walked for
    /// .md, .markdown and .txt files (or `[files] include` of the configuration).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning, value_name = "SEVERITY")]
    pub fail_on: FailOn,
    /// Print only the findings, without the summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print a per-article sourcing summary: named and anonymous sources, quotes per speaker,
    /// unattributed quotes (always included in JSON).
    #[arg(long)]
    pub summary: bool,
    /// Use this configuration file instead of looking for .saidso.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The name standard input is reported under; its extension picks Markdown or text and its
    /// directory the configuration.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
}

pub fn run(args: CheckArgs) -> ExitCode {
    let fixed = match &args.config {
        None => None,
        Some(path) => match load_file(path) {
            Ok(loaded) => Some(loaded),
            Err(e) => {
                eprintln!("saidso: {e}");
                return ExitCode::from(exit::TROUBLE);
            }
        },
    };
    let mut configs = ConfigCache::new(fixed);
    let mut failures = Vec::new();
    let mut notices = Vec::new();

    let stdin_name = args
        .stdin_filename
        .as_ref()
        .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
    let stdin_kind = args
        .stdin_filename
        .as_deref()
        .map_or(analysis::DocKind::Text, input::kind_of);
    let inputs = {
        let mut accept = |path: &Path| match config_for(&mut configs, path, &mut failures) {
            Some(loaded) => walked_file_counts(&loaded, path),
            None => false,
        };
        let mut walk_failures = Vec::new();
        let inputs = input::collect(
            &args.paths,
            (&stdin_name, stdin_kind),
            &mut accept,
            &mut walk_failures,
            &mut notices,
        );
        failures.extend(walk_failures);
        inputs
    };
    for f in &failures {
        eprintln!("saidso: {f}");
    }
    for n in &notices {
        eprintln!("saidso: {n}");
    }

    let mut run = Run::default();
    let mut source_files = SourceFiles::new();
    for input in &inputs {
        let config_path = match input {
            Input::Stdin { .. } => args.stdin_filename.as_deref().unwrap_or(Path::new("-")),
            Input::File { path, .. } => path,
        };
        let mut config_failures = Vec::new();
        let Some(loaded) = config_for(&mut configs, config_path, &mut config_failures) else {
            // A broken configuration: reported the first time it is met; its files are skipped.
            for f in &config_failures {
                eprintln!("saidso: {f}");
            }
            failures.extend(config_failures);
            continue;
        };
        let mut source_failures = Vec::new();
        let report = input::read(input).and_then(|text| {
            let verified = Verified {
                files: &mut source_files,
                stdin_name: args.stdin_filename.as_deref(),
                failures: &mut source_failures,
            };
            check_one(input, &text, &loaded, verified)
        });
        for f in source_failures {
            eprintln!("saidso: {f}");
            failures.push(f);
        }
        match report {
            Ok(report) => run.files.push(report),
            Err(f) => {
                eprintln!("saidso: {f}");
                failures.push(f);
            }
        }
    }
    run.failures = failures;

    let options = Options {
        quiet: args.quiet,
        sourcing: args.summary,
    };
    if let Err(code) = write_output(|out| format::render(args.format, &run, options, out)) {
        return code;
    }
    if !run.failures.is_empty() {
        ExitCode::from(exit::TROUBLE)
    } else if run.fails(args.fail_on.severity()) {
        ExitCode::from(exit::FINDINGS)
    } else {
        ExitCode::from(exit::OK)
    }
}

/// The configuration governing `path` (a file); `None` when it is broken, in which case the
/// error is added to `failures` the first time it is met.
pub(super) fn config_for(
    configs: &mut ConfigCache,
    path: &Path,
    failures: &mut Vec<Failure>,
) -> Option<std::sync::Arc<Loaded>> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match configs.for_dir(dir) {
        Ok(loaded) => Some(loaded),
        Err(Some(e)) => {
            failures.push(Failure {
                at: (e.line > 0).then_some((e.line, e.column)),
                path: e
                    .path
                    .as_ref()
                    .map_or_else(|| path.display().to_string(), |p| p.display().to_string()),
                message: e.message.clone(),
            });
            None
        }
        Err(None) => None,
    }
}

/// Whether a file found by walking a directory is checked: `[files] include` (or the default
/// extensions) and not `[files] exclude`, patterns relative to the configuration's directory.
pub(super) fn walked_file_counts(loaded: &Loaded, path: &Path) -> bool {
    let relative = loaded.base_dir().and_then(|base| {
        let base = std::path::absolute(base).ok()?;
        let abs = std::path::absolute(path).ok()?;
        abs.strip_prefix(&base).ok().map(Path::to_path_buf)
    });
    let files = &loaded.config.files;
    let included = match &relative {
        Some(rel) if files.has_include() => files.included(rel),
        _ => input::has_checked_extension(path),
    };
    included && !relative.is_some_and(|rel| files.excluded(&rel))
}

/// What `check` needs to verify drafts against their sources (`[sources]`, front matter).
struct Verified<'a> {
    files: &'a mut SourceFiles,
    stdin_name: Option<&'a Path>,
    failures: &'a mut Vec<Failure>,
}

/// Analyses one document, and verifies its quotes when it has sources. The engine is meant
/// never to panic; if it does, this file is reported as not checked and the run goes on.
fn check_one(
    input: &Input,
    text: &str,
    loaded: &Loaded,
    verified: Verified,
) -> Result<super::report::FileReport, Failure> {
    let kind = input.kind();
    let options = loaded.config.options();
    let analysis = std::panic::catch_unwind(|| analysis::analyze_with(text, kind, &options))
        .map_err(|_| Failure {
            at: None,
            path: input.display(),
            message: "internal error in the analysis (please report it)".into(),
        })?;
    let mut findings = analysis.findings.clone();
    let sources = verified.files.for_draft(
        input,
        verified.stdin_name,
        text,
        loaded,
        &[],
        verified.failures,
    );
    if !sources.sources.is_empty() {
        match verified.files.verify(text, &analysis, &sources.sources) {
            Some(report) => findings.extend(report.findings),
            None => verified.failures.push(Failure {
                at: None,
                path: input.display(),
                message: "internal error verifying the quotes (please report it)".into(),
            }),
        }
    }
    let findings = loaded.config.apply(findings);
    let suppressions = suppress::parse(text, kind);
    if !suppressions.unknown.is_empty() {
        let index = super::position::LineIndex::new(text);
        for u in &suppressions.unknown {
            let at = index.position(u.span.start);
            eprintln!(
                "saidso: {}:{}:{}: unknown rule id `{}` in a saidso directive",
                input.display(),
                at.line,
                at.column,
                u.id
            );
        }
    }
    let findings = findings
        .into_iter()
        .filter(|f| !suppressions.suppresses(f))
        .collect();
    Ok(file_report(input.display(), text, &analysis, findings))
}
