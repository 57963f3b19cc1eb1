//! The outline (`textDocument/documentSymbol`) and `workspace/symbol`: a story as its sources
//! and what each of them said.
//!
//! Each speaker is a symbol whose children are their claims (direct, partial, reported), plus
//! any of their quotes the engine did not turn into a claim; speech quotes with no speaker are
//! grouped under "Unattributed quotes" so the writer can walk them.

use super::{excerpt, Ctx};
use crate::analysis::{Analysis, ClaimKind, QuoteKind, Span, SpeakerKind};
use crate::lsp::documents::Snapshot;
use crate::lsp::position::Encoding;
use tower_lsp_server::ls_types::{DocumentSymbol, Location, SymbolInformation, SymbolKind};

/// How many words of a quote or claim make its name in the outline.
const NAME_WORDS: usize = 8;

pub const UNATTRIBUTED: &str = "Unattributed quotes";

/// One entry under a speaker, before conversion.
struct Item {
    span: Span,
    /// What the name is cut from.
    words: Span,
    detail: &'static str,
    kind: SymbolKind,
    quoted: bool,
}

fn speaker_kind(kind: SpeakerKind) -> SymbolKind {
    match kind {
        SpeakerKind::Person => SymbolKind::CLASS,
        SpeakerKind::Organization => SymbolKind::NAMESPACE,
        SpeakerKind::Nominal => SymbolKind::OBJECT,
    }
}

fn items_of(analysis: &Analysis, speaker: usize) -> Vec<Item> {
    let mut items: Vec<Item> = analysis
        .claims
        .iter()
        .filter(|c| c.speaker == speaker)
        .map(|c| {
            // A quoted claim's span is the words inside the marks; the symbol covers the marks.
            let quote = analysis.quotes.iter().find(|q| q.span.covers(c.span));
            let (detail, kind, quoted) = match c.kind {
                ClaimKind::Direct => ("direct quote", SymbolKind::STRING, true),
                ClaimKind::Partial => ("partial quote", SymbolKind::STRING, true),
                ClaimKind::Reported => ("reported", SymbolKind::EVENT, false),
            };
            Item {
                span: quote.filter(|_| quoted).map_or(c.span, |q| q.span),
                words: c.span,
                detail,
                kind,
                quoted,
            }
        })
        .collect();
    for q in analysis.quotes_by(speaker) {
        if items.iter().any(|i| i.span.overlaps(q.span)) {
            continue;
        }
        items.push(Item {
            span: q.span,
            words: q.inner,
            detail: if q.kind == QuoteKind::Partial {
                "partial quote"
            } else {
                "direct quote"
            },
            kind: SymbolKind::STRING,
            quoted: true,
        });
    }
    items.sort_by_key(|i| i.span);
    items
}

fn item_name(text: &str, item: &Item) -> String {
    let words = excerpt(text, item.words, NAME_WORDS);
    let words = if words.is_empty() {
        "…".into()
    } else {
        words
    };
    if item.quoted {
        format!("“{words}”")
    } else {
        words
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be written, even as `None`.
fn symbol(
    snap: &Snapshot,
    enc: Encoding,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    (span, selection): (Span, Span),
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: snap.range(span, enc),
        selection_range: snap.range(selection, enc),
        children,
    }
}

pub fn document_symbols(ctx: &Ctx) -> Vec<DocumentSymbol> {
    if !ctx.settings.enable {
        return Vec::new();
    }
    let (snap, enc, text) = (ctx.snap, ctx.enc, ctx.text());
    let analysis = ctx.analysis();
    let mut out = Vec::new();
    for (index, speaker) in analysis.speakers.iter().enumerate() {
        let items = items_of(analysis, index);
        // The speaker's range covers everything listed under it, so every child's range lies in
        // its parent's (editors draw the outline from that).
        let mut span = speaker.first;
        for s in speaker.mentions.iter().chain(items.iter().map(|i| &i.span)) {
            span = Span::new(span.start.min(s.start), span.end.max(s.end));
        }
        let children: Vec<DocumentSymbol> = items
            .iter()
            .map(|i| {
                symbol(
                    snap,
                    enc,
                    item_name(text, i),
                    Some(i.detail.to_owned()),
                    i.kind,
                    (i.span, i.span),
                    None,
                )
            })
            .collect();
        let detail = speaker.role.clone();
        out.push(symbol(
            snap,
            enc,
            speaker.name.clone(),
            detail,
            speaker_kind(speaker.kind),
            (span, speaker.first),
            Some(children),
        ));
    }
    let orphans: Vec<_> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind.is_speech() && q.attribution.is_none())
        .collect();
    if let (Some(first), Some(last)) = (orphans.first(), orphans.last()) {
        let children = orphans
            .iter()
            .map(|q| {
                let item = Item {
                    span: q.span,
                    words: q.inner,
                    detail: "no speaker",
                    kind: SymbolKind::STRING,
                    quoted: true,
                };
                symbol(
                    snap,
                    enc,
                    item_name(text, &item),
                    Some(item.detail.to_owned()),
                    item.kind,
                    (q.span, q.span),
                    None,
                )
            })
            .collect();
        out.push(symbol(
            snap,
            enc,
            UNATTRIBUTED.to_owned(),
            Some(format!("{}", orphans.len())),
            SymbolKind::NAMESPACE,
            (Span::new(first.span.start, last.span.end), first.span),
            Some(children),
        ));
    }
    // Text order, as the writer reads the story.
    out.sort_by_key(|s| (s.range.start.line, s.range.start.character));
    out
}

/// Speakers whose name, and quotes or claims whose words, contain `query` (case-insensitive;
/// an empty query matches every speaker but no quote, to keep the list short).
#[allow(deprecated)] // `SymbolInformation::deprecated` must be written, even as `None`.
pub fn workspace_symbols(
    snap: &Snapshot,
    enc: Encoding,
    query: &str,
    limit: usize,
    out: &mut Vec<SymbolInformation>,
) {
    let query = query.trim().to_lowercase();
    let analysis = &snap.analysis;
    let text = snap.text.as_str();
    let file = snap
        .uri
        .path()
        .as_str()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let info = |name: String, kind, span, container: Option<String>| SymbolInformation {
        name,
        kind,
        tags: None,
        deprecated: None,
        location: Location::new(snap.uri.clone(), snap.range(span, enc)),
        container_name: container,
    };
    for (index, speaker) in analysis.speakers.iter().enumerate() {
        if out.len() >= limit {
            return;
        }
        if speaker.name.to_lowercase().contains(&query) {
            out.push(info(
                speaker.name.clone(),
                speaker_kind(speaker.kind),
                speaker.first,
                Some(file.clone()),
            ));
        }
        if query.is_empty() {
            continue;
        }
        for item in items_of(analysis, index) {
            if out.len() >= limit {
                return;
            }
            if item.words.text(text).to_lowercase().contains(&query) {
                out.push(info(
                    item_name(text, &item),
                    item.kind,
                    item.span,
                    Some(speaker.name.clone()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use serde_json::json;

    #[test]
    fn outline_groups_quotes_under_speakers() {
        let fx = fixture::Fixture::new();
        let ctx = fx.ctx(Encoding::Utf16);
        let symbols = document_symbols(&ctx);
        let names: Vec<_> = symbols
            .iter()
            .map(|s| {
                let children: Vec<_> = s
                    .children
                    .iter()
                    .flatten()
                    .map(|c| c.name.clone())
                    .collect();
                json!([s.name, children])
            })
            .collect();
        assert_eq!(
            json!(names),
            json!([
                [
                    "Vladimir Putin",
                    [
                        "“We have achieved our goals,”",
                        "“I am sure we'll have a lot to…”",
                        "“Our guys are fighting heroically.”"
                    ]
                ],
                ["Unattributed quotes", ["“Nobody knows.”"]]
            ])
        );
        let putin = &symbols[0];
        assert_eq!(putin.range.start.line, 0);
        assert_eq!(putin.range.end.line, 6);
        assert_eq!(putin.detail.as_deref(), Some("Russian President"));
    }

    #[test]
    fn workspace_symbols_match_names_and_words() {
        let snap = fixture::snapshot();
        let mut out = Vec::new();
        workspace_symbols(&snap, Encoding::Utf16, "putin", 100, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].container_name.as_deref(), Some("putin.txt"));
        out.clear();
        workspace_symbols(&snap, Encoding::Utf16, "heroically", 100, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].container_name.as_deref(), Some("Vladimir Putin"));
    }
}
