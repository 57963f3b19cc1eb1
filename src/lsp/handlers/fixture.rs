//! A hand-made analysis of a short article, so the handlers can be tested on exactly the
//! values the engine promises, independently of how well the engine finds them.

use crate::analysis::*;
use crate::lsp::config::Settings;
use crate::lsp::documents::Snapshot;
use crate::lsp::handlers::Ctx;
use crate::lsp::position::Encoding;
use ropey::Rope;
use std::str::FromStr;
use tower_lsp_server::ls_types::Uri;

pub const TEXT: &str = "Russian President Vladimir Putin spoke on Thursday.\n\
\n\
\"We have achieved our goals,\" Putin said.\n\
\n\
\"I am sure we'll have a lot to talk about,\" he said.\n\
\n\
\"Our guys are fighting heroically.\"\n\
\n\
Critics called it a \"defeat\" for Russia.\n\
\n\
\"Nobody knows.\"\n";

/// The span of the `n`th occurrence (from 0) of `needle`.
pub fn find(needle: &str, n: usize) -> Span {
    let start = TEXT
        .match_indices(needle)
        .nth(n)
        .map(|(i, _)| i)
        .expect("needle in fixture");
    Span::new(start, start + needle.len())
}

fn quote(text: &str, kind: QuoteKind, paragraph: usize, attribution: Option<Attribution>) -> Quote {
    let span = find(text, 0);
    Quote {
        span,
        inner: Span::new(span.start + 1, span.end - 1),
        kind,
        paragraph,
        group: paragraph,
        closed: true,
        nested: 0,
        attribution,
    }
}

fn attr(
    method: Method,
    mention: Option<Span>,
    cue: Option<Span>,
    source: Option<Span>,
) -> Attribution {
    Attribution {
        speaker: 0,
        method,
        cue,
        mention,
        confidence: 0.9,
        source,
    }
}

pub fn analysis() -> Analysis {
    let paragraphs = TEXT
        .split("\n\n")
        .map(|p| {
            let span = find(p.trim_end(), 0);
            Paragraph {
                span,
                sentences: vec![span],
            }
        })
        .collect();
    let q1 = "\"I am sure we'll have a lot to talk about,\"";
    let quotes = vec![
        quote(
            "\"We have achieved our goals,\"",
            QuoteKind::Direct,
            1,
            Some(attr(
                Method::Explicit,
                Some(find("Putin", 1)),
                Some(find("said", 0)),
                None,
            )),
        ),
        quote(
            q1,
            QuoteKind::Direct,
            2,
            Some(attr(
                Method::Pronoun,
                Some(find("he said", 0).start_len(2)),
                Some(find("said", 1)),
                None,
            )),
        ),
        quote(
            "\"Our guys are fighting heroically.\"",
            QuoteKind::Direct,
            3,
            Some(attr(Method::Continuation, None, None, Some(find(q1, 0)))),
        ),
        quote("\"defeat\"", QuoteKind::Scare, 4, None),
        quote("\"Nobody knows.\"", QuoteKind::Direct, 5, None),
    ];
    let claims = quotes[..3]
        .iter()
        .map(|q| Claim {
            speaker: 0,
            kind: ClaimKind::Direct,
            span: q.inner,
            cue: q.attribution.as_ref().and_then(|a| a.cue),
        })
        .collect();
    let speakers = vec![Speaker {
        name: "Vladimir Putin".into(),
        kind: SpeakerKind::Person,
        role: Some("Russian President".into()),
        gender: Some(Gender::Male),
        gender_evidence: Some(GenderEvidence {
            gender: Gender::Male,
            source: GenderSource::Pronoun,
        }),
        first: find("Vladimir Putin", 0),
        mentions: vec![
            find("Vladimir Putin", 0),
            find("Putin", 1),
            find("he said", 0).start_len(2),
        ],
    }];
    let findings = vec![
        Finding {
            rule: Rule::UnattributedQuote,
            severity: Severity::Warning,
            span: find("\"Nobody knows.\"", 0),
            message: "This quote has no speaker.".into(),
            related: vec![Related {
                span: find("Vladimir Putin", 0),
                message: "last named speaker".into(),
            }],
            candidates: vec![0],
            fix: None,
        },
        Finding {
            rule: Rule::AmbiguousSpeaker,
            severity: Severity::Info,
            span: find("he said", 0).start_len(2),
            message: "`he` could mean more than one person.".into(),
            related: vec![],
            candidates: vec![0],
            fix: None,
        },
    ];
    Analysis {
        kind: DocKind::Text,
        paragraphs,
        quotes,
        speakers,
        claims,
        findings,
    }
}

trait StartLen {
    fn start_len(self, len: usize) -> Span;
}

impl StartLen for Span {
    fn start_len(self, len: usize) -> Span {
        Span::new(self.start, self.start + len)
    }
}

pub fn snapshot() -> Snapshot {
    snapshot_of(TEXT, analysis())
}

pub fn snapshot_of(text: &str, analysis: Analysis) -> Snapshot {
    Snapshot {
        uri: Uri::from_str("file:///news/putin.txt").expect("valid uri"),
        version: Some(3),
        kind: DocKind::Text,
        rope: Rope::from_str(text),
        text: text.to_owned(),
        analysis,
        project: Default::default(),
        project_error: None,
        unknown_directives: Vec::new(),
        verified: None,
        source_errors: Vec::new(),
        lines: Default::default(),
    }
}

pub fn settings() -> Settings {
    Settings::default()
}

/// The fixture document with default settings, owned, so a test can borrow a [`Ctx`] from it.
pub struct Fixture {
    pub snap: Snapshot,
    pub settings: Settings,
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture {
            snap: snapshot(),
            settings: settings(),
        }
    }

    pub fn ctx(&self, enc: Encoding) -> Ctx<'_> {
        Ctx {
            snap: &self.snap,
            enc,
            settings: &self.settings,
        }
    }
}
