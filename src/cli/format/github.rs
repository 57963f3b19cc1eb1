//! `--format github`: GitHub Actions workflow commands, which the runner turns into annotations
//! on the pull request's diff:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=saidso rule-id::message`.
//!
//! Escaping follows the runner's command parser: in the message `%`, `\r` and `\n` are
//! percent-encoded; in property values also `:` and `,`, which would otherwise end the value.

use super::Options;
use crate::analysis::Severity;
use crate::cli::report::Run;
use std::io::{self, Write};

/// GitHub has `error`, `warning` and `notice`.
const fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "notice",
    }
}

pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(run: &Run, options: Options, out: &mut dyn Write) -> io::Result<()> {
    for file in &run.files {
        let path = escape_property(&file.path);
        for f in &file.findings {
            // Related places go in the message body: annotations have a single location.
            let mut message = f.message.clone();
            for note in &f.related {
                message.push_str(&format!(
                    "\n{}:{}:{}: {}",
                    file.path, note.at.start.line, note.at.start.column, note.message
                ));
            }
            writeln!(
                out,
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                command(f.severity),
                path,
                f.at.start.line,
                f.at.start.column,
                f.at.end.line,
                f.at.end.column,
                escape_property(&format!("saidso {}", f.rule.id())),
                escape_data(&message)
            )?;
        }
    }
    for e in &run.failures {
        writeln!(
            out,
            "::error file={},title=saidso::{}",
            escape_property(&e.path),
            escape_data(&format!("could not be checked: {}", e.message))
        )?;
    }
    if !options.quiet {
        writeln!(out, "{}", super::summary_line(run))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::fixtures;

    #[test]
    fn escaping_follows_the_workflow_command_spec() {
        assert_eq!(escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
        // `%` first, so the escapes themselves are not escaped again.
        assert_eq!(escape_property("%3A"), "%253A");
    }

    #[test]
    fn annotations() {
        let mut out = Vec::new();
        render(&fixtures::run(), Options::default(), &mut out).expect("render");
        let s = String::from_utf8(out).expect("utf8");
        let lines: Vec<_> = s.lines().collect();
        assert_eq!(
            lines[0],
            "::warning file=news/a b.md,line=3,col=1,endLine=3,endColumn=18,\
             title=saidso unattributed-quote::Who said this? 100%25, a:b%0Anews/a b.md:1:1: last named source"
        );
        assert!(
            lines[1].starts_with("::error file=news/a b.md,line=4,col=1,"),
            "{}",
            lines[1]
        );
        assert_eq!(
            lines[2],
            "::error file=bad.txt,title=saidso::could not be checked: not valid UTF-8 (byte 3)"
        );
        assert!(lines[3].starts_with("1 file checked"));
    }
}
