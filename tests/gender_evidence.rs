//! The text's own evidence of a speaker's gender (`Speaker::gender_evidence`), which the
//! sourcing report counts: a gendered title or role word, a pronoun cue, or — only when the
//! text gives nothing else — a first name's usual gender, marked as a guess. Organisations and
//! groups have none, and neither has anyone the text says nothing about.
//!
//! Each case renders every speaker as `Name: gender/source` (or `Name: unknown`).

use saidso::analysis::{analyze, DocKind};

#[track_caller]
fn check(text: &str, expect: &str) {
    let a = analyze(text, DocKind::Text);
    let got: Vec<String> = a
        .speakers
        .iter()
        .map(|s| match s.gender_evidence {
            Some(e) => format!(
                "{}: {}/{}",
                s.name,
                match e.gender {
                    saidso::analysis::Gender::Male => "male",
                    saidso::analysis::Gender::Female => "female",
                    saidso::analysis::Gender::Plural => "plural",
                },
                e.source.as_str()
            ),
            None => format!("{}: unknown", s.name),
        })
        .collect();
    let want: Vec<&str> = expect
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(got.join("\n"), want.join("\n"), "\n--- input ---\n{text}\n");
}

#[test]
fn a_first_name_alone_is_a_guess() {
    check(
        "\"We will talk,\" Vladimir Putin said on Thursday.",
        "Vladimir Putin: male/first-name",
    );
}

#[test]
fn a_pronoun_cue_is_the_text_speaking() {
    check(
        "Mayor Ana Ortiz opened the meeting.\n\n\"We will rebuild the bridge,\" she said.",
        "Ana Ortiz: female/pronoun",
    );
}

#[test]
fn titles_and_honorifics_say_it_outright() {
    check(
        "\"The money is not there,\" said Councilman Dale Brooks.",
        "Dale Brooks: male/title",
    );
    check(
        "\"We disagree,\" Ms. Okonkwo said.",
        "Okonkwo: female/title",
    );
}

#[test]
fn a_gendered_role_noun_describes_an_unnamed_source() {
    check(
        "\"No decision has been made,\" a spokeswoman for the council said.",
        "a spokeswoman for the council: female/title",
    );
}

#[test]
fn unknown_is_a_value_of_its_own() {
    check(
        "\"The plan works,\" said Zorbal Quint.\n\n\"It does not,\" the Kremlin said.",
        "Zorbal Quint: unknown\nKremlin: unknown",
    );
}
