//! `workspace/executeCommand`: the sourcing commands behind the code lens and the editors'
//! report commands. Both take the document's URI as their first argument.
//!
//! - [`SPEAKER_TABLE`] (`saidso.speakerTable`): who is quoted — per speaker, kind, gender and
//!   how it is known, quotes, quoted words, verbs, their colour in the report and where their
//!   first quote is — as JSON rows, a Markdown table and plain text. Editors with a saidso
//!   client show it their way (VS Code a quick pick, Neovim a floating window) and pass
//!   `{"display": "client"}` as a second argument; for any other client the server shows the
//!   plain text itself (`window/showMessage`), so clicking the lens always shows something.
//! - [`SOURCING_REPORT`] (`saidso.sourcingReport`): the page `saidso report` writes for the
//!   document, `{"title", "html"}`, for a webview or a browser.

use super::Ctx;
use crate::sourcing::colours;
use crate::sourcing::html::article::gender_label;
use crate::sourcing::tables::{Article, MarkKind};
use serde::Serialize;
use serde_json::Value;
use tower_lsp_server::ls_types::{ExecuteCommandParams, Range, Uri};

pub const SPEAKER_TABLE: &str = "saidso.speakerTable";
pub const SOURCING_REPORT: &str = "saidso.sourcingReport";
/// What the server advertises in `executeCommandProvider`.
pub const COMMANDS: &[&str] = &[SPEAKER_TABLE, SOURCING_REPORT];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    SpeakerTable,
    SourcingReport,
}

/// A parsed command.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub which: Which,
    pub uri: Uri,
    /// Whether the server should show the result itself (clients without a saidso client).
    pub server_shows: bool,
}

/// Reads the command and its arguments, or says what is wrong with them.
pub fn parse(params: &ExecuteCommandParams) -> Result<Request, String> {
    let which = match params.command.as_str() {
        SPEAKER_TABLE => Which::SpeakerTable,
        SOURCING_REPORT => Which::SourcingReport,
        other => return Err(format!("unknown command `{other}`")),
    };
    let uri = params
        .arguments
        .first()
        .and_then(Value::as_str)
        .ok_or_else(|| {
            format!(
                "{}: the first argument must be the document's URI",
                params.command
            )
        })?;
    let uri: Uri = uri
        .parse()
        .map_err(|_| format!("{}: `{uri}` is not a URI", params.command))?;
    let client_displays = params
        .arguments
        .get(1)
        .and_then(|o| o.get("display"))
        .and_then(Value::as_str)
        == Some("client");
    Ok(Request {
        which,
        uri,
        server_shows: which == Which::SpeakerTable && !client_displays,
    })
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpeakerRowOut {
    pub name: String,
    pub role: Option<String>,
    /// `person`, `organisation`, `anonymous description`, `the writer`.
    pub kind: &'static str,
    /// `woman (pronoun)`, `man (first-name guess)`, `gender unknown`, or empty.
    pub gender: String,
    pub quotes: usize,
    pub words: Option<usize>,
    pub claims: usize,
    /// `said 3, told 1`.
    pub verbs: String,
    /// Their colour in the report (`#1f6fb5`).
    pub colour: &'static str,
    /// Their first quote, to jump to.
    pub first_quote: Option<Range>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpeakerTable {
    pub summary: String,
    pub speakers: Vec<SpeakerRowOut>,
    pub markdown: String,
    pub text: String,
}

/// The speaker table of the snapshot's document.
pub fn speaker_table(ctx: &Ctx, article: &Article) -> SpeakerTable {
    let speakers: Vec<SpeakerRowOut> = article
        .speakers
        .iter()
        .enumerate()
        .map(|(row, s)| {
            let first = article.text.as_ref().and_then(|t| {
                t.marks.iter().find_map(|m| match m.kind {
                    MarkKind::Quote { speaker, .. } if speaker == Some(row) => Some(m.span),
                    _ => None,
                })
            });
            SpeakerRowOut {
                name: s.name.clone(),
                role: s.role.clone(),
                kind: s.kind.label(),
                gender: gender_label(s.gender, s.gender_source),
                quotes: s.quotes,
                words: s.words,
                claims: s.claims,
                verbs: s
                    .verbs
                    .iter()
                    .map(|(v, n)| format!("{v} {n}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                colour: colours::of(row).0,
                first_quote: first.map(|span| ctx.snap.range(span, ctx.enc)),
            }
        })
        .collect();
    let summary = article.lens_summary();
    let cell = |s: &str| s.replace('|', "\\|");
    let mut markdown = format!(
        "**{summary}**\n\n| speaker | kind | gender | quotes | words | verbs |\n\
         |---|---|---|--:|--:|---|\n"
    );
    let mut text = format!("saidso: {summary}");
    for s in &speakers {
        let who = match &s.role {
            Some(role) => format!("{} ({role})", s.name),
            None => s.name.clone(),
        };
        let words = s.words.map_or(String::new(), |w| w.to_string());
        markdown.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            cell(&who),
            s.kind,
            cell(&s.gender),
            s.quotes,
            words,
            cell(&s.verbs)
        ));
        text.push_str(&format!(
            "\n{who} — {}{}: {} {}{}",
            s.kind,
            if s.gender.is_empty() {
                String::new()
            } else {
                format!(", {}", s.gender)
            },
            s.quotes,
            if s.quotes == 1 { "quote" } else { "quotes" },
            if s.verbs.is_empty() {
                String::new()
            } else {
                format!(" ({})", s.verbs)
            }
        ));
    }
    if speakers.is_empty() {
        markdown.push_str("| nobody is quoted | | | | | |\n");
    }
    SpeakerTable {
        summary,
        speakers,
        markdown,
        text,
    }
}

/// The page `saidso report` writes for this document.
#[derive(Debug, Serialize)]
pub struct SourcingReport {
    pub title: String,
    pub html: String,
}

pub fn sourcing_report(article: &Article) -> SourcingReport {
    let name = article.id.rsplit('/').next().unwrap_or(&article.id);
    SourcingReport {
        title: format!("Sourcing: {name}"),
        html: crate::sourcing::html::page(article),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{article_of, fixture};
    use super::*;
    use crate::lsp::position::Encoding;
    use serde_json::json;

    fn params(command: &str, arguments: Vec<Value>) -> ExecuteCommandParams {
        serde_json::from_value(json!({"command": command, "arguments": arguments})).expect("params")
    }

    #[test]
    fn parses_the_uri_and_who_displays() {
        let r = parse(&params(SPEAKER_TABLE, vec![json!("file:///a.md")])).expect("ok");
        assert_eq!((r.which, r.server_shows), (Which::SpeakerTable, true));
        let r = parse(&params(
            SPEAKER_TABLE,
            vec![json!("file:///a.md"), json!({"display": "client"})],
        ))
        .expect("ok");
        assert!(!r.server_shows);
        let r = parse(&params(SOURCING_REPORT, vec![json!("file:///a.md")])).expect("ok");
        assert_eq!((r.which, r.server_shows), (Which::SourcingReport, false));
        assert!(parse(&params("saidso.nope", vec![json!("file:///a.md")])).is_err());
        assert!(parse(&params(SPEAKER_TABLE, vec![])).is_err());
        assert!(parse(&params(SPEAKER_TABLE, vec![json!(3)])).is_err());
    }

    #[test]
    fn the_table_lists_speakers_with_colour_and_first_quote() {
        let fx = fixture::Fixture::new();
        let ctx = fx.ctx(Encoding::Utf16);
        let article = article_of(&ctx);
        let t = speaker_table(&ctx, &article);
        assert_eq!(t.summary, "4 quotes · 1 speaker · 1 unattributed");
        let v = serde_json::to_value(&t.speakers[0]).expect("json");
        assert_eq!(v["name"], "Vladimir Putin");
        assert_eq!(v["gender"], "man (pronoun)");
        assert_eq!(v["quotes"], 3);
        assert_eq!(v["colour"], colours::PALETTE[0].0);
        assert_eq!(v["firstQuote"]["start"], json!({"line": 2, "character": 0}));
        assert!(
            t.markdown.contains(
                "| Vladimir Putin (Russian President) | person | man (pronoun) | 3 | 20 | said 2 |"
            ),
            "{}",
            t.markdown
        );
        assert!(t.text.starts_with("saidso: 4 quotes"), "{}", t.text);
        let report = sourcing_report(&article);
        assert_eq!(report.title, "Sourcing: putin.txt");
        assert!(
            report.html.contains("Vladimir Putin") && report.html.contains("class=\"q orphan\"")
        );
    }
}
