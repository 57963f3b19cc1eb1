//! Inline suppression: comments in the draft that switch rules off for a stretch of text.
//!
//! Forms (documented in docs/configuration.md):
//! - anywhere (Markdown and plain text), an HTML comment, invisible when Markdown is rendered:
//!   `<!-- saidso-disable [ids] -->` … `<!-- saidso-enable [ids] -->`,
//!   `<!-- saidso-disable-next-line [ids] -->`, `<!-- saidso-disable-line [ids] -->`;
//! - in plain text also a line of its own starting with `#` or `//`:
//!   `# saidso-disable-next-line unattributed-quote`. Not in Markdown, where `#` is a heading
//!   and `//` would print.
//!
//! Ids are separated by commas and/or spaces; none means every rule. A finding is suppressed
//! when its start lies in a disabled stretch for its rule. Everything here is a pure function
//! of the text, so the language server gives the same answer as `saidso check`.

use crate::analysis::{DocKind, Finding, Rule, Span};

/// A directive naming a rule id that does not exist (most likely a typo, which would otherwise
/// silently suppress nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownId {
    /// Where the directive is.
    pub span: Span,
    pub id: String,
}

/// The disabled stretches of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// `(rule, start, end)`: findings of `rule` starting in `[start, end)` are dropped.
    regions: Vec<(Rule, usize, usize)>,
    pub unknown: Vec<UnknownId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Disable,
    Enable,
    DisableNextLine,
    DisableLine,
}

struct Directive {
    command: Command,
    span: Span,
    /// `None`: every rule.
    rules: Option<Vec<Rule>>,
    /// Whether the directive is all its line holds (such lines are skipped by next-line).
    whole_line: bool,
}

impl Suppressions {
    /// Whether `finding` falls in a stretch where its rule is disabled.
    pub fn suppresses(&self, finding: &Finding) -> bool {
        let at = finding.span.start;
        self.regions
            .iter()
            .any(|&(rule, start, end)| rule == finding.rule && start <= at && at < end)
    }
}

/// Drops the findings the text's directives suppress.
pub fn filter(text: &str, kind: DocKind, findings: Vec<Finding>) -> Vec<Finding> {
    let s = parse(text, kind);
    findings.into_iter().filter(|f| !s.suppresses(f)).collect()
}

/// Reads every directive of `text`.
pub fn parse(text: &str, kind: DocKind) -> Suppressions {
    let lines = line_starts(text);
    let mut unknown = Vec::new();
    let directives = directives(text, kind, &lines, &mut unknown);

    let mut regions = Vec::new();
    // For disable/enable: since when each rule has been off (index as in Rule::ALL).
    let mut since: Vec<Option<usize>> = vec![None; Rule::ALL.len()];
    let directive_lines: Vec<usize> = directives
        .iter()
        .filter(|d| d.whole_line)
        .map(|d| line_of(&lines, d.span.start))
        .collect();

    for d in &directives {
        let chosen: Vec<usize> = match &d.rules {
            None => (0..Rule::ALL.len()).collect(),
            Some(rules) => rules
                .iter()
                .filter_map(|r| Rule::ALL.iter().position(|x| x == r))
                .collect(),
        };
        match d.command {
            Command::Disable => {
                for i in chosen {
                    since[i].get_or_insert(d.span.start);
                }
            }
            Command::Enable => {
                for i in chosen {
                    if let Some(start) = since[i].take() {
                        regions.push((Rule::ALL[i], start, d.span.start));
                    }
                }
            }
            Command::DisableLine | Command::DisableNextLine => {
                let mut line = line_of(&lines, d.span.end.saturating_sub(1));
                if d.command == Command::DisableNextLine {
                    // The next line with text that is not itself a directive, so that
                    // directives can be stacked and a blank line may separate them.
                    line += 1;
                    while line < lines.len()
                        && (line_text(text, &lines, line).trim().is_empty()
                            || directive_lines.contains(&line))
                    {
                        line += 1;
                    }
                }
                if line < lines.len() {
                    let (start, end) = line_range(text, &lines, line);
                    for i in chosen {
                        regions.push((Rule::ALL[i], start, end));
                    }
                }
            }
        }
    }
    for (i, start) in since.into_iter().enumerate() {
        if let Some(start) = start {
            regions.push((Rule::ALL[i], start, usize::MAX));
        }
    }
    Suppressions { regions, unknown }
}

/// Finds the directives in text order.
fn directives(
    text: &str,
    kind: DocKind,
    lines: &[usize],
    unknown: &mut Vec<UnknownId>,
) -> Vec<Directive> {
    let mut out = Vec::new();
    // HTML comments, in either kind of document.
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|i| from + i) {
        let body_start = open + 4;
        let Some(close) = text[body_start..].find("-->").map(|i| body_start + i) else {
            break;
        };
        let end = close + 3;
        let span = Span::new(open, end);
        if let Some((command, rules)) = directive_body(&text[body_start..close], span, unknown) {
            let line = line_of(lines, open);
            let whole_line = line_text(text, lines, line).trim() == &text[open..end];
            out.push(Directive {
                command,
                span,
                rules,
                whole_line,
            });
        }
        from = end;
    }
    // `#` and `//` lines, in plain text only.
    if kind == DocKind::Text {
        for line in 0..lines.len() {
            let (start, end) = line_range(text, lines, line);
            let content = &text[start..end];
            let trimmed = content.trim_start();
            let Some(body) = trimmed
                .strip_prefix("//")
                .or_else(|| trimmed.strip_prefix('#'))
            else {
                continue;
            };
            let lead = content.len() - trimmed.len();
            let span = Span::new(start + lead, end);
            if let Some((command, rules)) = directive_body(body, span, unknown) {
                out.push(Directive {
                    command,
                    span,
                    rules,
                    whole_line: true,
                });
            }
        }
        out.sort_by_key(|d| d.span.start);
    }
    out
}

/// Parses `saidso-<command> [ids]`; `None` when the text is not a directive.
fn directive_body(
    body: &str,
    span: Span,
    unknown: &mut Vec<UnknownId>,
) -> Option<(Command, Option<Vec<Rule>>)> {
    let body = body.trim();
    let (word, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let command = match word {
        "saidso-disable" => Command::Disable,
        "saidso-enable" => Command::Enable,
        "saidso-disable-next-line" => Command::DisableNextLine,
        "saidso-disable-line" => Command::DisableLine,
        _ => return None,
    };
    let ids: Vec<&str> = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    if ids.is_empty() {
        return Some((command, None));
    }
    // A list of only unknown ids disables nothing, rather than everything.
    let mut rules = Vec::new();
    for id in ids {
        match Rule::from_id(id) {
            Some(rule) => rules.push(rule),
            None => unknown.push(UnknownId {
                span,
                id: id.to_string(),
            }),
        }
    }
    Some((command, Some(rules)))
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn line_of(lines: &[usize], offset: usize) -> usize {
    lines.partition_point(|&s| s <= offset).saturating_sub(1)
}

/// A line's byte range without its line break.
fn line_range(text: &str, lines: &[usize], line: usize) -> (usize, usize) {
    let start = lines[line];
    let end = lines.get(line + 1).map_or(text.len(), |&next| next - 1);
    let end = if text[start..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    (start, end)
}

fn line_text<'a>(text: &'a str, lines: &[usize], line: usize) -> &'a str {
    let (start, end) = line_range(text, lines, line);
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Severity;

    /// A finding of `rule` at the first occurrence of `needle`.
    fn at(text: &str, needle: &str, rule: Rule) -> Finding {
        let start = text.find(needle).expect("needle in text");
        Finding {
            rule,
            severity: Severity::Warning,
            span: Span::new(start, start + needle.len()),
            message: String::new(),
            related: vec![],
            candidates: vec![],
            fix: None,
        }
    }

    fn kept(text: &str, kind: DocKind, findings: Vec<Finding>) -> Vec<String> {
        filter(text, kind, findings)
            .into_iter()
            .map(|f| format!("{}@{}", f.rule.id(), f.span.text(text)))
            .collect()
    }

    const U: Rule = Rule::UnattributedQuote;
    const C: Rule = Rule::UnclosedQuote;

    #[test]
    fn disable_enable_region_for_named_rules() {
        let t = "\"A\"\n\n<!-- saidso-disable unattributed-quote -->\n\n\"B\" \"C\n\n<!-- saidso-enable -->\n\n\"D\"\n";
        let f = vec![
            at(t, "\"A\"", U),
            at(t, "\"B\"", U),
            at(t, "\"C", C),
            at(t, "\"D\"", U),
        ];
        assert_eq!(
            kept(t, DocKind::Markdown, f),
            vec![
                "unattributed-quote@\"A\"",
                "unclosed-quote@\"C",
                "unattributed-quote@\"D\""
            ]
        );
    }

    #[test]
    fn disable_without_ids_runs_to_the_end() {
        let t = "\"A\"\n<!--saidso-disable-->\n\"B\" \"C\n";
        let f = vec![at(t, "\"A\"", U), at(t, "\"B\"", U), at(t, "\"C", C)];
        assert_eq!(kept(t, DocKind::Text, f), vec!["unattributed-quote@\"A\""]);
    }

    #[test]
    fn enable_one_rule_inside_a_disable_all() {
        let t = "<!-- saidso-disable -->\nx\n<!-- saidso-enable unclosed-quote -->\n\"B\" \"C\n";
        let f = vec![at(t, "\"B\"", U), at(t, "\"C", C)];
        assert_eq!(kept(t, DocKind::Markdown, f), vec!["unclosed-quote@\"C"]);
    }

    #[test]
    fn next_line_skips_blank_and_stacked_directive_lines_only() {
        let t = "<!-- saidso-disable-next-line unattributed-quote -->\n<!-- saidso-disable-next-line unclosed-quote -->\n\n\"B\" \"C\n\"D\"\n";
        let f = vec![at(t, "\"B\"", U), at(t, "\"C", C), at(t, "\"D\"", U)];
        assert_eq!(
            kept(t, DocKind::Markdown, f),
            vec!["unattributed-quote@\"D\""]
        );
    }

    #[test]
    fn disable_line_covers_its_own_line() {
        let t = "\"A\" <!-- saidso-disable-line -->\n\"B\"\n";
        let f = vec![at(t, "\"A\"", U), at(t, "\"B\"", U)];
        assert_eq!(
            kept(t, DocKind::Markdown, f),
            vec!["unattributed-quote@\"B\""]
        );
    }

    #[test]
    fn plain_text_line_forms_only_in_text() {
        let t =
            "# saidso-disable-next-line unattributed-quote\n\"A\"\n  // saidso-disable\n\"B\"\n";
        let f = || vec![at(t, "\"A\"", U), at(t, "\"B\"", U)];
        assert!(kept(t, DocKind::Text, f()).is_empty());
        assert_eq!(kept(t, DocKind::Markdown, f()).len(), 2);
    }

    #[test]
    fn unknown_ids_are_reported_and_suppress_nothing() {
        let t = "<!-- saidso-disable-next-line unatributed-quote -->\n\"A\"\n";
        let s = parse(t, DocKind::Markdown);
        assert_eq!(s.unknown.len(), 1);
        assert_eq!(s.unknown[0].id, "unatributed-quote");
        assert!(!s.suppresses(&at(t, "\"A\"", U)));
    }

    #[test]
    fn look_alikes_are_not_directives() {
        let t =
            "<!-- saidso-disabled -->\n<!-- not saidso-disable -->\n\"A\"\n<!-- saidso-disable\n";
        assert_eq!(kept(t, DocKind::Markdown, vec![at(t, "\"A\"", U)]).len(), 1);
    }

    proptest::proptest! {
        /// Drafts are arbitrary text: no directive layout or finding span may panic.
        #[test]
        fn never_panics(
            text in "(<!--|-->|saidso-disable(-next-line)?|saidso-enable| |\n|\r|#|//|é|😀|unclosed-quote|,)*",
            start in 0usize..300,
            len in 0usize..50,
        ) {
            let f = Finding {
                rule: U,
                severity: Severity::Warning,
                span: Span::new(start, start + len),
                message: String::new(),
                related: vec![],
                candidates: vec![],
                fix: None,
            };
            for kind in [DocKind::Text, DocKind::Markdown] {
                let _ = filter(&text, kind, vec![f.clone()]);
            }
        }
    }

    #[test]
    fn crlf_lines_and_multibyte_text() {
        let t = "“É” <!-- saidso-disable-next-line -->\r\n“Ü”\r\n“Ö”\r\n";
        let f = vec![at(t, "“É”", U), at(t, "“Ü”", U), at(t, "“Ö”", U)];
        assert_eq!(
            kept(t, DocKind::Markdown, f),
            vec!["unattributed-quote@“É”", "unattributed-quote@“Ö”"]
        );
    }
}
