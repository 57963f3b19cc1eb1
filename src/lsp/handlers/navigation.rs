//! Go to definition (a quote or pronoun → where its speaker is first named in full),
//! references (every quote by that speaker) and document highlight (those quotes and the
//! speaker's mentions).

use super::{speaker_at, Ctx};
use tower_lsp_server::ls_types::{DocumentHighlight, DocumentHighlightKind, Location, Position};

fn speaker_here(ctx: &Ctx, position: Position) -> Option<usize> {
    if !ctx.settings.enable {
        return None;
    }
    speaker_at(ctx.analysis(), ctx.snap.offset(position, ctx.enc))
}

pub fn definition(ctx: &Ctx, position: Position) -> Option<Location> {
    let speaker = ctx.analysis().speakers.get(speaker_here(ctx, position)?)?;
    Some(Location::new(
        ctx.snap.uri.clone(),
        ctx.snap.range(speaker.first, ctx.enc),
    ))
}

pub fn references(ctx: &Ctx, position: Position, include_declaration: bool) -> Vec<Location> {
    let Some(index) = speaker_here(ctx, position) else {
        return Vec::new();
    };
    let analysis = ctx.analysis();
    let mut spans: Vec<_> = analysis.quotes_by(index).map(|q| q.span).collect();
    if include_declaration {
        if let Some(speaker) = analysis.speakers.get(index) {
            spans.push(speaker.first);
        }
    }
    spans.sort();
    spans.dedup();
    spans
        .into_iter()
        .map(|s| Location::new(ctx.snap.uri.clone(), ctx.snap.range(s, ctx.enc)))
        .collect()
}

pub fn highlights(ctx: &Ctx, position: Position) -> Vec<DocumentHighlight> {
    let Some(index) = speaker_here(ctx, position) else {
        return Vec::new();
    };
    let analysis = ctx.analysis();
    let mut marks: Vec<_> = analysis
        .quotes_by(index)
        .map(|q| (q.span, DocumentHighlightKind::TEXT))
        .collect();
    if let Some(speaker) = analysis.speakers.get(index) {
        marks.extend(speaker.mentions.iter().map(|&m| {
            // The full first reference reads as the "declaration".
            let kind = if m == speaker.first {
                DocumentHighlightKind::WRITE
            } else {
                DocumentHighlightKind::READ
            };
            (m, kind)
        }));
    }
    marks.sort_by_key(|(span, _)| *span);
    marks.dedup_by_key(|(span, _)| *span);
    marks
        .into_iter()
        .map(|(span, kind)| DocumentHighlight {
            range: ctx.snap.range(span, ctx.enc),
            kind: Some(kind),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::lsp::position::{offset_to_position, Encoding};

    #[test]
    fn pronoun_and_quote_lead_to_the_first_full_name() {
        let fx = fixture::Fixture::new();
        let ctx = fx.ctx(Encoding::Utf16);
        let at = |needle: &str| {
            offset_to_position(
                &fx.snap.rope,
                fixture::find(needle, 0).start,
                Encoding::Utf16,
            )
        };
        let first = ctx.snap.range(fixture::find("Vladimir Putin", 0), ctx.enc);
        assert_eq!(
            definition(&ctx, at("he said")).map(|l| l.range),
            Some(first)
        );
        assert_eq!(
            definition(&ctx, at("Our guys")).map(|l| l.range),
            Some(first)
        );
        assert_eq!(definition(&ctx, at("\"Nobody")), None);
        assert_eq!(references(&ctx, at("he said"), false).len(), 3);
        assert_eq!(references(&ctx, at("he said"), true).len(), 4);
        // 3 quotes + 3 mentions.
        assert_eq!(highlights(&ctx, at("Our guys")).len(), 6);
    }
}
