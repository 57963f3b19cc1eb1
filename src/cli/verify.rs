//! `saidso verify`: each quote of a draft against its sources, as a table — found, altered or
//! missing, and whether the source gives the words to the same speaker.
//!
//! Sources come from the draft's front matter, `[sources]` of its `.saidso.toml` and
//! `--source` (see `config::sources`). A draft with none is an error (exit 2): verifying
//! against nothing would look like success. The exit status is otherwise `check`'s: 1 when a
//! verify finding is at or above `--fail-on` after configuration and inline suppression.

use super::check::{config_for, walked_file_counts, FailOn};
use super::input::{self, Failure, Input};
use super::position::LineIndex;
use super::source_files::SourceFiles;
use super::{exit, write_output};
use crate::analysis::{self, Finding};
use crate::config::discover::ConfigCache;
use crate::config::{load_file, suppress};
use crate::verify::{Passage, QuoteCheck, SpeakerCheck, Words};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerifyFormat {
    /// A table per draft: position, words, speaker, quote, source; diffs under altered quotes.
    Text,
    /// One JSON document (docs/verify.md).
    Json,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Drafts to verify (files, directories, or `-` for standard input).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// A transcript or notes file to check every draft against (repeatable), besides the
    /// draft's own sources (front matter `sources:`, `[sources]` in .saidso.toml).
    #[arg(long = "source", short = 's', value_name = "FILE")]
    pub sources: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = VerifyFormat::Text)]
    pub format: VerifyFormat,
    /// The lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning, value_name = "SEVERITY")]
    pub fail_on: FailOn,
    /// Use this configuration file instead of looking for .saidso.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The name standard input is reported under (its directory finds the configuration and
    /// the front matter's sources).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
}

/// One draft's verification, ready to print.
struct Verified {
    path: String,
    text: String,
    sources: Vec<String>,
    checks: Vec<QuoteCheck>,
    /// The verify findings left after configuration and suppression.
    findings: Vec<Finding>,
}

pub fn run(args: VerifyArgs) -> ExitCode {
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
    let mut failures: Vec<Failure> = Vec::new();
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
        let mut config_failures = Vec::new();
        let mut accept = |path: &Path| match config_for(&mut configs, path, &mut config_failures) {
            Some(loaded) => walked_file_counts(&loaded, path),
            None => false,
        };
        let inputs = input::collect(
            &args.paths,
            (&stdin_name, stdin_kind),
            &mut accept,
            &mut failures,
            &mut notices,
        );
        failures.extend(config_failures);
        inputs
    };
    for n in &notices {
        eprintln!("saidso: {n}");
    }
    let mut files = SourceFiles::new();
    let mut done = Vec::new();
    for input in &inputs {
        let config_path = match input {
            Input::Stdin { .. } => args.stdin_filename.as_deref().unwrap_or(Path::new("-")),
            Input::File { path, .. } => path,
        };
        let Some(loaded) = config_for(&mut configs, config_path, &mut failures) else {
            continue;
        };
        let text = match input::read(input) {
            Ok(text) => text,
            Err(f) => {
                failures.push(f);
                continue;
            }
        };
        let kind = input.kind();
        let options = loaded.config.style.options();
        let Ok(analysis) =
            std::panic::catch_unwind(|| analysis::analyze_with(&text, kind, &options))
        else {
            failures.push(Failure {
                at: None,
                path: input.display(),
                message: "internal error in the analysis (please report it)".into(),
            });
            continue;
        };
        let draft_sources = files.for_draft(
            input,
            args.stdin_filename.as_deref(),
            &text,
            &loaded,
            &args.sources,
            &mut failures,
        );
        if !draft_sources.named {
            failures.push(Failure {
                at: None,
                path: input.display(),
                message: "no sources to verify against: name them with --source, `sources:` in \
                          the front matter or [sources] in .saidso.toml"
                    .into(),
            });
            continue;
        }
        if draft_sources.sources.is_empty() {
            continue; // every named source failed, and said why
        }
        let Some(report) = files.verify(&text, &analysis, &draft_sources.sources) else {
            failures.push(Failure {
                at: None,
                path: input.display(),
                message: "internal error verifying the quotes (please report it)".into(),
            });
            continue;
        };
        let suppressions = suppress::parse(&text, kind);
        let findings = loaded
            .config
            .apply(report.findings)
            .into_iter()
            .filter(|f| !suppressions.suppresses(f))
            .collect();
        done.push(Verified {
            path: input.display(),
            sources: draft_sources
                .sources
                .iter()
                .map(|s| s.name.clone())
                .collect(),
            text,
            checks: report.checks,
            findings,
        });
    }
    for f in &failures {
        eprintln!("saidso: {f}");
    }
    let written = write_output(|out| match args.format {
        VerifyFormat::Text => text(&done, out),
        VerifyFormat::Json => json(&done, &failures, out),
    });
    if let Err(code) = written {
        return code;
    }
    let level = args.fail_on.severity();
    if !failures.is_empty() {
        ExitCode::from(exit::TROUBLE)
    } else if done
        .iter()
        .flat_map(|v| &v.findings)
        .any(|f| f.severity >= level)
    {
        ExitCode::from(exit::FINDINGS)
    } else {
        ExitCode::from(exit::OK)
    }
}

/// The first words of a quote, on one line.
fn excerpt(text: &str, span: crate::analysis::Span, words: usize) -> String {
    let all: Vec<&str> = span.text(text).split_whitespace().collect();
    let mut out = all
        .iter()
        .take(words)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if all.len() > words {
        out.push('…');
    }
    out
}

/// The speaker column: `ok`, `MISMATCH`, `SPLIT`, `ambiguous`, or `-` when unchecked.
fn speaker_cell(check: &QuoteCheck) -> &'static str {
    match check.speaker_check {
        SpeakerCheck::Same => "ok",
        SpeakerCheck::Mismatch => "MISMATCH",
        SpeakerCheck::Split => "SPLIT",
        SpeakerCheck::Ambiguous => "ambiguous",
        SpeakerCheck::Unchecked => "-",
    }
}

fn words_cell(check: &QuoteCheck) -> &'static str {
    match check.words {
        Words::Found => "found",
        Words::Altered => "ALTERED",
        Words::Missing => "MISSING",
    }
}

/// `transcript.txt:12 (PUTIN)`, or `the story (Vladimir Putin)`.
fn where_cell(p: &Passage) -> String {
    let who: Vec<&str> = p
        .speakers
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let who = if who.is_empty() {
        String::new()
    } else {
        format!(" ({})", who.join(" then "))
    };
    match p.source {
        Some(_) => format!("{}:{}{who}", p.name, p.line),
        None => format!("the story{who}"),
    }
}

/// Pads (or cuts) to a width in characters, for the table's columns.
fn cell(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n > width {
        let cut: String = s.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// Differences listed under a quote in the table (JSON has them all).
const SHOWN_CHANGES: usize = 5;

fn text(done: &[Verified], out: &mut dyn Write) -> io::Result<()> {
    let mut totals = [0usize; 6];
    for v in done {
        writeln!(out, "{} (sources: {})", v.path, v.sources.join(", "))?;
        writeln!(
            out,
            "  {}  {}  {}  {}  {}  source",
            cell("where", 8),
            cell("words", 7),
            cell("speaker", 9),
            cell("quoted as", 18),
            cell("quote", 34)
        )?;
        let index = LineIndex::new(&v.text);
        for c in &v.checks {
            let at = index.position(c.span.start);
            let place = c
                .passage
                .as_ref()
                .map(where_cell)
                .unwrap_or_else(|| "-".into());
            let mut speaker = c.speaker.clone().unwrap_or_else(|| "-".into());
            if let Some(d) = c.display {
                speaker = format!("{speaker} [{}]", d.as_str());
            }
            writeln!(
                out,
                "  {}  {}  {}  {}  {}  {}",
                cell(&format!("{}:{}", at.line, at.column), 8),
                cell(words_cell(c), 7),
                cell(speaker_cell(c), 9),
                cell(&speaker, 18),
                cell(&format!("\"{}\"", excerpt(&v.text, c.inner, 6)), 34),
                place
            )
            .map(|()| ())?;
            for change in c.changes.iter().take(SHOWN_CHANGES) {
                writeln!(out, "            {}", change.describe(&v.text))?;
            }
            if c.changes.len() > SHOWN_CHANGES {
                let more = c.changes.len() - SHOWN_CHANGES;
                let what = if more == 1 {
                    "difference"
                } else {
                    "differences"
                };
                writeln!(out, "            … and {more} more {what}")?;
            }
            for other in &c.others {
                writeln!(out, "            also: {}", where_cell(other))?;
            }
            totals[0] += 1;
            match c.words {
                Words::Found => totals[1] += 1,
                Words::Altered => totals[2] += 1,
                Words::Missing => totals[3] += 1,
            }
            match c.speaker_check {
                SpeakerCheck::Mismatch | SpeakerCheck::Split => totals[4] += 1,
                SpeakerCheck::Ambiguous => totals[5] += 1,
                _ => {}
            }
        }
    }
    writeln!(
        out,
        "{} verified: {} found, {} altered, {} missing; {} speaker {}, {} ambiguous",
        plural(totals[0], "quote", "quotes"),
        totals[1],
        totals[2],
        totals[3],
        totals[4],
        if totals[4] == 1 {
            "mismatch"
        } else {
            "mismatches"
        },
        totals[5]
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    format_version: u32,
    files: Vec<JsonFile<'a>>,
    errors: Vec<JsonError<'a>>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    sources: &'a [String],
    quotes: Vec<JsonQuote<'a>>,
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    byte_start: usize,
    byte_end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    kind: &'static str,
    speaker: Option<&'a str>,
    display: Option<&'static str>,
    words: &'static str,
    speaker_check: &'static str,
    source: Option<JsonPassage<'a>>,
    others: Vec<JsonPassage<'a>>,
    changes: Vec<JsonChange>,
    /// The verify rules this quote breaks (after configuration and suppression).
    findings: Vec<&'static str>,
}

#[derive(Serialize)]
struct JsonPassage<'a> {
    /// The source file, or `null` for the story itself (display matter).
    path: Option<&'a str>,
    line: usize,
    byte_start: usize,
    byte_end: usize,
    speakers: &'a [String],
    text: &'a str,
}

#[derive(Serialize)]
struct JsonChange {
    draft: String,
    source: String,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: &'a str,
    message: &'a str,
}

fn passage(p: &Passage) -> JsonPassage<'_> {
    JsonPassage {
        path: p.source.map(|_| p.name.as_str()),
        line: p.line,
        byte_start: p.span.start,
        byte_end: p.span.end,
        speakers: &p.speakers,
        text: &p.text,
    }
}

fn json(done: &[Verified], failures: &[Failure], out: &mut dyn Write) -> io::Result<()> {
    let files = done
        .iter()
        .map(|v| {
            let index = LineIndex::new(&v.text);
            let quotes = v
                .checks
                .iter()
                .map(|c| {
                    let at = index.position(c.span.start);
                    JsonQuote {
                        byte_start: c.span.start,
                        byte_end: c.span.end,
                        line: at.line,
                        column: at.column,
                        text: c.inner.text(&v.text),
                        kind: c.kind.as_str(),
                        speaker: c.speaker.as_deref(),
                        display: c.display.map(|d| d.as_str()),
                        words: c.words.as_str(),
                        speaker_check: c.speaker_check.as_str(),
                        source: c.passage.as_ref().map(passage),
                        others: c.others.iter().map(passage).collect(),
                        changes: c
                            .changes
                            .iter()
                            .map(|ch| JsonChange {
                                draft: ch.draft.text(&v.text).to_owned(),
                                source: ch.source.clone(),
                            })
                            .collect(),
                        findings: v
                            .findings
                            .iter()
                            .filter(|f| f.span == c.span)
                            .map(|f| f.rule.id())
                            .collect(),
                    }
                })
                .collect();
            JsonFile {
                path: &v.path,
                sources: &v.sources,
                quotes,
            }
        })
        .collect();
    let doc = JsonDoc {
        format_version: 1,
        files,
        errors: failures
            .iter()
            .map(|f| JsonError {
                path: &f.path,
                message: &f.message,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::from)?;
    writeln!(out)
}
