//! The sourcing code lens: one line above the top of the article (its headline or first
//! paragraph), `8 quotes · 5 speakers · 1 anonymous · 1 unattributed`, counted as
//! `saidso report` counts them; clicking it runs [`SPEAKER_TABLE`], which shows who is quoted.
//!
//! A document with no quote and no source gets no lens: a README or a note has nothing to
//! count, and an empty "0 quotes" line on every file would be noise.

use super::execute_command::SPEAKER_TABLE;
use super::{article_of, Ctx};
use crate::analysis::Span;
use serde_json::Value;
use tower_lsp_server::ls_types::{CodeLens, Command};

pub fn code_lenses(ctx: &Ctx) -> Vec<CodeLens> {
    if !ctx.settings.enable {
        return Vec::new();
    }
    let article = article_of(ctx);
    if article.quotes.is_empty() && article.speakers.is_empty() {
        return Vec::new();
    }
    // At the start of the first paragraph: the headline, or the lede when there is none.
    let at = ctx
        .analysis()
        .paragraphs
        .first()
        .map_or(0, |p| p.span.start);
    let mut range = ctx.snap.range(Span::new(at, at), ctx.enc);
    range.start.character = 0;
    range.end = range.start;
    vec![CodeLens {
        range,
        command: Some(Command {
            title: article.lens_summary(),
            command: SPEAKER_TABLE.to_string(),
            arguments: Some(vec![Value::String(ctx.snap.uri.as_str().to_string())]),
        }),
        data: None,
    }]
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::lsp::position::Encoding;
    use serde_json::json;

    #[test]
    fn one_lens_at_the_top_with_the_counts() {
        let fx = fixture::Fixture::new();
        let lenses = code_lenses(&fx.ctx(Encoding::Utf16));
        assert_eq!(
            serde_json::to_value(&lenses).expect("json"),
            json!([{
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                "command": {
                    "title": "4 quotes · 1 speaker · 1 unattributed",
                    "command": "saidso.speakerTable",
                    "arguments": ["file:///news/putin.txt"]
                }
            }])
        );
    }

    #[test]
    fn none_when_disabled_or_nothing_is_quoted() {
        let fx = fixture::Fixture::new();
        let mut settings = fixture::settings();
        settings.enable = false;
        let ctx = Ctx {
            snap: &fx.snap,
            enc: Encoding::Utf16,
            settings: &settings,
        };
        assert!(code_lenses(&ctx).is_empty());
        let plain = fixture::snapshot_of(
            "Notes for the desk.\n",
            crate::analysis::analyze("Notes for the desk.\n", crate::analysis::DocKind::Text),
        );
        let settings = fixture::settings();
        let ctx = Ctx {
            snap: &plain,
            enc: Encoding::Utf16,
            settings: &settings,
        };
        assert!(code_lenses(&ctx).is_empty());
    }
}
