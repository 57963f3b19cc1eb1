//! `saidso extract`: JSON lines in, one JSON line out per document, for the evaluation scorer
//! and other pipelines. Format in docs/json-format.md.
//!
//! Streaming and parallel: the work on one line is the pure [`process_line`], which
//! [`super::pipeline`] maps over the input on `--jobs` threads, writing results back in input
//! order with a bounded window of lines in flight, so memory does not grow with the number of
//! documents and the output is byte for byte the same with one job or many. A progress line
//! ([`super::progress`]) is drawn on stderr when it is a terminal.
//!
//! A bad line never stops the stream: it gets a message on stderr with its line number and an
//! output line `{"id": …, "line": N, "error": "…"}` (the id when it could be read, else null),
//! so outputs stay aligned with inputs. The exit status is 1 when any line was bad.

use super::position::CodePoints;
use super::progress::Progress;
use super::{exit, pipeline, write_output};
use crate::analysis::{self, Analysis, DocKind};
use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::Value;
use std::io::{BufReader, Read};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
}

impl From<InputFormat> for DocKind {
    fn from(f: InputFormat) -> DocKind {
        match f {
            InputFormat::Text => DocKind::Text,
            InputFormat::Markdown => DocKind::Markdown,
        }
    }
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// A JSON-lines file of `{"id", "text", "format"}` objects; `-` or nothing for stdin.
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// How to read documents whose line has no "format".
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub format: InputFormat,
    /// Documents analysed in parallel (default: one per core). The output is the same, in
    /// input order, whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
}

#[derive(Serialize)]
struct OutLine<'a> {
    id: &'a Value,
    quotes: Vec<OutQuote<'a>>,
    speakers: Vec<OutSpeaker<'a>>,
    claims: Vec<OutClaim<'a>>,
    findings: Vec<OutFinding<'a>>,
}

#[derive(Serialize)]
struct OutQuote<'a> {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    kind: &'static str,
    speaker: Option<&'a str>,
    cue: Option<&'a str>,
    method: Option<&'static str>,
    confidence: Option<f32>,
    group: usize,
}

#[derive(Serialize)]
struct OutSpeaker<'a> {
    name: &'a str,
    kind: &'static str,
    role: Option<&'a str>,
    /// The first mention, in code points.
    start: usize,
    end: usize,
    mentions: usize,
    /// `female` or `male` when the text gives evidence of it, else null.
    gender: Option<&'static str>,
    /// Where that came from: `title`, `pronoun` or `first-name` (a guess).
    gender_source: Option<&'static str>,
}

#[derive(Serialize)]
struct OutClaim<'a> {
    speaker: Option<&'a str>,
    kind: &'static str,
    start: usize,
    end: usize,
    cue: Option<&'a str>,
}

#[derive(Serialize)]
struct OutFinding<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    line: usize,
    error: &'a str,
}

/// The output line for one input line, and the error message when the line was bad.
/// `None` for a blank line, which is skipped.
pub fn process_line(line_no: usize, raw: &[u8], default: DocKind) -> Option<(String, bool)> {
    let error = |id: &Value, msg: &str| {
        let line = serde_json::to_string(&ErrorLine {
            id,
            line: line_no,
            error: msg,
        })
        .unwrap_or_else(|_| format!("{{\"id\":null,\"line\":{line_no},\"error\":\"?\"}}"));
        Some((line, true))
    };
    let input = match parse_line(raw)? {
        Ok(v) => v,
        Err(msg) => return error(&Value::Null, &msg),
    };
    let (id, kind, text) = match document(input, default) {
        Ok(doc) => doc,
        Err((id, msg)) => return error(&id, &msg),
    };
    // The engine is meant never to panic; if it does on one document, the stream goes on.
    let Ok(analysis) = std::panic::catch_unwind(|| analysis::analyze(&text, kind)) else {
        return error(&id, "internal error in the analysis (please report it)");
    };
    match serde_json::to_string(&out_line(&id, &text, &analysis)) {
        Ok(line) => Some((line, false)),
        Err(e) => error(&id, &format!("cannot serialize: {e}")),
    }
}

/// A line of JSON without its line ending: `None` when blank, else the parsed value or why it
/// is not JSON. Parsed as a plain value rather than a struct so the id can be echoed even when
/// another field is wrong.
pub fn parse_line(raw: &[u8]) -> Option<Result<Value, String>> {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if raw.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    Some(serde_json::from_slice(raw).map_err(|e| format!("invalid JSON: {e}")))
}

/// A document line's id, kind and text, or its id (null when it could not be read) and why
/// the line is not a document. Shared with `saidso report --jsonl`, so both read archives alike.
pub fn document(
    mut input: Value,
    default: DocKind,
) -> Result<(Value, DocKind, String), (Value, String)> {
    let Some(object) = input.as_object_mut() else {
        return Err((Value::Null, "expected a JSON object".into()));
    };
    let id = object.remove("id").unwrap_or(Value::Null);
    let kind = match object.get("format") {
        None | Some(Value::Null) => default,
        Some(Value::String(f)) if f == "markdown" => DocKind::Markdown,
        Some(Value::String(f)) if f == "text" => DocKind::Text,
        Some(other) => {
            let msg = format!("unknown format {other} (expected \"markdown\" or \"text\")");
            return Err((id, msg));
        }
    };
    match object.remove("text") {
        Some(Value::String(t)) => Ok((id, kind, t)),
        None => Err((id, "missing \"text\"".into())),
        Some(_) => Err((id, "\"text\" is not a string".into())),
    }
}

fn out_line<'a>(id: &'a Value, text: &'a str, a: &'a Analysis) -> OutLine<'a> {
    // Every byte offset this line reports, converted in one pass.
    let offsets = a
        .quotes
        .iter()
        .flat_map(|q| [q.span.start, q.span.end])
        .chain(a.speakers.iter().flat_map(|s| [s.first.start, s.first.end]))
        .chain(a.claims.iter().flat_map(|c| [c.span.start, c.span.end]))
        .chain(a.findings.iter().flat_map(|f| [f.span.start, f.span.end]));
    let cp = CodePoints::new(text, offsets);
    let name = |i: usize| a.speakers.get(i).map(|s| s.name.as_str());
    OutLine {
        id,
        quotes: a
            .quotes
            .iter()
            .map(|q| {
                let attr = q.attribution.as_ref();
                OutQuote {
                    start: cp.get(q.span.start),
                    end: cp.get(q.span.end),
                    byte_start: q.span.start,
                    byte_end: q.span.end,
                    kind: q.kind.as_str(),
                    speaker: attr.and_then(|x| name(x.speaker)),
                    cue: attr.and_then(|x| x.cue).map(|c| c.text(text)),
                    method: attr.map(|x| x.method.as_str()),
                    confidence: attr.map(|x| x.confidence),
                    group: q.group,
                }
            })
            .collect(),
        speakers: a
            .speakers
            .iter()
            .map(|s| OutSpeaker {
                name: &s.name,
                kind: super::sourcing::speaker_kind(s.kind),
                role: s.role.as_deref(),
                start: cp.get(s.first.start),
                end: cp.get(s.first.end),
                mentions: s.mentions.len(),
                gender: s.gender_evidence.and_then(|e| match e.gender {
                    analysis::Gender::Female => Some("female"),
                    analysis::Gender::Male => Some("male"),
                    analysis::Gender::Plural => None,
                }),
                gender_source: s
                    .gender_evidence
                    .filter(|e| e.gender != analysis::Gender::Plural)
                    .map(|e| e.source.as_str()),
            })
            .collect(),
        claims: a
            .claims
            .iter()
            .map(|c| OutClaim {
                speaker: name(c.speaker),
                kind: match c.kind {
                    analysis::ClaimKind::Direct => "direct",
                    analysis::ClaimKind::Partial => "partial",
                    analysis::ClaimKind::Reported => "reported",
                },
                start: cp.get(c.span.start),
                end: cp.get(c.span.end),
                cue: c.cue.map(|s| s.text(text)),
            })
            .collect(),
        findings: a
            .findings
            .iter()
            .map(|f| OutFinding {
                rule: f.rule.id(),
                severity: f.severity.as_str(),
                message: &f.message,
                start: cp.get(f.span.start),
                end: cp.get(f.span.end),
                byte_start: f.span.start,
                byte_end: f.span.end,
            })
            .collect(),
    }
}

pub fn run(args: ExtractArgs) -> ExitCode {
    let (reader, total): (Box<dyn Read + Send>, Option<u64>) = match args.input.as_deref() {
        None => (Box::new(std::io::stdin()), None),
        Some(p) if p.as_os_str() == "-" => (Box::new(std::io::stdin()), None),
        Some(p) => match std::fs::File::open(p) {
            Ok(f) => {
                let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                (Box::new(f), size)
            }
            Err(e) => {
                eprintln!("saidso: {}: {e}", p.display());
                return ExitCode::from(exit::TROUBLE);
            }
        },
    };
    let name = args
        .input
        .as_ref()
        .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
    let default = DocKind::from(args.format);
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    );
    let mut bad_lines = 0usize;
    let mut progress = Progress::on_terminal("saidso extract", total);
    let mut stop = None;
    let written = write_output(|out| {
        let result = pipeline::run(
            BufReader::with_capacity(1 << 16, reader),
            jobs,
            |line_no, raw| process_line(line_no, raw, default).map(|r| (line_no, r)),
            |done| {
                let docs = done.results.iter().flatten().count();
                for (line_no, (line, bad)) in done.results.into_iter().flatten() {
                    if bad {
                        bad_lines += 1;
                        progress.clear();
                        eprintln!("saidso: {name}:{line_no}: {}", error_of(&line));
                    }
                    out.write_all(line.as_bytes())?;
                    out.write_all(b"\n")?;
                }
                progress.add(docs as u64, done.bytes as u64);
                Ok(())
            },
        );
        match result {
            Ok(()) => Ok(()),
            Err(pipeline::Stop::Sink(e)) => Err(e),
            Err(other) => {
                stop = Some(other);
                Ok(())
            }
        }
    });
    progress.finish();
    if let Err(code) = written {
        return code;
    }
    match stop {
        Some(pipeline::Stop::Read(e)) => {
            eprintln!("saidso: {name}: {e}");
            return ExitCode::from(exit::TROUBLE);
        }
        Some(_) => {
            eprintln!("saidso: {name}: internal error: a worker stopped (please report it)");
            return ExitCode::from(exit::TROUBLE);
        }
        None => {}
    }
    ExitCode::from(if bad_lines > 0 {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

/// The message of an error line, for stderr.
fn error_of(line: &str) -> String {
    serde_json::from_str::<Value>(line)
        .ok()
        .and_then(|v| v.get("error").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(raw: &str) -> Value {
        let (line, _) = process_line(7, raw.as_bytes(), DocKind::Text).expect("a line");
        serde_json::from_str(&line).expect("json")
    }

    #[test]
    fn ids_are_echoed_as_given() {
        assert_eq!(out(r#"{"id": 42, "text": "x"}"#)["id"], 42);
        assert_eq!(
            out(r#"{"id": "a-1", "text": "x", "extra": [1]}"#)["id"],
            "a-1"
        );
        assert_eq!(out(r#"{"text": "x"}"#)["id"], Value::Null);
        let v = out(r#"{"id": 1, "text": "x"}"#);
        for key in ["quotes", "speakers", "claims", "findings"] {
            assert!(v[key].is_array(), "{key}: {v}");
        }
    }

    #[test]
    fn bad_lines_become_error_lines() {
        let v = out("{not json");
        assert_eq!(v["id"], Value::Null);
        assert_eq!(v["line"], 7);
        assert!(v["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("invalid JSON")));
        let v = out(r#"{"id": "d", "format": "html", "text": "x"}"#);
        assert_eq!(v["id"], "d");
        assert!(v["error"].as_str().is_some_and(|e| e.contains("html")));
        let v = out(r#"{"id": "d"}"#);
        assert_eq!(v["error"], "missing \"text\"");
        assert!(process_line(1, b"  \r\n", DocKind::Text).is_none());
        assert!(process_line(1, b"\xff\n", DocKind::Text).is_some_and(|(_, bad)| bad));
    }
}
