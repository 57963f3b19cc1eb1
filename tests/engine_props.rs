//! Property tests standing in for fuzzing (no nightly toolchain here): whatever the input, the
//! engine returns an analysis, never panics, and every range it hands out lies on `char`
//! boundaries inside the text, in order.

use proptest::prelude::*;
use saidso::analysis::{analyze, Analysis, DocKind, Span};

mod support;
use support::drafts;

/// Pieces of news copy and of Markdown (see `support::drafts`).
const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "''",
    "«",
    "»",
    "\n\n",
    "\r\n",
    " said ",
    " he said.",
    "Vladimir Putin",
    "according to a White House official,",
    ", a campaign spokeswoman, ",
    "Sen. ",
    ": ",
    "```\n",
    "`",
    "<!-- ",
    " -->",
    "[link](http://x/\"y\")",
    "---\n",
    "# ",
    "- ",
    "> ",
    "🙂",
    "é",
];

fn document() -> impl Strategy<Value = String> {
    drafts::draft(PIECES)
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what} {span} reversed");
    assert!(
        span.end <= text.len(),
        "{what} {span} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start),
        "{what} {span} start not on a char boundary"
    );
    assert!(
        text.is_char_boundary(span.end),
        "{what} {span} end not on a char boundary"
    );
}

fn assert_well_formed(text: &str, a: &Analysis) {
    for p in &a.paragraphs {
        assert_span(text, p.span, "paragraph");
        for s in &p.sentences {
            assert_span(text, *s, "sentence");
            assert!(
                p.span.covers(*s),
                "sentence {s} outside paragraph {}",
                p.span
            );
        }
    }
    for q in &a.quotes {
        assert_span(text, q.span, "quote");
        assert_span(text, q.inner, "quote inner");
        assert!(
            q.span.covers(q.inner),
            "inner {} outside quote {}",
            q.inner,
            q.span
        );
        assert!(q.paragraph < a.paragraphs.len());
        if let Some(at) = &q.attribution {
            assert!(at.speaker < a.speakers.len());
            assert!((0.0..=1.0).contains(&at.confidence));
            for s in [at.cue, at.mention, at.source].into_iter().flatten() {
                assert_span(text, s, "attribution");
            }
        }
    }
    for w in a.quotes.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "quotes overlap: {} {}",
            w[0].span,
            w[1].span
        );
    }
    for s in &a.speakers {
        assert_span(text, s.first, "speaker");
        for m in &s.mentions {
            assert_span(text, *m, "mention");
        }
    }
    for c in &a.claims {
        assert_span(text, c.span, "claim");
        assert!(c.speaker < a.speakers.len());
    }
    for f in &a.findings {
        assert_span(text, f.span, "finding");
        for r in &f.related {
            assert_span(text, r.span, "related");
        }
        assert!(f.candidates.iter().all(|&c| c < a.speakers.len()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn plain_text_never_panics_and_ranges_stay_on_char_boundaries(text in document()) {
        let a = analyze(&text, DocKind::Text);
        assert_well_formed(&text, &a);
    }

    #[test]
    fn markdown_never_panics_and_ranges_stay_on_char_boundaries(text in document()) {
        let a = analyze(&text, DocKind::Markdown);
        assert_well_formed(&text, &a);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}") {
        assert_well_formed(&text, &analyze(&text, DocKind::Text));
        assert_well_formed(&text, &analyze(&text, DocKind::Markdown));
    }
}
