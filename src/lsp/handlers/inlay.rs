//! Inlay hints: the speaker's short name after each quote whose speaker the text does not
//! name right there (pronoun, continuation, colon introduction, same paragraph, headline).
//!
//! An explicit `Putin said`, `according to X` or a sentence with the speaker as its subject
//! already tells the reader; a hint there would be noise.

use super::{short_name, Ctx};
use crate::analysis::Method;
use tower_lsp_server::ls_types::{
    InlayHint, InlayHintLabel, InlayHintTooltip, MarkupContent, MarkupKind, Range,
};

pub fn inlay_hints(ctx: &Ctx, range: Range) -> Vec<InlayHint> {
    if !ctx.settings.enable || !ctx.settings.inlay_hints {
        return Vec::new();
    }
    let wanted = ctx.snap.span(range, ctx.enc);
    let analysis = ctx.analysis();
    analysis
        .quotes
        .iter()
        .filter(|q| q.span.end >= wanted.start && q.span.end <= wanted.end)
        .filter_map(|q| {
            let a = q.attribution.as_ref()?;
            // The speaker is named in the quote's own sentence for these.
            if matches!(
                a.method,
                Method::Explicit | Method::According | Method::Subject
            ) {
                return None;
            }
            let speaker = analysis.speakers.get(a.speaker)?;
            let how = match a.method {
                Method::Pronoun => "a pronoun cue",
                Method::Continuation => "continuing the previous paragraph's quote",
                Method::ColonIntro => "the colon introduction before it",
                Method::SameParagraph => "a cue elsewhere in the paragraph",
                Method::Headline => "the headline form `Name: …`",
                Method::Explicit | Method::According | Method::Subject => "an explicit cue",
            };
            Some(InlayHint {
                position: ctx.snap.range(q.span, ctx.enc).end,
                label: InlayHintLabel::String(format!("— {}", short_name(speaker))),
                kind: None,
                text_edits: None,
                tooltip: Some(InlayHintTooltip::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: format!("Said by **{}**, found through {how}.", speaker.name),
                })),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::lsp::position::Encoding;
    use tower_lsp_server::ls_types::Position;

    #[test]
    fn hints_only_where_the_speaker_is_not_named() {
        let snap = fixture::snapshot();
        let mut settings = fixture::settings();
        let all = Range::new(Position::new(0, 0), Position::new(99, 0));
        let ctx = Ctx {
            snap: &snap,
            enc: Encoding::Utf16,
            settings: &settings,
        };
        let hints = inlay_hints(&ctx, all);
        let got: Vec<_> = hints
            .iter()
            .map(|h| match &h.label {
                InlayHintLabel::String(s) => (h.position.line, h.position.character, s.clone()),
                InlayHintLabel::LabelParts(_) => unreachable!(),
            })
            .collect();
        assert_eq!(
            got,
            vec![(4, 43, "— Putin".to_owned()), (6, 35, "— Putin".to_owned())]
        );
        let first_line_only = Range::new(Position::new(0, 0), Position::new(5, 0));
        assert_eq!(inlay_hints(&ctx, first_line_only).len(), 1);
        settings.inlay_hints = false;
        let ctx = Ctx {
            snap: &snap,
            enc: Encoding::Utf16,
            settings: &settings,
        };
        assert!(inlay_hints(&ctx, all).is_empty());
    }
}
