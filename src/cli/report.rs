//! The result of `saidso check`, in the shape every output format renders: findings with both
//! byte ranges and line/column positions resolved, per file, plus the files that failed.
//!
//! Positions are resolved once here, so the formats cannot disagree about where a finding is.

use super::input::Failure;
use super::position::{LineIndex, Position};
use super::sourcing::{summarize, Sourcing};
use crate::analysis::{Analysis, DocKind, Finding, Rule, Severity, Span};

/// Where something is, in every unit an output needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub bytes: Span,
    pub start: Position,
    /// Exclusive: the position just after the last character.
    pub end: Position,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub at: Location,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    pub at: Location,
    pub related: Vec<Note>,
    /// Names of the speakers the writer may have meant.
    pub candidates: Vec<String>,
    /// The rule's mechanical correction, located like everything else.
    pub fix: Option<ReportedFix>,
}

/// A finding's fix: a title and edits (replace `at` with `replacement`; an empty range inserts).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedFix {
    pub title: String,
    pub edits: Vec<(Location, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    /// As the user gave it (or as the walk found it); `<stdin>` or `--stdin-filename`.
    pub path: String,
    pub kind: DocKind,
    pub findings: Vec<Reported>,
    pub sourcing: Sourcing,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
    pub hints: usize,
}

impl Totals {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.info += 1,
            Severity::Hint => self.hints += 1,
        }
    }
}

/// Everything one run found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Run {
    pub files: Vec<FileReport>,
    pub failures: Vec<Failure>,
}

impl Run {
    pub fn totals(&self) -> Totals {
        let mut t = Totals::default();
        for f in self.files.iter().flat_map(|f| &f.findings) {
            t.add(f.severity);
        }
        t
    }

    /// Whether any finding is at or above `level`.
    pub fn fails(&self, level: Severity) -> bool {
        self.files
            .iter()
            .flat_map(|f| &f.findings)
            .any(|f| f.severity >= level)
    }
}

/// Builds a file's report from its analysis and the findings left after configuration and
/// suppression (in text order).
pub fn file_report(
    path: String,
    text: &str,
    analysis: &Analysis,
    mut findings: Vec<Finding>,
) -> FileReport {
    let index = LineIndex::new(text);
    let locate = |span: Span| {
        let (start, end) = index.range(span);
        Location {
            bytes: span,
            start,
            end,
        }
    };
    findings.sort_by_key(|f| (f.span.start, f.span.end, f.rule));
    let findings = findings
        .into_iter()
        .map(|f| Reported {
            rule: f.rule,
            severity: f.severity,
            at: locate(f.span),
            related: f
                .related
                .into_iter()
                .map(|r| Note {
                    at: locate(r.span),
                    message: r.message,
                })
                .collect(),
            candidates: f
                .candidates
                .iter()
                .filter_map(|&i| analysis.speakers.get(i).map(|s| s.name.clone()))
                .collect(),
            fix: f.fix.map(|fix| ReportedFix {
                title: fix.title,
                edits: fix
                    .edits
                    .into_iter()
                    .map(|e| (locate(e.span), e.replacement))
                    .collect(),
            }),
            message: f.message,
        })
        .collect();
    FileReport {
        path,
        kind: analysis.kind,
        findings,
        sourcing: summarize(analysis),
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! A hand-made run for the format tests, which must not depend on what the engine finds.
    use super::*;
    use crate::analysis::Related;

    pub const TEXT: &str = "Intro.\n\n“Nobody knows 😀,” he said:\n\"Open, and never closed\n";

    pub fn run() -> Run {
        let q = TEXT.find('“').expect("quote");
        let q_end = TEXT.find(" he").expect("he");
        let open = TEXT.find("\"Open").expect("open");
        let findings = vec![
            Finding {
                rule: Rule::UnclosedQuote,
                severity: Severity::Error,
                span: Span::new(open, TEXT.len() - 1),
                message: "Quote opened here, never closed.".into(),
                related: vec![],
                candidates: vec![],
                fix: None,
            },
            Finding {
                rule: Rule::UnattributedQuote,
                severity: Severity::Warning,
                span: Span::new(q, q_end),
                message: "Who said this? 100%, a:b".into(),
                related: vec![Related {
                    span: Span::new(0, 6),
                    message: "last named source".into(),
                }],
                candidates: vec![],
                fix: None,
            },
        ];
        let analysis = Analysis {
            kind: DocKind::Markdown,
            ..Analysis::default()
        };
        Run {
            files: vec![file_report("news/a b.md".into(), TEXT, &analysis, findings)],
            failures: vec![Failure {
                at: None,
                path: "bad.txt".into(),
                message: "not valid UTF-8 (byte 3)".into(),
            }],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_are_sorted_and_located_in_characters() {
        let run = fixtures::run();
        let f = &run.files[0].findings;
        assert_eq!(f[0].rule, Rule::UnattributedQuote);
        assert_eq!(f[0].at.start, Position { line: 3, column: 1 });
        // “Nobody knows 😀,” is 17 characters (24 bytes), so the end is column 18.
        assert_eq!(
            f[0].at.end,
            Position {
                line: 3,
                column: 18
            }
        );
        assert_eq!(f[0].related[0].at.start, Position { line: 1, column: 1 });
        assert_eq!(f[1].at.start.line, 4);
        let t = run.totals();
        assert_eq!((t.errors, t.warnings, t.info, t.hints), (1, 1, 0, 0));
        assert!(run.fails(Severity::Error));
        assert!(run.fails(Severity::Info));
    }
}
