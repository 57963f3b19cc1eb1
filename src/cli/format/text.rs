//! The human format: one line per finding in the `file:line:col: …` shape editors and terminals
//! turn into links, related places, candidates and the rule's fix indented under it, then the
//! summary line.

use super::Options;
use crate::cli::report::{FileReport, Run};
use std::io::{self, Write};

pub fn render(run: &Run, options: Options, out: &mut dyn Write) -> io::Result<()> {
    for file in &run.files {
        for f in &file.findings {
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                file.path,
                f.at.start.line,
                f.at.start.column,
                f.severity.as_str(),
                f.rule.id(),
                f.message
            )?;
            for note in &f.related {
                writeln!(
                    out,
                    "  {}:{}:{}: note: {}",
                    file.path, note.at.start.line, note.at.start.column, note.message
                )?;
            }
            if !f.candidates.is_empty() {
                writeln!(out, "  candidates: {}", f.candidates.join(", "))?;
            }
            if let Some(fix) = &f.fix {
                writeln!(out, "  fix: {}", fix.title)?;
            }
        }
    }
    if options.sourcing {
        for file in &run.files {
            sourcing(file, out)?;
        }
    }
    if !options.quiet {
        writeln!(out, "{}", summary_line(run))?;
    }
    Ok(())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `N files checked: E errors, W warnings, I info` (and hints and unreadable files when there
/// are any, so the common line stays short).
pub fn summary_line(run: &Run) -> String {
    let t = run.totals();
    let mut line = format!(
        "{} checked: {}, {}, {} info",
        plural(run.files.len(), "file", "files"),
        plural(t.errors, "error", "errors"),
        plural(t.warnings, "warning", "warnings"),
        t.info
    );
    if t.hints > 0 {
        line.push_str(&format!(", {}", plural(t.hints, "hint", "hints")));
    }
    if !run.failures.is_empty() {
        line.push_str(&format!(
            "; {} could not be read",
            plural(run.failures.len(), "file", "files")
        ));
    }
    line
}

fn sourcing(file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    let s = &file.sourcing;
    writeln!(
        out,
        "{}: sourcing: {} ({} attributed, {} unattributed); sources: {} named, {} anonymous/nominal",
        file.path,
        plural(s.quotes, "quote", "quotes"),
        s.attributed,
        s.unattributed,
        s.named_sources,
        s.anonymous_sources
    )?;
    for sp in &s.speakers {
        writeln!(
            out,
            "  {} ({}): {}, {}",
            sp.name,
            sp.kind,
            plural(sp.quotes, "quote", "quotes"),
            plural(sp.claims, "claim", "claims")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::fixtures;

    fn rendered(options: Options) -> String {
        let mut out = Vec::new();
        render(&fixtures::run(), options, &mut out).expect("render");
        String::from_utf8(out).expect("utf8")
    }

    #[test]
    fn lines_and_summary() {
        let s = rendered(Options::default());
        let lines: Vec<_> = s.lines().collect();
        assert_eq!(
            lines,
            vec![
                "news/a b.md:3:1: warning[unattributed-quote] Who said this? 100%, a:b",
                "  news/a b.md:1:1: note: last named source",
                "news/a b.md:4:1: error[unclosed-quote] Quote opened here, never closed.",
                "1 file checked: 1 error, 1 warning, 0 info; 1 file could not be read",
            ]
        );
    }

    #[test]
    fn quiet_drops_the_summary_and_summary_adds_sourcing() {
        let s = rendered(Options {
            quiet: true,
            sourcing: true,
        });
        assert!(!s.contains("checked:"), "{s}");
        assert!(
            s.contains("news/a b.md: sourcing: 0 quotes (0 attributed, 0 unattributed)"),
            "{s}"
        );
    }
}
