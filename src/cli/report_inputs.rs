//! What `saidso report` reads, turned into [`Article`]s one at a time and handed to the
//! output as they come: files and folders (walked like `saidso check` walks them, each under
//! its own `.saidso.toml`), or a JSON-lines archive.
//!
//! An archive line is either a document (it has a `"text"`: `{"id", "text", "format"}`, read
//! exactly as `extract` reads it, then analysed) or a line of `saidso extract` output (no text,
//! `"quotes"`: the tables are read from it, no analysis). Archives stream through the same ordered parallel
//! pipeline as `extract`, with its progress line: memory stays flat whatever their length.
//! A bad line never stops the report: it is listed as an article that could not be read, its
//! message goes to stderr with the line number, and the exit status becomes 1.

use super::check::{config_for, walked_file_counts};
use super::extract::{document, parse_line};
use super::input::{self, Input};
use super::pipeline;
use super::progress::Progress;
use super::report_cmd::{ReportArgs, Sink};
use crate::analysis::{self, DocKind, LoadedVerbs, Options};
use crate::config::discover::ConfigCache;
use crate::config::{discover, load_file, suppress, Loaded};
use crate::sourcing::{extracted, Article};
use serde_json::Value;
use std::io::{self, BufReader, Read, Write};
use std::num::NonZeroUsize;
use std::path::Path;

/// How a run went, for the exit status.
#[derive(Debug, Default, Clone, Copy)]
pub struct Outcome {
    /// Articles in the report (including lines that could not be read).
    pub articles: usize,
    /// Archive lines that could not be read.
    pub bad_lines: usize,
    /// Something could not be used at all: a file, the archive, the configuration.
    pub trouble: bool,
}

/// The tables of one document, analysed under `loaded`'s style, policy and rule settings,
/// less the findings its `saidso-disable` comments switch off.
fn analysed(id: String, text: &str, kind: DocKind, loaded: &Loaded) -> Result<Article, String> {
    let options = loaded.config.options();
    let analysis = std::panic::catch_unwind(|| analysis::analyze_with(text, kind, &options))
        .map_err(|_| "internal error in the analysis (please report it)".to_string())?;
    let mut analysis = analysis;
    let suppressions = suppress::parse(text, kind);
    analysis.findings = loaded
        .config
        .apply(std::mem::take(&mut analysis.findings))
        .into_iter()
        .filter(|f| !suppressions.suppresses(f))
        .collect();
    let loaded_verbs = LoadedVerbs::new(&options);
    Ok(Article::from_analysis(
        id,
        text,
        kind,
        &analysis,
        &loaded_verbs,
    ))
}

/// Files and folders, in the order the walk finds them.
pub fn files(
    args: &ReportArgs,
    mut sink: Sink,
    out: &mut dyn Write,
) -> io::Result<(Sink, Outcome)> {
    let mut outcome = Outcome::default();
    let fixed = match &args.config {
        None => None,
        Some(path) => match load_file(path) {
            Ok(loaded) => Some(loaded),
            Err(e) => {
                eprintln!("saidso: {e}");
                outcome.trouble = true;
                return Ok((sink, outcome));
            }
        },
    };
    let mut configs = ConfigCache::new(fixed);
    let (mut failures, mut notices) = (Vec::new(), Vec::new());
    let stdin_name = args
        .stdin_filename
        .as_ref()
        .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
    let stdin_kind = args
        .stdin_filename
        .as_deref()
        .map_or(DocKind::Text, input::kind_of);
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
    let mut progress = Progress::on_terminal("saidso report", None);
    for input in &inputs {
        let config_path = match input {
            Input::Stdin { .. } => args.stdin_filename.as_deref().unwrap_or(Path::new("-")),
            Input::File { path, .. } => path,
        };
        let Some(loaded) = config_for(&mut configs, config_path, &mut failures) else {
            continue;
        };
        let text = match input::read(input) {
            Ok(t) => t,
            Err(f) => {
                failures.push(f);
                continue;
            }
        };
        match analysed(input.display(), &text, input.kind(), &loaded) {
            Ok(article) => {
                sink.add(&article, out)?;
                outcome.articles += 1;
            }
            Err(message) => failures.push(input::Failure {
                at: None,
                path: input.display(),
                message,
            }),
        }
        progress.add(1, text.len() as u64);
    }
    progress.finish();
    for f in &failures {
        eprintln!("saidso: {f}");
    }
    outcome.trouble |= !failures.is_empty();
    if inputs.is_empty() && failures.is_empty() {
        eprintln!("saidso: no .md, .markdown or .txt files found to report on");
        outcome.trouble = true;
    }
    Ok((sink, outcome))
}

/// The article of one archive line; `None` for a blank line. The flag says the line was bad.
fn archive_line(
    line_no: usize,
    raw: &[u8],
    default: DocKind,
    loaded: &Loaded,
    verbs: &LoadedVerbs,
) -> Option<(Article, bool)> {
    let failed = |id: &Value, msg: String| {
        let id = match id {
            Value::Null => format!("line {line_no}"),
            other => extracted::id_text(other),
        };
        Some((Article::failed(id, msg), true))
    };
    let value = match parse_line(raw)? {
        Ok(v) => v,
        Err(msg) => return failed(&Value::Null, msg),
    };
    // A line of extract output (it never has a "text"): read its tables; an extract error line
    // stays an error. A document may carry other fields, "quotes" among them (gold corpora do).
    let is_document = value.get("text").is_some();
    if !is_document && (value.get("quotes").is_some() || value.get("error").is_some()) {
        let article = extracted::article(&value, verbs);
        let bad = article.error.is_some();
        return Some((article, bad));
    }
    let (id, kind, text) = match document(value, default) {
        Ok(doc) => doc,
        Err((id, msg)) => return failed(&id, msg),
    };
    match analysed(extracted::id_text(&id), &text, kind, loaded) {
        Ok(a) => Some((a, false)),
        Err(msg) => failed(&id, msg),
    }
}

/// A JSON-lines archive, streamed.
pub fn archive(
    args: &ReportArgs,
    path: &Path,
    mut sink: Sink,
    out: &mut dyn Write,
) -> io::Result<(Sink, Outcome)> {
    let mut outcome = Outcome::default();
    let loaded = match &args.config {
        Some(file) => load_file(file),
        None => discover(Path::new(".")),
    };
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            eprintln!("saidso: {e}");
            outcome.trouble = true;
            return Ok((sink, outcome));
        }
    };
    let (reader, total): (Box<dyn Read + Send>, Option<u64>) = if path.as_os_str() == "-" {
        (Box::new(io::stdin()), None)
    } else {
        match std::fs::File::open(path) {
            Ok(f) => {
                let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                (Box::new(f), size)
            }
            Err(e) => {
                eprintln!("saidso: {}: {e}", path.display());
                outcome.trouble = true;
                return Ok((sink, outcome));
            }
        }
    };
    let name = path.display().to_string();
    let default = DocKind::from(args.doc_format);
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    );
    let options: Options = loaded.config.options();
    let verbs = LoadedVerbs::new(&options);
    let mut progress = Progress::on_terminal("saidso report", total);
    let result = pipeline::run(
        BufReader::with_capacity(1 << 16, reader),
        jobs,
        |line_no, raw| {
            archive_line(line_no, raw, default, &loaded, &verbs).map(|(a, bad)| (line_no, a, bad))
        },
        |done| {
            let docs = done.results.iter().flatten().count();
            for (line_no, article, bad) in done.results.into_iter().flatten() {
                if bad {
                    outcome.bad_lines += 1;
                    progress.clear();
                    eprintln!(
                        "saidso: {name}:{line_no}: {}",
                        article.error.as_deref().unwrap_or("")
                    );
                }
                sink.add(&article, out)?;
                outcome.articles += 1;
            }
            progress.add(docs as u64, done.bytes as u64);
            Ok(())
        },
    );
    progress.finish();
    match result {
        Ok(()) => {}
        Err(pipeline::Stop::Sink(e)) => return Err(e),
        Err(pipeline::Stop::Read(e)) => {
            eprintln!("saidso: {name}: {e}");
            outcome.trouble = true;
        }
        Err(pipeline::Stop::Lost) => {
            eprintln!("saidso: {name}: internal error: a worker stopped (please report it)");
            outcome.trouble = true;
        }
    }
    Ok((sink, outcome))
}
