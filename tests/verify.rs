//! Quotes checked against their sources, case by case: each test gives a draft, the
//! transcripts or notes it quotes, and the verdict expected for every quote.
//!
//! A verdict line reads `words | speaker check | passage speakers | changes => findings`:
//! `"We won't go" found | same | LOPEZ | - => -`. The transcripts are written for these tests.

use saidso::analysis::{analyze, DocKind};
use saidso::verify::{verify, Cache, Source};

/// The verdicts for every checked quote of `draft` against `sources` (name, text).
fn verdicts(draft: &str, kind: DocKind, sources: &[(&str, &str)]) -> Vec<String> {
    let analysis = analyze(draft, kind);
    let sources: Vec<Source> = sources.iter().map(|(n, t)| Source::new(*n, *t)).collect();
    let refs: Vec<&Source> = sources.iter().collect();
    let report = verify(draft, &analysis, &refs, &mut Cache::new());
    report
        .checks
        .iter()
        .map(|c| {
            let words: Vec<&str> = c.inner.text(draft).split_whitespace().collect();
            let speakers = c
                .passage
                .as_ref()
                .map(|p| p.speakers.join("+"))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "-".into());
            let changes: Vec<String> = c.changes.iter().map(|ch| ch.describe(draft)).collect();
            let findings: Vec<&str> = report
                .findings
                .iter()
                .filter(|f| f.span == c.span)
                .map(|f| f.rule.id())
                .collect();
            format!(
                "\"{}\" {} | {} | {} | {} => {}",
                words.join(" "),
                c.words.as_str(),
                c.speaker_check.as_str(),
                speakers,
                if changes.is_empty() {
                    "-".into()
                } else {
                    changes.join("; ")
                },
                if findings.is_empty() {
                    "-".into()
                } else {
                    findings.join(", ")
                }
            )
        })
        .collect()
}

fn check(draft: &str, sources: &[(&str, &str)], expect: &[&str]) {
    assert_eq!(
        verdicts(draft, DocKind::Text, sources),
        expect,
        "draft: {draft}"
    );
}

const COUNCIL: &str =
    "[00:01:05] MAYOR MARIA LOPEZ: Good evening. We will not raise taxes this year.\n\
[00:01:40] Rep. Tom Cole: The county budget is another matter. We need the state's help.\n\
[00:02:10] REPORTER: Will you run again in the spring?\n\
[00:02:15] MARIA LOPEZ: I have not decided. Ask me after the budget.\n";

#[test]
fn labelled_turns_give_the_words_to_their_speaker() {
    check(
        "Mayor Maria Lopez spoke on Monday.\n\n\"We will not raise taxes this year,\" Lopez said.\n\n\
         \"We need the state's help,\" said Rep. Tom Cole, a Republican.\n",
        &[("council.txt", COUNCIL)],
        &[
            "\"We will not raise taxes this year,\" found | same | MAYOR MARIA LOPEZ | - => -",
            "\"We need the state's help,\" found | same | Rep. Tom Cole | - => -",
        ],
    );
}

#[test]
fn words_of_another_speaker_are_an_error() {
    check(
        "Mayor Maria Lopez spoke on Monday.\n\n\"We need the state's help,\" Lopez said.\n",
        &[("council.txt", COUNCIL)],
        &["\"We need the state's help,\" found | mismatch | Rep. Tom Cole | - => quote-speaker-mismatch"],
    );
}

#[test]
fn questions_and_answers() {
    let interview = "Q: Will the plant close?\nA: Not while I am mayor. The jobs stay here.\nQ: And the union?\nA: We talk every week.\n";
    check(
        "Maria Lopez met the union on Friday.\n\n\"Not while I am mayor,\" Lopez said.\n\n\
         \"Will the plant close?\" Lopez said.\n",
        &[("interview.txt", interview)],
        &[
            // `A:` is the interviewee, whom the transcript does not name: not held against the draft.
            "\"Not while I am mayor,\" found | unchecked | A | - => -",
            // The question is the interviewer's words, never the answer's.
            "\"Will the plant close?\" found | mismatch | Q | - => quote-speaker-mismatch",
        ],
    );
}

#[test]
fn notes_without_labels_are_nobody_in_particular() {
    let notes = "Lopez, 10:30, city hall steps. Said taxes stay flat; \"we will not raise taxes this year\".\n\
                 Budget vote Thursday. Cole not there.\n";
    check(
        "Maria Lopez spoke on Monday.\n\n\"We will not raise taxes this year,\" Lopez said.\n",
        &[("notes.txt", notes)],
        &["\"We will not raise taxes this year,\" found | unchecked | - | - => -"],
    );
}

#[test]
fn ellipses_and_brackets_are_allowed_edits() {
    let source = "LOPEZ: It will pass. I promise you, the council will pass it, and soon. The city needs it.\nCOLE: We shall see.\n";
    check(
        "Maria Lopez spoke.\n\n\"I promise you … the city needs it,\" Lopez said.\n\n\
         \"[The budget] will pass,\" Lopez said.\n\n\"[T]he council will pass it [sic], and soon,\" Lopez said.\n",
        &[("t.txt", source)],
        &[
            "\"I promise you … the city needs it,\" found | same | LOPEZ | - => -",
            "\"[The budget] will pass,\" found | same | LOPEZ | - => -",
            "\"[T]he council will pass it [sic], and soon,\" found | same | LOPEZ | - => -",
        ],
    );
}

#[test]
fn one_word_changed_added_or_dropped_alters_the_quote() {
    let source = "LOPEZ: We will not raise taxes this year. The budget is balanced.\nCOLE: Fine.\n";
    check(
        "Maria Lopez spoke.\n\n\"We won't raise taxes this year,\" Lopez said.\n\n\
         \"The budget is perfectly balanced,\" Lopez said.\n\n\"We will not raise taxes,\" Lopez said. \
         \"The budget is balanced.\"\n\n\"We will not raise taxes year,\" Lopez said.\n",
        &[("t.txt", source)],
        &[
            "\"We won't raise taxes this year,\" altered | same | LOPEZ | source: *will not* — draft: *won't* => quote-altered",
            "\"The budget is perfectly balanced,\" altered | same | LOPEZ | draft adds *perfectly* => quote-altered",
            "\"We will not raise taxes,\" found | same | LOPEZ | - => -",
            "\"The budget is balanced.\" found | same | LOPEZ | - => -",
            "\"We will not raise taxes year,\" altered | same | LOPEZ | draft leaves out *this* => quote-altered",
        ],
    );
}

#[test]
fn the_fix_puts_the_source_words_back_and_keeps_the_edits() {
    let source = "LOPEZ: We will not raise taxes this year. The budget is balanced, and the schools get more.\nCOLE: Fine.\n";
    let draft = "Maria Lopez spoke.\n\n\"We won't raise taxes this year … the schools get much more,\" Lopez said.\n";
    let analysis = analyze(draft, DocKind::Text);
    let s = Source::new("t.txt", source);
    let report = verify(draft, &analysis, &[&s], &mut Cache::new());
    let fix = report.findings[0].fix.as_ref().expect("a fix");
    assert_eq!(fix.title, "Use the source's words");
    assert_eq!(
        fix.apply(draft),
        "Maria Lopez spoke.\n\n\"We will not raise taxes this year … the schools get more,\" Lopez said.\n"
    );
}

#[test]
fn a_quote_across_two_turns_joins_two_speakers() {
    check(
        "Maria Lopez spoke.\n\n\"Will you run again in the spring? I have not decided,\" Lopez said.\n",
        &[("council.txt", COUNCIL)],
        &["\"Will you run again in the spring? I have not decided,\" found | split | REPORTER+MARIA LOPEZ | - => quote-speaker-mismatch"],
    );
}

#[test]
fn the_same_words_from_two_people_are_ambiguous_not_guessed() {
    let source = "PESKOV: We will see what happens.\nLAVROV: Talks are possible. We will see what happens.\n";
    check(
        "Officials spoke on Monday.\n\n\"We will see what happens,\" a Kremlin official said.\n",
        &[("briefing.txt", source)],
        &["\"We will see what happens,\" found | ambiguous | PESKOV | - => -"],
    );
    // When the draft names one of them, the source agrees.
    check(
        "Dmitry Peskov spoke on Monday.\n\n\"We will see what happens,\" Peskov said.\n",
        &[("briefing.txt", source)],
        &["\"We will see what happens,\" found | same | PESKOV | - => -"],
    );
    // When it names neither, it is wrong whichever of them it was.
    check(
        "Vladimir Putin spoke on Monday.\n\n\"We will see what happens,\" Putin said.\n",
        &[("briefing.txt", source)],
        &["\"We will see what happens,\" found | mismatch | PESKOV | - => quote-speaker-mismatch"],
    );
}

#[test]
fn unicode_punctuation_and_crlf_do_not_matter() {
    let source = "KESSLER:\u{a0}“It’s not — and never was — a ‘deal’… frankly.”\r\nQ: Really?\r\nKESSLER: Yes.\r\n";
    check(
        "Anna Kessler spoke.\n\n\"It's not - and never was - a 'deal' ... frankly,\" Kessler said.\n",
        &[("k.txt", source)],
        &["\"It's not - and never was - a 'deal' ... frankly,\" found | same | KESSLER | - => -"],
    );
}

#[test]
fn missing_quotes_show_the_closest_passage() {
    check(
        "Maria Lopez spoke.\n\n\"We will crush them,\" Lopez said.\n\n\"Taxes are going up next year, sadly,\" Lopez said.\n",
        &[("council.txt", COUNCIL)],
        &[
            "\"We will crush them,\" missing | unchecked | MAYOR MARIA LOPEZ | draft adds *crush them* => quote-not-in-source",
            "\"Taxes are going up next year, sadly,\" missing | unchecked | - | - => quote-not-in-source",
        ],
    );
}

#[test]
fn scare_quotes_are_not_checked_and_partial_quotes_are() {
    check(
        "Maria Lopez rejected claims the vote was a \"defeat\" for the city but said taxes would \
         stay flat \"this year.\"\n",
        &[("council.txt", COUNCIL)],
        &["\"this year.\" found | same | MAYOR MARIA LOPEZ | - => -"],
    );
}

#[test]
fn headlines_decks_and_pull_quotes_must_quote_the_story() {
    let draft = "# Lopez: \"No new taxes, ever\"\n\n## \"The county budget is another matter,\" says Cole\n\n\
                 Mayor Maria Lopez spoke on Monday.\n\n\"We will not raise taxes this year,\" Lopez said.\n\n\
                 > \"We will not raise taxes,\" Lopez said.\n";
    assert_eq!(
        verdicts(draft, DocKind::Markdown, &[("council.txt", COUNCIL)]),
        [
            "\"No new taxes, ever\" missing | unchecked | - | - => headline-quote-unsupported",
            // Not in the story, but in the sources, from Cole: supported.
            "\"The county budget is another matter,\" found | same | Rep. Tom Cole | - => -",
            "\"We will not raise taxes this year,\" found | same | MAYOR MARIA LOPEZ | - => -",
            "\"We will not raise taxes,\" found | same | MAYOR MARIA LOPEZ | - => -",
        ]
    );
}

#[test]
fn display_quotes_with_other_words_or_another_speaker_are_unsupported() {
    let draft = "# Cole: \"We will not raise taxes\"\n\nMayor Maria Lopez spoke on Monday.\n\n\
                 \"We will not raise taxes this year,\" Lopez said.\n\n\
                 > \"We won't raise taxes this year,\" Lopez said.\n";
    assert_eq!(
        verdicts(draft, DocKind::Markdown, &[("council.txt", COUNCIL)]),
        [
            "\"We will not raise taxes\" found | mismatch | MAYOR MARIA LOPEZ | - => headline-quote-unsupported",
            "\"We will not raise taxes this year,\" found | same | MAYOR MARIA LOPEZ | - => -",
            "\"We won't raise taxes this year,\" altered | same | MAYOR MARIA LOPEZ | source: *will not* — draft: *won't* => headline-quote-unsupported",
        ]
    );
    // Without sources the story alone decides; the pull quote's fix uses the story's words.
    let analysis = analyze(draft, DocKind::Markdown);
    let report = verify(draft, &analysis, &[], &mut Cache::new());
    let pull = report.findings.last().expect("a finding");
    assert_eq!(
        pull.message,
        "The pull quote changes the words of the story (Maria Lopez): source: *will not* — draft: *won't*."
    );
    let fix = pull.fix.as_ref().expect("a fix");
    assert_eq!(fix.title, "Use the story's words");
    assert!(fix
        .apply(draft)
        .ends_with("> \"We will not raise taxes this year,\" Lopez said.\n"));
}

/// The seed article against a transcript made from its own quotes, with one word changed
/// (`heroically` → `bravely`) and one quote put in a reporter's question.
#[test]
fn the_seed_article_against_its_transcript_gives_exactly_the_two_planted_findings() {
    let seed = include_str!("../examples/putin-press-conference.txt");
    let transcript = include_str!("data/verify/seed-transcript.txt");
    let analysis = analyze(seed, DocKind::Text);
    let source = Source::new("seed-transcript.txt", transcript);
    let report = verify(seed, &analysis, &[&source], &mut Cache::new());
    let found: Vec<(&str, String)> = report
        .findings
        .iter()
        .map(|f| (f.rule.id(), f.message.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "quote-speaker-mismatch",
                "The source gives these words to REPORTER, not to Vladimir Putin (seed-transcript.txt:5)."
                    .to_owned()
            ),
            (
                "quote-altered",
                "The quote differs from the source (seed-transcript.txt:14, PUTIN): source: *bravely* — draft: *heroically*."
                    .to_owned()
            ),
        ]
    );
    // Every speech quote was checked: nine of them (the scare quote "defeat" is not speech).
    assert_eq!(report.checks.len(), 9);
}
