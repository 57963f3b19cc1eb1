//! `--format json`: one JSON document for the whole run. The shape is a public interface,
//! documented field by field in docs/json-format.md; it is built from its own structs rather
//! than by serializing engine types, so engine changes cannot alter it by accident.

use crate::cli::report::{Location, Run};
use crate::cli::sourcing::Sourcing;
use serde::Serialize;
use std::io::{self, Write};

/// Bumped on any incompatible change to this shape.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format_version: u32,
    tool: Tool,
    files: Vec<File<'a>>,
    errors: Vec<Error<'a>>,
    totals: Totals,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    kind: &'static str,
    findings: Vec<Finding<'a>>,
    sourcing: &'a Sourcing,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    range: Range,
    related: Vec<Related<'a>>,
    candidates: &'a [String],
    /// `null` when the rule has no mechanical correction.
    fix: Option<Fix<'a>>,
}

#[derive(Serialize)]
struct Fix<'a> {
    title: &'a str,
    edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
struct Edit<'a> {
    range: Range,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    range: Range,
}

/// Byte offsets (end exclusive) and 1-based line/column in characters (end exclusive).
#[derive(Serialize)]
struct Range {
    byte_start: usize,
    byte_end: usize,
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

impl From<Location> for Range {
    fn from(l: Location) -> Range {
        Range {
            byte_start: l.bytes.start,
            byte_end: l.bytes.end,
            start_line: l.start.line,
            start_column: l.start.column,
            end_line: l.end.line,
            end_column: l.end.column,
        }
    }
}

#[derive(Serialize)]
struct Error<'a> {
    path: &'a str,
    /// For errors with a place in the file (configuration errors).
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    message: &'a str,
}

#[derive(Serialize)]
struct Totals {
    files: usize,
    unreadable: usize,
    error: usize,
    warning: usize,
    info: usize,
    hint: usize,
}

pub fn render(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let t = run.totals();
    let doc = Document {
        format_version: FORMAT_VERSION,
        tool: Tool {
            name: "saidso",
            version: env!("CARGO_PKG_VERSION"),
        },
        files: run
            .files
            .iter()
            .map(|f| File {
                path: &f.path,
                kind: match f.kind {
                    crate::analysis::DocKind::Markdown => "markdown",
                    crate::analysis::DocKind::Text => "text",
                },
                findings: f
                    .findings
                    .iter()
                    .map(|x| Finding {
                        rule: x.rule.id(),
                        severity: x.severity.as_str(),
                        message: &x.message,
                        range: x.at.into(),
                        related: x
                            .related
                            .iter()
                            .map(|n| Related {
                                message: &n.message,
                                range: n.at.into(),
                            })
                            .collect(),
                        candidates: &x.candidates,
                        fix: x.fix.as_ref().map(|fix| Fix {
                            title: &fix.title,
                            edits: fix
                                .edits
                                .iter()
                                .map(|(at, replacement)| Edit {
                                    range: (*at).into(),
                                    replacement,
                                })
                                .collect(),
                        }),
                    })
                    .collect(),
                sourcing: &f.sourcing,
            })
            .collect(),
        errors: run
            .failures
            .iter()
            .map(|e| Error {
                path: &e.path,
                line: e.at.map(|(l, _)| l),
                column: e.at.map(|(_, c)| c),
                message: &e.message,
            })
            .collect(),
        totals: Totals {
            files: run.files.len(),
            unreadable: run.failures.len(),
            error: t.errors,
            warning: t.warnings,
            info: t.info,
            hint: t.hints,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::fixtures;
    use serde_json::{json, Value};

    #[test]
    fn shape_is_stable() {
        let mut out = Vec::new();
        render(&fixtures::run(), &mut out).expect("render");
        let v: Value = serde_json::from_slice(&out).expect("json");
        assert_eq!(v["format_version"], 1);
        assert_eq!(v["tool"]["name"], "saidso");
        let f = &v["files"][0];
        assert_eq!(f["path"], "news/a b.md");
        assert_eq!(f["kind"], "markdown");
        let q = fixtures::TEXT.find('“').expect("quote");
        assert_eq!(
            f["findings"][0],
            json!({
                "rule": "unattributed-quote",
                "severity": "warning",
                "message": "Who said this? 100%, a:b",
                "range": {"byte_start": q, "byte_end": q + 24, "start_line": 3,
                          "start_column": 1, "end_line": 3, "end_column": 18},
                "related": [{"message": "last named source",
                             "range": {"byte_start": 0, "byte_end": 6, "start_line": 1,
                                       "start_column": 1, "end_line": 1, "end_column": 7}}],
                "candidates": [],
                "fix": null,
            })
        );
        assert_eq!(f["sourcing"]["quotes"], 0);
        assert_eq!(
            v["errors"],
            json!([{"path": "bad.txt", "message": "not valid UTF-8 (byte 3)"}])
        );
        assert_eq!(
            v["totals"],
            json!({"files": 1, "unreadable": 1, "error": 1, "warning": 1, "info": 0, "hint": 0})
        );
    }
}
