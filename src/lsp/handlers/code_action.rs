//! Quick fixes: "Attribute to NAME" for an unattributed quote, "Name NAME here" for an
//! ambiguous pronoun, the engine's own fix of a style rule (`claimed` → `said`, `said Putin` →
//! `Putin said`: [`crate::analysis::Fix`]), and for every finding "Ignore this finding", which
//! inserts the suppression comment `saidso check` also honours ([`ignore_edit`]).
//!
//! The attribution goes where a copy editor would put it, with US punctuation: after the first
//! sentence of the quote, the quote's period turned into a comma inside the marks
//! (`"Foo. Bar."` → `"Foo," Putin said. "Bar."`; `"Foo."` → `"Foo," Putin said.`); a question
//! or exclamation mark stays (`"Why?" Putin said.`). The edit is computed on the text alone by
//! [`attribution_edit`], so it is tested without any engine.

use super::{capitalize, diagnostics, short_name, Ctx};
use crate::analysis::{Analysis, DocKind, Rule, Span, Speaker};
use std::collections::HashMap;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, OneOf,
    OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit, TextEdit, WorkspaceEdit,
};

/// Marks that can close a quotation.
const CLOSING: &[char] = &['"', '”', '’', '\'', '»', '«', '“'];

/// Words that end in a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "co", "corp", "jan", "feb", "aug", "sept", "oct", "nov",
    "dec",
];

/// The single edit that attributes the quote at `quote` (marks included) to `name`, or `None`
/// when the span does not end in a closing mark (an open running-quote part).
pub fn attribution_edit(text: &str, quote: Span, name: &str) -> Option<(Span, String)> {
    let q = quote.text(text);
    let open = q.chars().next()?;
    let close = q.chars().next_back()?;
    if q.chars().count() < 2 || !CLOSING.contains(&close) {
        return None;
    }
    let inner = Span::new(quote.start + open.len_utf8(), quote.end - close.len_utf8());
    let words = inner.text(text);

    if let Some((mark, gap_end)) = first_sentence_break(words) {
        let mark_at = inner.start + mark;
        let gap = Span::new(mark_at + 1, inner.start + gap_end);
        return Some(if text[mark_at..].starts_with('.') {
            (
                Span::new(mark_at, gap.end),
                format!(",{close} {name} said. {open}"),
            )
        } else {
            (gap, format!("{close} {name} said. {open}"))
        });
    }

    let trimmed = words.trim_end();
    let period = if ends_sentence_after(text, quote.end) {
        "."
    } else {
        ""
    };
    let ellipsis = trimmed.ends_with("...") || trimmed.ends_with('…');
    Some(match trimmed.chars().next_back() {
        Some('.') if !ellipsis => {
            let dot = inner.start + trimmed.len() - 1;
            (Span::new(dot, quote.end), format!(",{close} {name} said."))
        }
        Some(',' | '?' | '!' | '…' | '.') => (
            Span::new(quote.end, quote.end),
            format!(" {name} said{period}"),
        ),
        _ => {
            // No punctuation inside the marks (UK style or a fragment): the comma goes outside.
            let next = text[quote.end..].chars().next();
            let period = if next == Some('.') { "" } else { period };
            (
                Span::new(quote.end, quote.end),
                format!(", {name} said{period}"),
            )
        }
    })
}

/// Where the first sentence of a quotation ends: the byte of its `.`, `?` or `!`, and the end
/// of the whitespace after it. `None` for a single sentence.
fn first_sentence_break(words: &str) -> Option<(usize, usize)> {
    let bytes = words.as_bytes();
    for (i, c) in words.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        // An ellipsis is a pause, not an end.
        if c == '.' && (i > 0 && bytes[i - 1] == b'.' || bytes.get(i + 1) == Some(&b'.')) {
            continue;
        }
        let rest = &words[i + 1..];
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 {
            continue;
        }
        let starts_sentence = rest[gap..]
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit());
        if !starts_sentence {
            continue;
        }
        if c == '.' {
            let word = words[..i]
                .rsplit(|ch: char| ch.is_whitespace())
                .next()
                .unwrap_or("");
            let bare = word.trim_start_matches(['(', '[']).to_lowercase();
            // "U.S." or an initial ("John F. Kennedy") or a title ("Mr.") does not end a sentence.
            let initial = bare.chars().count() == 1 || bare.contains('.');
            if initial || ABBREVIATIONS.contains(&bare.as_str()) {
                continue;
            }
        }
        return Some((i, i + 1 + gap));
    }
    None
}

/// Whether a sentence ends at `at`: the paragraph ends there, or a new sentence starts.
fn ends_sentence_after(text: &str, at: usize) -> bool {
    let rest = text[at.min(text.len())..].trim_start_matches([' ', '\t']);
    match rest.chars().next() {
        None | Some('\n' | '\r') => true,
        Some(c) => c.is_uppercase() || CLOSING.contains(&c),
    }
}

/// The name to write for a speaker at `at`: the surname once they have been introduced, the
/// full name before that.
fn name_at(speaker: &Speaker, at: usize) -> String {
    if speaker.first.start < at {
        short_name(speaker)
    } else {
        speaker.name.clone()
    }
}

/// The quick fixes for findings in `range`. `versioned` asks for `documentChanges` carrying the
/// document version (so a stale fix is refused by the editor) instead of plain `changes`.
pub fn code_actions(ctx: &Ctx, range: Range, versioned: bool) -> Vec<CodeActionOrCommand> {
    if !ctx.settings.enable {
        return Vec::new();
    }
    let wanted = ctx.snap.span(range, ctx.enc);
    let analysis = ctx.analysis();
    let text = ctx.text();
    let mut out = Vec::new();
    for finding in &analysis.findings {
        if finding.span.start > wanted.end || wanted.start > finding.span.end {
            continue;
        }
        let Some(diagnostic) = diagnostics::diagnostic(ctx, finding) else {
            continue; // rule switched off
        };
        for (i, &candidate) in finding.candidates.iter().enumerate() {
            let Some(speaker) = analysis.speakers.get(candidate) else {
                continue;
            };
            let (title, edit) = match finding.rule {
                Rule::UnattributedQuote => {
                    let quote = quote_span(analysis, finding.span);
                    let name = name_at(speaker, quote.start);
                    let Some(edit) = attribution_edit(text, quote, &name) else {
                        continue;
                    };
                    (format!("Attribute to {name}"), edit)
                }
                Rule::AmbiguousSpeaker => {
                    let pronoun = finding.span.text(text);
                    let mut name = name_at(speaker, finding.span.start);
                    if pronoun.chars().next().is_some_and(char::is_uppercase) {
                        name = capitalize(&name);
                    }
                    (format!("Name {name} here"), (finding.span, name))
                }
                _ => continue,
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(workspace_edit(ctx, vec![edit], versioned)),
                is_preferred: Some(i == 0),
                ..CodeAction::default()
            }));
        }
        // The rule's own correction, computed by the engine.
        if let Some(fix) = &finding.fix {
            let edits = fix
                .edits
                .iter()
                .map(|e| (e.span, e.replacement.clone()))
                .collect();
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(workspace_edit(ctx, edits, versioned)),
                is_preferred: Some(finding.candidates.is_empty()),
                ..CodeAction::default()
            }));
        }
        let edit = ignore_edit(text, ctx.snap.kind, finding.span.start, finding.rule.id());
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Ignore this finding ({})", finding.rule.id()),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            edit: Some(workspace_edit(ctx, vec![edit], versioned)),
            is_preferred: Some(false),
            ..CodeAction::default()
        }));
    }
    out
}

/// The edit that silences rule `id` for the line holding `at`, the way a writer would by hand:
/// a comment line before it (`# saidso-disable-next-line ID` in plain text, `<!--
/// saidso-disable-next-line ID -->` in Markdown). In Markdown an HTML comment line inside a
/// paragraph would end the paragraph, so there the comment goes at the end of the line instead
/// (`<!-- saidso-disable-line ID -->`), which renders as nothing and changes no structure.
pub fn ignore_edit(text: &str, kind: DocKind, at: usize, id: &str) -> (Span, String) {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    let newline = if line.ends_with('\r') { "\r\n" } else { "\n" };
    let content_end = line_start + line.trim_end_matches('\r').len();
    let indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    match kind {
        DocKind::Text => (
            Span::new(line_start, line_start),
            format!("{indent}# saidso-disable-next-line {id}{newline}"),
        ),
        DocKind::Markdown => {
            let previous = text[..line_start.saturating_sub(1)]
                .rsplit('\n')
                .next()
                .unwrap_or("");
            let starts_block = line_start == 0 || previous.trim().is_empty();
            if starts_block && indent.len() < 4 {
                (
                    Span::new(line_start, line_start),
                    format!("{indent}<!-- saidso-disable-next-line {id} -->{newline}"),
                )
            } else {
                (
                    Span::new(content_end, content_end),
                    format!(" <!-- saidso-disable-line {id} -->"),
                )
            }
        }
    }
}

/// The quote a finding is about: the one its span overlaps (the last part of a running quote,
/// where the attribution belongs), else the finding's own span.
fn quote_span(analysis: &Analysis, span: Span) -> Span {
    analysis
        .quotes
        .iter()
        .filter(|q| q.span.overlaps(span) || q.span == span)
        .map(|q| q.span)
        .next_back()
        .unwrap_or(span)
}

fn workspace_edit(ctx: &Ctx, edits: Vec<(Span, String)>, versioned: bool) -> WorkspaceEdit {
    let edits: Vec<TextEdit> = edits
        .into_iter()
        .map(|(span, new_text)| TextEdit::new(ctx.snap.range(span, ctx.enc), new_text))
        .collect();
    let uri = ctx.snap.uri.clone();
    if versioned {
        WorkspaceEdit {
            document_changes: Some(tower_lsp_server::ls_types::DocumentChanges::Edits(vec![
                TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier {
                        uri,
                        version: ctx.snap.version,
                    },
                    edits: edits.into_iter().map(OneOf::Left).collect(),
                },
            ])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri, edits)])),
            ..WorkspaceEdit::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::lsp::position::Encoding;
    use tower_lsp_server::ls_types::Position;

    /// Applies the attribution edit to the first quote in `text`.
    fn attribute(text: &str) -> String {
        let start = text.find(['"', '“']).unwrap();
        let open = text[start..].chars().next().unwrap();
        let close = if open == '“' { '”' } else { '"' };
        let rel_end = text[start + open.len_utf8()..].find(close).unwrap();
        let end = start + open.len_utf8() + rel_end + close.len_utf8();
        let (span, new) = attribution_edit(text, Span::new(start, end), "Putin").unwrap();
        format!("{}{}{}", &text[..span.start], new, &text[span.end..])
    }

    #[test]
    fn period_becomes_comma_inside_the_marks() {
        assert_eq!(
            attribute("\"Nobody knows.\""),
            "\"Nobody knows,\" Putin said."
        );
        assert_eq!(
            attribute("“Nobody knows.”\n\nNext."),
            "“Nobody knows,” Putin said.\n\nNext."
        );
    }

    #[test]
    fn attribution_follows_the_first_sentence() {
        assert_eq!(
            attribute("“We will win. It can't be any other way.”"),
            "“We will win,” Putin said. “It can't be any other way.”"
        );
        assert_eq!(
            attribute("\"Why not? We are ready.\""),
            "\"Why not?\" Putin said. \"We are ready.\""
        );
        // Titles, initials and ellipses do not end the first sentence.
        assert_eq!(
            attribute("\"Mr. Trump and the U.S. Army ... We will see.\""),
            "\"Mr. Trump and the U.S. Army ... We will see,\" Putin said."
        );
    }

    #[test]
    fn other_endings() {
        assert_eq!(attribute("\"Why?\""), "\"Why?\" Putin said.");
        assert_eq!(attribute("\"Any time,\""), "\"Any time,\" Putin said.");
        assert_eq!(
            attribute("\"Nobody knows\"."),
            "\"Nobody knows\", Putin said."
        );
        assert_eq!(
            attribute("\"Nobody knows\""),
            "\"Nobody knows\", Putin said."
        );
        assert_eq!(
            attribute("\"I am not sure ...\""),
            "\"I am not sure ...\" Putin said."
        );
        assert_eq!(
            attribute("\"Nobody knows\" and more"),
            "\"Nobody knows\", Putin said and more"
        );
    }

    #[test]
    fn open_running_quote_parts_get_no_edit() {
        let text = "\"We will see.\n";
        assert_eq!(attribution_edit(text, Span::new(0, 13), "Putin"), None);
    }

    #[test]
    fn actions_for_fixture_findings() {
        let fx = fixture::Fixture::new();
        let ctx = fx.ctx(Encoding::Utf16);
        let everything = Range::new(Position::new(0, 0), Position::new(99, 0));
        let titles: Vec<_> = code_actions(&ctx, everything, false)
            .into_iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a.title,
                CodeActionOrCommand::Command(c) => c.title,
            })
            .collect();
        assert_eq!(
            titles,
            [
                "Attribute to Putin",
                "Ignore this finding (unattributed-quote)",
                "Name Putin here",
                "Ignore this finding (ambiguous-speaker)"
            ]
        );
    }

    fn ignore(text: &str, kind: DocKind, needle: &str) -> String {
        let at = text.find(needle).unwrap();
        let (span, new) = ignore_edit(text, kind, at, "loaded-verb");
        format!("{}{}{}", &text[..span.start], new, &text[span.end..])
    }

    #[test]
    fn ignore_comment_in_plain_text_goes_on_the_line_before() {
        assert_eq!(
            ignore(
                "Intro.\n\n  He claimed it.\r\nMore.",
                DocKind::Text,
                "claimed"
            ),
            "Intro.\n\n  # saidso-disable-next-line loaded-verb\r\n  He claimed it.\r\nMore."
        );
        assert_eq!(
            ignore("He claimed it.", DocKind::Text, "claimed"),
            "# saidso-disable-next-line loaded-verb\nHe claimed it."
        );
    }

    #[test]
    fn ignore_comment_in_markdown_never_splits_a_paragraph() {
        // At the start of a block: a comment line before it.
        assert_eq!(
            ignore("Intro.\n\nHe claimed it.\n", DocKind::Markdown, "claimed"),
            "Intro.\n\n<!-- saidso-disable-next-line loaded-verb -->\nHe claimed it.\n"
        );
        // Inside a hard-wrapped paragraph: at the end of the line.
        assert_eq!(
            ignore(
                "First line\nand he claimed it.\n",
                DocKind::Markdown,
                "claimed"
            ),
            "First line\nand he claimed it. <!-- saidso-disable-line loaded-verb -->\n"
        );
    }
}
