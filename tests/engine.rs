//! Data-driven tests of the engine: an article snippet in, a compact rendering of what the
//! engine found out, compared as text so a failure shows the whole picture.
//!
//! Each quote renders as `"first words…" kind → Speaker (method)`; each finding as
//! `! rule-id "text at the span"`. Snippets are written for these tests, in the style of
//! news copy; none comes from the evaluation corpus.

use saidso::analysis::{analyze, Analysis, DocKind};

fn render(text: &str, a: &Analysis) -> String {
    let mut out = Vec::new();
    for q in &a.quotes {
        let words: Vec<&str> = q.inner.text(text).split_whitespace().take(4).collect();
        let mut line = format!("\"{}\" {}", words.join(" "), q.kind.as_str());
        if !q.closed {
            line.push_str(" open");
        }
        match &q.attribution {
            Some(at) => {
                let name = a.speakers.get(at.speaker).map_or("?", |s| s.name.as_str());
                line.push_str(&format!(" → {name} ({})", at.method.as_str()));
            }
            None => line.push_str(" → nobody"),
        }
        out.push(line);
    }
    // The style rules (tests/rules.rs) are not this file's subject; only the engine's own
    // findings render here, so attribution tests do not change when a style rule does.
    let engine_rules = ["unattributed-quote", "unclosed-quote", "ambiguous-speaker"];
    for f in a
        .findings
        .iter()
        .filter(|f| engine_rules.contains(&f.rule.id()))
    {
        out.push(format!("! {} \"{}\"", f.rule.id(), f.span.text(text)));
    }
    out.join("\n")
}

#[track_caller]
fn check_kind(text: &str, kind: DocKind, expect: &str) {
    let a = analyze(text, kind);
    let got = render(text, &a);
    let want: Vec<&str> = expect
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(got, want.join("\n"), "\n--- input ---\n{text}\n");
}

#[track_caller]
fn check(text: &str, expect: &str) {
    check_kind(text, DocKind::Text, expect);
}

#[test]
fn explicit_cues_before_and_after() {
    check(
        "\"We will rebuild the bridge by spring,\" Mayor Ana Ortiz said on Monday.\n\n\
         Councilman Dale Brooks said: \"The money is not there.\"\n\n\
         \"Nobody asked us,\" said Ruth Kimani, a resident of the east side.",
        r#"
        "We will rebuild the" direct → Ana Ortiz (explicit)
        "The money is not" direct → Dale Brooks (explicit)
        "Nobody asked us," direct → Ruth Kimani (explicit)
        "#,
    );
}

#[test]
fn party_labels_and_bare_appositives_describe_the_speaker() {
    // `GOP strategist X` and an appositive with no article (`X, refugee program director at
    // Y, said`) are everyday newsroom descriptions, not breaks in the speaker phrase.
    check(
        "\"Every minute counts this week,\" said GOP strategist Keith Nahigian, a veteran of \
         three campaigns.\n\n\
         \"The program has failed the children it was meant to protect,\" Bill Frelick, refugee \
         rights program director at Human Rights Watch, said in an interview.\n\n\
         \"We will appeal,\" Dana Reyes, campaign finance lawyer, said.\n\n\
         \"That's treason,\" said Cruz constituent Dan Golvach.\n\n\
         \"Loyalty was my test,\" said one district GOP leader.",
        r#"
        "Every minute counts this" direct → Keith Nahigian (explicit)
        "The program has failed" direct → Bill Frelick (explicit)
        "We will appeal," direct → Dana Reyes (explicit)
        "That's treason," direct → Dan Golvach (explicit)
        "Loyalty was my test," direct → one district GOP leader (explicit)
        "#,
    );
}

#[test]
fn a_sentence_adverb_between_commas_leaves_the_subject_speaking() {
    check(
        "The council met on Monday.\n\n\"We won,\" Mayor Ana Ortiz, however, said.\n\n\
         Councilman Dale Brooks, meanwhile, said the vote was \"a disgrace.\"",
        r#"
        "We won," direct → Ana Ortiz (explicit)
        "a disgrace." partial → Dale Brooks (explicit)
        "#,
    );
}

#[test]
fn a_title_word_after_a_first_name_is_a_surname() {
    // `King`, `Dean`, `Prince` are titles before a name and surnames after a first name.
    check(
        "\"Turnout makes the difference,\" said Charlie King, a New York Democrat.\n\n\
         \"We will fight on,\" Howard Dean told supporters.\n\n\
         \"We're over that,\" Representative Peter T. King, Republican of New York, said.\n\n\
         \"We are ready,\" said King Abdullah of Jordan.",
        r#"
        "Turnout makes the difference," direct → Charlie King (explicit)
        "We will fight on," direct → Howard Dean (explicit)
        "We're over that," direct → Peter T. King (explicit)
        "We are ready," direct → Abdullah (explicit)
        "#,
    );
}

#[test]
fn double_first_names_and_surnames_that_are_adjectives() {
    // `Mary Jo White` is one name (not `Jo White` with the role `Mary`), and `White said:` is
    // her, though `white` is also an adjective.
    let text = "Sen. Elizabeth Warren questioned Mary Jo White on Tuesday.\n\n\
                White said: \"I'm disappointed in your disappointment.\"";
    check(
        text,
        r#"
        "I'm disappointed in your" direct → Mary Jo White (explicit)
        "#,
    );
    let a = analyze(text, DocKind::Text);
    let white = a.speakers.iter().find(|s| s.name == "Mary Jo White");
    assert_eq!(
        white.map(|s| s.role.clone()),
        Some(None),
        "{:?}",
        a.speakers
    );
}

#[test]
fn a_description_then_the_name_it_describes() {
    // `said a spokeswoman for X, NAME.`: the name set off after the description is the speaker.
    check(
        "\"We remain interested in this market,\" said a spokeswoman for Trump Hotels, Jennifer \
         Rodstrom.\n\n\
         \"We're anxious,\" said another Twitter user, Johanna Bayer.\n\n\
         \"No comment,\" said a spokesman, who declined to be named.",
        r#"
        "We remain interested in" direct → Jennifer Rodstrom (explicit)
        "We're anxious," direct → Johanna Bayer (explicit)
        "No comment," direct → a spokesman (explicit)
        "#,
    );
}

#[test]
fn according_to_and_told_reporters() {
    check(
        "The plant will close in June, according to a company spokeswoman. \"It is a sad day,\" \
         the spokeswoman told reporters.\n\n\
         \"We expected this,\" union leader Tom Walsh told reporters outside the gates.",
        r#"
        "It is a sad" direct → a company spokeswoman (explicit)
        "We expected this," direct → Tom Walsh (explicit)
        "#,
    );
}

#[test]
fn pronouns_resolve_across_paragraphs_by_gender_and_salience() {
    check(
        "Senator Maria Lopez met Governor Frank Hale on Tuesday.\n\n\
         Lopez said the budget was unfair. \"We cannot cut schools again,\" she said.\n\n\
         Hale disagreed. \"The numbers do not lie,\" he said.",
        r#"
        "We cannot cut schools" direct → Maria Lopez (pronoun)
        "The numbers do not" direct → Frank Hale (pronoun)
        "#,
    );
}

#[test]
fn continuation_paragraph_and_running_quote() {
    check(
        "\"We are moving forward,\" Chief Helen Park said at the briefing.\n\n\
         \"Our officers are working around the clock.\"\n\n\
         Park added that arrests were likely. \"We know who they are. We are coming for them.\n\n\
         \"And we will not stop.\"",
        r#"
        "We are moving forward," direct → Helen Park (explicit)
        "Our officers are working" direct → Helen Park (continuation)
        "We know who they" direct open → Helen Park (same-paragraph)
        "And we will not" direct → Helen Park (continuation)
        "#,
    );
}

#[test]
fn colon_introduction() {
    check(
        "The mayor's statement was brief. Deputy Mayor Luis Gomez said:\n\n\
         \"We have heard the residents and we will act.\"",
        r#"
        "We have heard the" direct → Luis Gomez (colon-intro)
        "#,
    );
}

#[test]
fn apostrophes_and_nested_quotes() {
    check(
        "The '90s were good to Russia's oil firms, the students' union said.\n\n\
         \"He told me 'don't worry' and left,\" said Ivan Petrov.",
        r#"
        "He told me 'don't" direct → Ivan Petrov (explicit)
        "#,
    );
}

#[test]
fn partial_and_scare_quotes() {
    check(
        "Putin rejected claims his toppling was a \"defeat\" for Russia. He said he was ready \
         for talks \"anytime\" with the new administration.",
        r#"
        "defeat" scare → nobody
        "anytime" partial → Putin (pronoun)
        "#,
    );
}

#[test]
fn unattributed_and_unclosed_quotes_are_findings() {
    check(
        "The council met on Tuesday.\n\n\
         \"Nobody knows what comes next.\"\n\n\
         Officials said the vote was \"final.\n\n\
         The meeting ended at noon.",
        r#"
        "Nobody knows what comes" direct → nobody
        "final." direct open → Officials (explicit)
        ! unattributed-quote ""Nobody knows what comes next.""
        ! unclosed-quote """
        "#,
    );
}

#[test]
fn ambiguous_pronoun_names_both_candidates() {
    check(
        "John Reed met Mark Adler, who had criticised Reed's plan. Adler left early.\n\n\
         Reed praised the deal. Then Adler spoke. \"It is a bad deal,\" he said.",
        r#"
        "It is a bad" direct → Mark Adler (pronoun)
        "#,
    );
}

#[test]
fn two_equally_likely_people_make_a_pronoun_ambiguous() {
    check(
        "Mark Adler and John Reed met on Tuesday to sign the deal.\n\n\
         \"It is a bad deal for the city,\" he said.",
        r#"
        "It is a bad" direct → Mark Adler (pronoun)
        ! ambiguous-speaker "he"
        "#,
    );
}

#[test]
fn markdown_code_and_markup_are_not_prose() {
    check_kind(
        "# Budget vote\n\n\
         \"We won,\" **Mayor Ana Ortiz** said. See [the \"report\"](http://x.org/\"a\").\n\n\
         ```\n\"not a quote\" in code\n```\n\n\
         Use `\"inline\"` code.\n\n\
         <!-- \"hidden\" -->\n",
        DocKind::Markdown,
        r#"
        "We won," direct → Ana Ortiz (explicit)
        "report" scare → nobody
        "#,
    );
}

#[test]
fn crlf_line_endings_work_like_lf() {
    let lf = "\"We are ready,\" Gen. Sam Cole said.\n\n\"The troops are in place.\"\n";
    let crlf = lf.replace('\n', "\r\n");
    let expect = r#"
        "We are ready," direct → Sam Cole (explicit)
        "The troops are in" direct → Sam Cole (continuation)
        "#;
    check(lf, expect);
    check(&crlf, expect);
}

#[test]
fn curly_guillemet_and_nyt_marks() {
    check(
        "“It is over,” Ms. Dana Reyes said. ''We move on,'' she added. The word «détente» was \
         not used.",
        r#"
        "It is over," direct → Dana Reyes (explicit)
        "We move on," direct → Dana Reyes (pronoun)
        "détente" scare → nobody
        "#,
    );
}

#[test]
fn seed_article_is_exactly_right() {
    let text = include_str!("../examples/putin-press-conference.txt");
    let a = analyze(text, DocKind::Text);
    assert_eq!(a.quotes.len(), 10, "{}", render(text, &a));
    let scare: Vec<_> = a.quotes.iter().filter(|q| !q.kind.is_speech()).collect();
    assert_eq!(scare.len(), 1);
    assert_eq!(scare[0].inner.text(text), "defeat");
    assert!(scare[0].attribution.is_none());
    for q in a.quotes.iter().filter(|q| q.kind.is_speech()) {
        assert_eq!(
            a.speaker_name(q),
            Some("Vladimir Putin"),
            "{}",
            q.span.text(text)
        );
    }
    assert!(a
        .findings
        .iter()
        .all(|f| f.rule.id() != "unattributed-quote"));
    let methods: Vec<&str> = a
        .quotes
        .iter()
        .filter_map(|q| q.attribution.as_ref().map(|at| at.method.as_str()))
        .collect();
    assert!(
        methods.contains(&"pronoun") && methods.contains(&"continuation"),
        "{methods:?}"
    );
}

#[test]
fn quoted_titles_are_not_speech() {
    check(
        "The council screened the film \"Thelma and Louise,\" then adjourned.\n\n\
         Viewers of 'SNL' were not surprised.",
        r#"
        "Thelma and Louise," scare → nobody
        "SNL" scare → nobody
        "#,
    );
}

#[test]
fn descriptions_keep_their_modifiers() {
    check(
        "A friend of the family said: \"He was kind.\"\n\n\
         A person familiar with the talks said: \"It is over.\"\n\n\
         People familiar with the matter said: \"It is done.\"",
        r#"
        "He was kind." direct → A friend of the family (explicit)
        "It is over." direct → A person familiar with the talks (explicit)
        "It is done." direct → People familiar with the matter (explicit)
        "#,
    );
}

#[test]
fn wire_story_with_dateline_organisations_and_a_running_quote() {
    check(
        "LONDON (AP) — Prime Minister Keir Starmer on Monday defended his budget, saying the tax \
         increases were \"the price of stability.\"\n\n\
         \"We inherited a mess,\" Starmer told lawmakers. \"Nobody said it would be easy.\"\n\n\
         Opposition leader Kemi Badenoch disagreed. \"This is a betrayal,\" she said.\n\n\
         The Department of Justice said in a statement: \"We do not comment on budgets.\"\n\n\
         \"It is a reasonable plan,\" said Jane Foster, chief economist at Capital Partners. \
         \"But the risks are real.\n\n\
         \"Growth could stall.\"",
        r#"
        "the price of stability." partial → Keir Starmer (explicit)
        "We inherited a mess," direct → Keir Starmer (explicit)
        "Nobody said it would" direct → Keir Starmer (same-paragraph)
        "This is a betrayal," direct → Kemi Badenoch (pronoun)
        "We do not comment" direct → Department of Justice (explicit)
        "It is a reasonable" direct → Jane Foster (explicit)
        "But the risks are" direct open → Jane Foster (same-paragraph)
        "Growth could stall." direct → Jane Foster (continuation)
        "#,
    );
}
