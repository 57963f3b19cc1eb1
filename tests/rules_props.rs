//! Property tests for the style rules' fixes: whatever the draft and house style, every fix
//! edit lies on `char` boundaries inside the text, the edits of one fix do not overlap, no
//! edit rewrites the words inside a quotation, and applying all fixes never panics.

use proptest::prelude::*;
use saidso::analysis::{analyze_with, apply_edits, Analysis, DocKind, HouseTense, Options};

mod support;
use support::drafts;

/// News-copy pieces that make the style rules fire (see `support::drafts`).
const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "''",
    "\n\n",
    "\r\n",
    " said ",
    " says ",
    ", said Putin.",
    " claimed that ",
    " she laughed.",
    "Maria Lopez",
    " Lopez ",
    "a source said",
    "people familiar with the talks said",
    "# saidso-disable-next-line loaded-verb\n",
    "<!-- saidso-disable-line -->",
    "Sen. ",
    ": ",
    "- ",
    "> ",
    "🙂",
    "é",
];

fn document() -> impl Strategy<Value = String> {
    drafts::draft(PIECES)
}

fn options() -> impl Strategy<Value = Options> {
    (any::<bool>(), any::<bool>()).prop_map(|(says, custom)| Options {
        tense: if says {
            HouseTense::Says
        } else {
            HouseTense::Said
        },
        loaded_verbs: custom.then(|| vec!["said".into(), "declare".into()]),
        anonymity_phrases: vec!["lopez".into()],
        ..Options::default()
    })
}

fn assert_fixes_well_formed(text: &str, a: &Analysis) {
    for f in &a.findings {
        let Some(fix) = &f.fix else { continue };
        let mut last_end = 0;
        for e in &fix.edits {
            assert!(
                e.span.start <= e.span.end && e.span.end <= text.len(),
                "{}",
                e.span
            );
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            assert!(e.span.start >= last_end, "edits of one fix overlap");
            last_end = e.span.end;
            // The speaker's words are never rewritten (an insertion at a quote's edge, or the
            // removal of a mark, is not inside its words).
            for q in &a.quotes {
                let inside = q.inner.start < e.span.end && e.span.start < q.inner.end;
                assert!(
                    !inside || e.span.is_empty() && e.span.start == q.inner.start,
                    "{} edits inside quote {} ({})",
                    f.rule.id(),
                    q.inner,
                    fix.title
                );
            }
        }
    }
    let all = a
        .findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .flat_map(|fix| fix.edits.iter());
    let _ = apply_edits(text, all);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn fixes_are_well_formed_in_plain_text(text in document(), options in options()) {
        assert_fixes_well_formed(&text, &analyze_with(&text, DocKind::Text, &options));
    }

    #[test]
    fn fixes_are_well_formed_in_markdown(text in document(), options in options()) {
        assert_fixes_well_formed(&text, &analyze_with(&text, DocKind::Markdown, &options));
    }

    #[test]
    fn arbitrary_unicode_never_panics_with_options(text in "\\PC{0,300}", options in options()) {
        assert_fixes_well_formed(&text, &analyze_with(&text, DocKind::Text, &options));
    }
}
