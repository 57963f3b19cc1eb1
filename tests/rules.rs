//! Data-driven tests of the style rules: a snippet in, every finding out as
//! `! rule-id "text at the span"` (and `  fix: title` when the rule offers one), compared as
//! text so a failure shows the whole picture. Each rule has positive cases and, as important,
//! negative ones: published copy that follows the convention must stay quiet. Snippets are
//! written for these tests in the style of news copy; none comes from the evaluation corpus.

use saidso::analysis::{analyze, analyze_with, apply_edits, DocKind, HouseTense, Options};
use saidso::config::Config;

fn render(text: &str, options: &Options) -> String {
    let a = analyze_with(text, DocKind::Text, options);
    let mut out = Vec::new();
    for f in &a.findings {
        out.push(format!("! {} \"{}\"", f.rule.id(), f.span.text(text)));
        if let Some(fix) = &f.fix {
            out.push(format!("  fix: {}", fix.title));
        }
    }
    out.join("\n")
}

#[track_caller]
fn check_with(text: &str, options: &Options, expect: &str) {
    let got = render(text, options);
    let want: Vec<&str> = expect
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.strip_prefix("        ").unwrap_or(l))
        .collect();
    assert_eq!(got, want.join("\n"), "\n--- input ---\n{text}\n");
}

#[track_caller]
fn check(text: &str, expect: &str) {
    check_with(text, &Options::default(), expect);
}

/// The text after applying every fix of `rule`'s findings.
#[track_caller]
fn fixed(text: &str, rule: &str) -> String {
    let a = analyze(text, DocKind::Text);
    let edits: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.rule.id() == rule)
        .filter_map(|f| f.fix.as_ref())
        .flat_map(|fix| fix.edits.iter())
        .collect();
    assert!(!edits.is_empty(), "no {rule} fix for:\n{text}");
    apply_edits(text, edits)
}

// ---- running-quote ----

#[test]
fn running_quote_missing_reopening_mark() {
    let text =
        "\"We cut what we could,\" Mayor Ana Ortiz said. \"The rest is up to the council.\n\n\
                And the schools will pay for it,\" she said.";
    check(
        text,
        r#"
        ! running-quote "And"
          fix: Open the paragraph with "
        "#,
    );
    assert!(fixed(text, "running-quote").contains("\n\n\"And the schools"));
}

#[test]
fn running_quote_closed_before_continuation() {
    let text = "\"We cut what we could,\" Mayor Ana Ortiz said. \"The rest is up to the council \
                and to the voters of this city.\"\n\n\
                \"We will not raise taxes this year, and we will not close a school.\"";
    check(
        text,
        r#"
        ! running-quote """
          fix: Remove the closing mark
        "#,
    );
    assert_eq!(
        fixed(text, "running-quote"),
        text.replacen("city.\"", "city.", 1)
    );
}

#[test]
fn running_quote_partial_quote_must_close() {
    let text = "Ortiz called the cuts \"a disaster for every family in the city.\n\n\
                \"We will fight them in court,\" she said.";
    check(
        text,
        r#"
        ! running-quote """
          fix: Close the partial quote with "
        "#,
    );
    assert!(fixed(text, "running-quote")
        .starts_with("Ortiz called the cuts \"a disaster for every family in the city.\"\n\n"));
}

#[test]
fn running_quote_done_right_is_quiet() {
    // The convention itself: open, reopen, close once.
    check(
        "\"We cut what we could,\" Mayor Ana Ortiz said. \"The rest is up to the council.\n\n\
         \"And the schools will not pay for it. Not this year.\"",
        "",
    );
    // The partial-quote exception: a fragment closes even though the speaker goes on.
    check(
        "Ortiz called the plan \"a disaster for the city.\"\n\n\
         \"We will fight it in court and we will win this time.\"",
        "",
    );
    // The next paragraph has a cue of its own: a new quote, closing is right.
    check(
        "\"We cut what we could,\" Mayor Ana Ortiz said. \"The rest is up to the council and to \
         the voters of this city.\"\n\n\
         \"We will not raise taxes this year,\" she added.",
        "",
    );
}

// ---- restate-attribution ----

#[test]
fn restate_after_three_paragraphs() {
    check(
        "\"We have the votes,\" Senator Maria Lopez said on Tuesday.\n\n\
         \"The bill will pass this week.\" The vote is set for Thursday.\n\n\
         \"Nobody wants another shutdown.\" Lawmakers return on Monday.\n\n\
         \"And the voters will remember who stood in the way.\"",
        r#"
        ! restate-attribution ""And the voters will remember who stood in the way.""
        "#,
    );
}

#[test]
fn restate_quiet_when_the_next_speaker_goes_on_in_the_paragraph() {
    // The reader takes the last quote as Hale's; the rule must not say otherwise.
    check(
        "\"We have the votes,\" Senator Maria Lopez said. \"We will not,\" Governor Frank \
         Hale said.\n\nThe vote is on Thursday. \"It won't pass,\" Hale predicted. \"The \
         votes just aren't there.\"",
        r#"
        ! one-speaker-per-paragraph ""We will not,""
          fix: Start a new paragraph here
        "#,
    );
}

#[test]
fn restate_quiet_for_close_continuations_and_running_quotes() {
    check(
        "\"We have the votes,\" Senator Maria Lopez said on Tuesday.\n\n\
         \"The bill will pass this week.\"\n\n\
         Lawmakers return on Monday.",
        "",
    );
    // One running quote over four paragraphs is one quote, attributed at its start.
    check(
        "\"We have the votes,\" Senator Maria Lopez said on Tuesday. \"The bill will pass.\n\n\
         \"Nobody wants another shutdown.\n\n\
         \"The governor knows it.\n\n\
         \"And the voters will remember who stood in the way.\"",
        "",
    );
}

// ---- loaded-verb ----

#[test]
fn loaded_verbs_in_attribution() {
    check(
        "\"We did nothing wrong,\" the company claimed.\n\n\
         Councilman Dale Brooks admitted that the budget was short.\n\n\
         \"That is a good one,\" Brooks laughed.\n\n\
         \"Not again,\" sighed Mayor Ana Ortiz.\n\n\
         \"Fine,\" Ortiz grinned.\n\n\
         The mayor insists the plan works.",
        r#"
        ! loaded-verb "claimed"
          fix: Replace "claimed" with "said"
        ! loaded-verb "admitted"
          fix: Replace "admitted" with "said"
        ! loaded-verb "laughed"
          fix: Replace "laughed" with "said"
        ! loaded-verb "sighed"
          fix: Replace "sighed" with "said"
        ! loaded-verb "grinned"
          fix: Replace "grinned" with "said"
        ! loaded-verb "insists"
          fix: Replace "insists" with "says"
        "#,
    );
}

#[test]
fn loaded_verb_fix_keeps_tense() {
    let text = "The mayor insists the plan works. Brooks conceded that it might.";
    assert_eq!(
        fixed(text, "loaded-verb"),
        "The mayor says the plan works. Brooks said that it might."
    );
}

#[test]
fn neutral_senses_and_quoted_words_are_not_loaded() {
    check(
        "Prosecutors charged him with fraud in March. He was charged in the case.\n\n\
         The group claimed responsibility for the attack. She was admitted to the hospital.\n\n\
         Sanders laughed. The senator smiled and waved.\n\n\
         \"I claimed nothing and I admitted nothing,\" Mayor Ana Ortiz said.",
        "",
    );
}

#[test]
fn loaded_verbs_are_configurable() {
    let text = "\"We did nothing wrong,\" the company claimed. \"It is over,\" Ortiz declared.";
    let options = Options {
        loaded_verbs: Some(vec!["declare".into()]),
        ..Options::default()
    };
    check_with(
        text,
        &options,
        r#"
        ! loaded-verb "declared"
          fix: Replace "declared" with "said"
        "#,
    );
    let none = Options {
        loaded_verbs: Some(vec![]),
        ..Options::default()
    };
    check_with(text, &none, "");
}

// ---- said-name-order ----

#[test]
fn inverted_short_names_are_flagged_with_a_swap() {
    let text = "\"We won,\" said Putin.\n\n\"The vote was fair,\" said Mayor Ortiz on Monday.";
    check(
        text,
        r#"
        ! said-name-order "said Putin"
          fix: Change to "Putin said"
        ! said-name-order "said Mayor Ortiz"
          fix: Change to "Mayor Ortiz said"
        "#,
    );
    assert_eq!(
        fixed(text, "said-name-order"),
        "\"We won,\" Putin said.\n\n\"The vote was fair,\" Mayor Ortiz said on Monday."
    );
}

#[test]
fn inversion_before_long_titles_and_appositives_is_fine() {
    check(
        "\"The data are clear,\" said Jane Smith, who led the study.\n\n\
         \"We will vote no,\" said Lamar Smith, a Republican from Texas.\n\n\
         \"We are ready,\" said Russian President Vladimir Putin.\n\n\
         \"No comment,\" said a spokesman for the company.\n\n\
         \"We won,\" Putin said.",
        "",
    );
}

// ---- first-reference ----

#[test]
fn surname_before_the_full_name() {
    let text = "The city council voted on Tuesday to cut the school budget by ten percent, a \
                move that Lopez and other members of the minority had fought for months in \
                public hearings.\n\n\
                \"We will keep fighting,\" Senator Maria Lopez said after the vote.";
    check(
        text,
        r#"
        ! first-reference "Lopez"
          fix: Use the full name "Maria Lopez"
        "#,
    );
    assert!(fixed(text, "first-reference").contains("a move that Maria Lopez and other"));
}

#[test]
fn full_name_repeated_after_introduction() {
    let text = "Senator Maria Lopez said on Tuesday that the budget the council passed was unfair \
                to every school in the district and to every family that relies on them.\n\n\
                Maria Lopez has fought the cuts for months.\n\n\
                \"We will keep fighting,\" Maria Lopez said.";
    check(
        text,
        r#"
        ! first-reference "Maria Lopez"
          fix: Use the surname "Lopez"
        "#,
    );
    assert!(fixed(text, "first-reference").ends_with("\"We will keep fighting,\" Lopez said."));
}

#[test]
fn first_reference_conventions_followed_are_quiet() {
    // Full name first, surname after; a headline with the surname.
    check(
        "Lopez fights budget cuts\n\n\
         Senator Maria Lopez said the budget was unfair to every school in the district.\n\n\
         Lopez has fought the cuts for months. \"We will keep fighting,\" Lopez said.",
        "",
    );
    // Two people with one surname need their full names every time.
    check(
        "Hillary Clinton said the plan was sound. Bill Clinton agreed with her on Monday.\n\n\
         Hillary Clinton repeated it. \"It works,\" Hillary Clinton said.",
        "",
    );
    // A full name again after a long stretch without the person reintroduces them.
    let filler = "The council also discussed the parks budget at length.\n\n".repeat(7);
    check(
        &format!(
            "Senator Maria Lopez said the budget was unfair.\n\nMaria Lopez said it again.\n\n\
             {filler}\"We will keep fighting,\" Maria Lopez said."
        ),
        "",
    );
}

// ---- anonymous-source ----

#[test]
fn vague_anonymous_sources() {
    check(
        "\"The deal is off,\" a source said.\n\n\
         Sources said the talks had collapsed on Monday.\n\n\
         A person familiar with the talks said they would resume.",
        r#"
        ! anonymous-source "a source"
        ! anonymous-source "Sources"
        ! anonymous-source "A person familiar with the talks"
        "#,
    );
}

#[test]
fn specific_anonymous_source_needs_a_reason() {
    check(
        "A senior State Department official said the talks had stalled.",
        r#"
        ! anonymous-source "A senior State Department official"
        "#,
    );
    check(
        "A senior State Department official, who spoke on condition of anonymity because he \
         was not authorized to discuss the talks, said they had stalled.\n\n\
         The official said a new round was planned.",
        "",
    );
}

#[test]
fn named_and_institutional_sources_are_not_anonymous() {
    check(
        "The agency met the director in March, officials said.\n\n\
         \"We are ready,\" Mayor Ana Ortiz said. A poll of Republican insiders showed a tie.",
        "",
    );
}

#[test]
fn anonymity_phrases_are_configurable() {
    let text = "A friend of the family said the senator would run.";
    check(text, "");
    let options = Options {
        anonymity_phrases: vec!["a friend of the family".into()],
        ..Options::default()
    };
    check_with(
        text,
        &options,
        r#"
        ! anonymous-source "A friend of the family"
        "#,
    );
}

// ---- attribution-tense ----

#[test]
fn mixed_tense_against_the_house_style() {
    let text = "\"We won,\" Senator Maria Lopez said.\n\n\"We lost,\" Governor Frank Hale says.";
    check(
        text,
        r#"
        ! attribution-tense "says"
          fix: Replace "says" with "said"
        "#,
    );
    let says = Options {
        tense: HouseTense::Says,
        ..Options::default()
    };
    check_with(
        text,
        &says,
        r#"
        ! attribution-tense "said"
          fix: Replace "said" with "says"
        "#,
    );
}

#[test]
fn consistent_tense_headlines_and_documents_are_quiet() {
    check(
        "Lopez says budget is unfair\n\n\
         \"We won,\" Senator Maria Lopez said.\n\n\
         The report says the schools lost money. \"We lost,\" Governor Frank Hale said.",
        "",
    );
    check(
        "\"We won,\" Senator Maria Lopez says.\n\n\"We lost,\" Governor Frank Hale says.",
        "",
    );
}

// ---- one-speaker-per-paragraph ----

#[test]
fn two_speakers_in_one_paragraph() {
    let text = "\"We won the vote,\" Senator Maria Lopez said. \"They cheated,\" Governor Frank \
                Hale said.";
    check(
        text,
        r#"
        ! one-speaker-per-paragraph ""They cheated,""
          fix: Start a new paragraph here
        "#,
    );
    assert_eq!(
        fixed(text, "one-speaker-per-paragraph"),
        "\"We won the vote,\" Senator Maria Lopez said.\n\n\"They cheated,\" Governor Frank \
         Hale said."
    );
}

#[test]
fn one_speaker_or_partial_quotes_are_fine() {
    check(
        "\"We won the vote,\" Senator Maria Lopez said. \"And we will win again,\" she added.\n\n\
         Lopez called the result \"a victory,\" while Governor Frank Hale called it \"a fluke.\"",
        "",
    );
}

// ---- unattributed-quote: the message says how to fix it ----

#[test]
fn unattributed_quote_message_suggests_a_cue() {
    let text = "Senator Maria Lopez spoke to voters on Tuesday.\n\nThe hall was full.\n\n\
                \"Nobody knows what comes next.\"";
    let a = analyze(text, DocKind::Text);
    let f = a
        .findings
        .iter()
        .find(|f| f.rule.id() == "unattributed-quote")
        .expect("an unattributed quote");
    assert!(
        f.message
            .contains("If Maria Lopez said it, add `…,\" Lopez said.`"),
        "{}",
        f.message
    );
}

// ---- configuration and plain-text suppression lines ----

#[test]
fn every_rule_can_be_turned_off_or_remapped() {
    let text = "\"We won,\" said Putin.\n\n\"The deal is off,\" a source claimed.";
    let a = analyze(text, DocKind::Text);
    let ids: Vec<&str> = a.findings.iter().map(|f| f.rule.id()).collect();
    assert!(
        ids.contains(&"said-name-order") && ids.contains(&"loaded-verb"),
        "{ids:?}"
    );
    let config = Config::from_toml(
        "[rules]\nloaded-verb = \"off\"\nsaid-name-order = \"error\"\nanonymous-source = \"hint\"\n",
    )
    .expect("valid configuration");
    let out = config.apply(a.findings);
    let got: Vec<(&str, &str)> = out
        .iter()
        .map(|f| (f.rule.id(), f.severity.as_str()))
        .collect();
    assert_eq!(
        got,
        [("said-name-order", "error"), ("anonymous-source", "hint")]
    );
}

#[test]
fn style_configuration_reaches_the_engine() {
    let config = Config::from_toml(
        "[style]\nattribution-tense = \"says\"\nloaded-verbs = []\nanonymity-phrases = [\"a friend of the family\"]\n",
    )
    .expect("valid configuration");
    let options = config.style.options();
    assert_eq!(options.tense, HouseTense::Says);
    assert_eq!(options.loaded_verbs, Some(vec![]));
    assert_eq!(options.anonymity_phrases, ["a friend of the family"]);
}

#[test]
fn suppression_lines_are_not_prose() {
    // Without the directive line being taken for prose, the quote is still the paragraph
    // after the named speaker's (a continuation), not a paragraph of its own behind a comment.
    let text = "\"We won,\" Senator Maria Lopez said.\n\n\
                # saidso-disable-next-line loaded-verb\n\
                \"And we will win again.\"";
    let a = analyze(text, DocKind::Text);
    assert_eq!(a.paragraphs.len(), 2);
    assert!(a.findings.is_empty(), "{:?}", a.findings);
}

#[test]
fn a_suppression_line_inside_a_paragraph_neither_splits_it_nor_reads_as_prose() {
    let text = "\"We won the vote,\" Senator Maria Lopez said on Tuesday, and her\n\
                # saidso-disable-next-line loaded-verb\n\
                staff said the count was final.";
    let a = analyze(text, DocKind::Text);
    assert_eq!(a.paragraphs.len(), 1);
    let para = a.paragraphs[0].span.text(text);
    assert!(para.ends_with("final."), "{para}");
    assert!(a.findings.is_empty(), "{:?}", a.findings);
}

/// `examples/style-draft.txt` shows every style rule once; applying the fixes clears the rules
/// that have one.
#[test]
fn the_style_example_shows_every_rule_and_fixes_clear_them() {
    let text = include_str!("../examples/style-draft.txt");
    let a = analyze(text, DocKind::Text);
    let rules: Vec<&str> = a.findings.iter().map(|f| f.rule.id()).collect();
    assert_eq!(
        rules,
        [
            "first-reference",
            "running-quote",
            "running-quote",
            "loaded-verb",
            "one-speaker-per-paragraph",
            "said-name-order",
            "anonymous-source",
            "first-reference",
            "attribution-tense",
            "restate-attribution",
        ]
    );
    let edits = a
        .findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .flat_map(|fix| fix.edits.iter());
    let fixed = apply_edits(text, edits);
    let after = analyze(&fixed, DocKind::Text);
    let left: Vec<&str> = after.findings.iter().map(|f| f.rule.id()).collect();
    for gone in [
        "running-quote",
        "loaded-verb",
        "one-speaker-per-paragraph",
        "said-name-order",
        "attribution-tense",
        "unclosed-quote",
    ] {
        assert!(!left.contains(&gone), "{gone} still in {left:?}\n{fixed}");
    }
    assert!(fixed.contains("\"And the schools will pay for it,\" she said."));
    assert!(fixed.contains("every family in the city.\"\n"));
    assert!(fixed.contains("\"We have the votes,\" Lopez said.\n\n\"They cheated,\""));
    assert!(fixed.contains("\"The numbers are clear,\" Hale said."));
}

#[test]
fn fixes_never_edit_across_markdown_markup() {
    let plain = analyze(
        "Intro line.\n\n\"We won,\" said Putin.\n",
        DocKind::Markdown,
    );
    let f = plain
        .findings
        .iter()
        .find(|f| f.rule.id() == "said-name-order")
        .expect("said-name-order");
    assert!(f.fix.is_some());
    let marked = analyze(
        "Intro line.\n\n\"We won,\" said **Putin**.\n",
        DocKind::Markdown,
    );
    let f = marked
        .findings
        .iter()
        .find(|f| f.rule.id() == "said-name-order")
        .expect("said-name-order, still reported");
    assert!(f.fix.is_none(), "{:?}", f.fix);
}

#[test]
fn house_speech_verbs_make_cues() {
    use saidso::analysis::{analyze_with, DocKind, Options};
    let text = "The council met.\n\n\"We are broke,\" the treasurer harrumphed.";
    let plain = analyze_with(text, DocKind::Text, &Options::default());
    assert!(plain.quotes[0].attribution.is_none());
    let options = Options {
        speech_verbs: vec!["harrumph".to_string()],
        ..Options::default()
    };
    let house = analyze_with(text, DocKind::Text, &options);
    assert_eq!(house.speaker_name(&house.quotes[0]), Some("the treasurer"));
}
