//! Incremental analysis (`analysis::Incremental`, what the language server runs on every
//! keystroke) must give exactly what a fresh analysis gives: after every one of a run of random
//! edits to real copy, the incremental result equals `analyze_with` on the same text, field for
//! field. And it must actually reuse work, or it is not incremental at all.

use proptest::prelude::*;
use saidso::analysis::{analyze_with, DocKind, Incremental, Options};

mod support;
use support::drafts;

const PUTIN: &str = include_str!("../examples/putin-press-conference.txt");
const COUNCIL: &str = include_str!("../examples/council-draft.md");
const STYLE: &str = include_str!("../examples/style-draft.txt");

/// What a writer types or pastes: words, speech verbs, names, quotation marks of every kind,
/// paragraph breaks, Markdown — the edits that move quotations, cues and sentence ends.
const TYPED: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "\n\n",
    "\n",
    ". ",
    " said ",
    ", he said. ",
    " she told reporters:",
    " according to a Kremlin spokesman, ",
    "Dmitry Peskov",
    "Putin",
    "\"We will see,\" Smith said.",
    "**",
    "# ",
    "`",
    "é🙂",
];

#[derive(Debug, Clone)]
enum Edit {
    /// Insert text at a fraction of the document's length.
    Insert(f64, String),
    /// Delete up to `n` characters from a fraction of the way in.
    Delete(f64, usize),
    /// Copy a stretch of the document to elsewhere (a pasted paragraph or sentence).
    Duplicate(f64, usize, f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0.0..1.0f64, drafts::fragment(TYPED)).prop_map(|(at, s)| Edit::Insert(at, s)),
        3 => (0.0..1.0f64, 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => (0.0..1.0f64, 1usize..300, 0.0..1.0f64)
            .prop_map(|(from, n, to)| Edit::Duplicate(from, n, to)),
    ]
}

/// The byte offset of the char boundary at or after fraction `at` of `text`.
fn boundary(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// `n` characters from `at`, as a byte range.
fn chars_from(text: &str, at: usize, n: usize) -> std::ops::Range<usize> {
    let end = text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i);
    at..end
}

fn apply(text: &mut String, edit: &Edit) {
    match edit {
        Edit::Insert(at, s) => {
            let i = boundary(text, *at);
            text.insert_str(i, s);
        }
        Edit::Delete(at, n) => {
            let i = boundary(text, *at);
            let r = chars_from(text, i, *n);
            text.replace_range(r, "");
        }
        Edit::Duplicate(from, n, to) => {
            let i = boundary(text, *from);
            let piece = text[chars_from(text, i, *n)].to_string();
            let j = boundary(text, *to);
            text.insert_str(j, &piece);
        }
    }
}

fn check_edits(start: &str, kind: DocKind, options: &Options, edits: &[Edit]) {
    let mut inc = Incremental::new();
    let mut text = start.to_string();
    assert_eq!(
        inc.analyze(&text, kind, options),
        analyze_with(&text, kind, options)
    );
    for (n, e) in edits.iter().enumerate() {
        apply(&mut text, e);
        let incremental = inc.analyze(&text, kind, options);
        let full = analyze_with(&text, kind, options);
        assert!(
            incremental == full,
            "after edit {n} ({e:?}) the incremental analysis differs from a full one:\n{text}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn incremental_equals_full_after_random_edits_to_a_news_story(
        edits in prop::collection::vec(edit(), 1..16)
    ) {
        check_edits(PUTIN, DocKind::Text, &Options::default(), &edits);
    }

    #[test]
    fn incremental_equals_full_after_random_edits_to_markdown(
        edits in prop::collection::vec(edit(), 1..16)
    ) {
        check_edits(COUNCIL, DocKind::Markdown, &Options::default(), &edits);
    }

    #[test]
    fn incremental_equals_full_under_a_house_style(
        edits in prop::collection::vec(edit(), 1..12)
    ) {
        let options = Options {
            speech_verbs: vec!["quipped".to_string(), "opined".to_string()],
            ..Options::default()
        };
        let text = format!("{STYLE}\n\n\"It works,\" Jones quipped.\n");
        check_edits(&text, DocKind::Text, &options, &edits);
    }
}

#[test]
fn an_edit_reanalyses_only_the_sentence_it_touches() {
    let mut inc = Incremental::new();
    let options = Options::default();
    let mut text = PUTIN.to_string();
    inc.analyze(&text, DocKind::Text, &options);
    let first = inc.stats();
    assert_eq!(first.sentences_reused, 0, "{first:?}");
    // A word typed into the middle of a sentence of the third paragraph.
    let at = text.match_indices(". ").nth(8).map(|(i, _)| i).unwrap_or(0);
    text.insert_str(at, " indeed");
    let a = inc.analyze(&text, DocKind::Text, &options);
    let stats = inc.stats();
    assert_eq!(stats.sentences_computed, 1, "{stats:?}");
    assert_eq!(
        stats.sentences_reused + 1,
        first.sentences_computed,
        "{stats:?}"
    );
    assert_eq!(stats.paragraphs_computed, 1, "{stats:?}");
    assert_eq!(a, analyze_with(&text, DocKind::Text, &options));
}

#[test]
fn a_changed_house_style_is_not_served_from_the_memo() {
    let text = "The council met on Monday.\n\nJones zorbled that \"it works\" and left.\n";
    let house = Options {
        speech_verbs: vec!["zorble".to_string()],
        ..Options::default()
    };
    // The house verb makes a cue, so the two styles really do read the text differently.
    let plain = analyze_with(text, DocKind::Text, &Options::default());
    let styled = analyze_with(text, DocKind::Text, &house);
    assert_ne!(plain, styled);
    let mut inc = Incremental::new();
    assert_eq!(inc.analyze(text, DocKind::Text, &Options::default()), plain);
    assert_eq!(inc.analyze(text, DocKind::Text, &house), styled);
    assert_eq!(inc.analyze(text, DocKind::Text, &Options::default()), plain);
}
