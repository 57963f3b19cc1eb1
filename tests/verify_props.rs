//! Property: a quote copied verbatim from a random passage of a random source always
//! verifies — its words are found, and the source does not contradict the speaker the passage
//! belongs to. Sources are transcripts built from random turns (named speakers, `Q:`/`A:`,
//! an unlabelled preamble) of words, punctuation, curly marks, ellipses, transcriber's notes,
//! timestamps and CRLF line ends.

use proptest::prelude::*;
use saidso::analysis::{
    Analysis, Attribution, DocKind, Method, Quote, QuoteKind, Span, Speaker, SpeakerKind,
};
use saidso::verify::{verify, Cache, Source, SpeakerCheck, Words};

const LABELS: &[&str] = &[
    "MARIA LOPEZ",
    "Rep. Tom Cole",
    "PUTIN",
    "Q",
    "A",
    "Anna Kessler (Mayor)",
];

/// Pieces of speech: words (some repeated often, so passages recur), punctuation, marks, notes.
const PIECES: &[&str] = &[
    "we",
    "will",
    "not",
    "raise",
    "taxes",
    "the",
    "budget",
    "is",
    "it",
    "won't",
    "l’ami",
    "Café",
    "we",
    "will",
    "the",
    "and",
    ",",
    ".",
    "—",
    "…",
    "...",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "\"",
    "?",
    "!",
    "(laughter)",
    "[inaudible]",
    "[00:12:31]",
    "01:02:03",
    "20,000",
    "U.S.",
    "e\u{301}te",
    "-",
    ":",
    ";",
    "(",
    ")",
    "x2",
];

fn turn() -> impl Strategy<Value = (usize, Vec<&'static str>)> {
    (
        0..=LABELS.len(),
        prop::collection::vec(prop::sample::select(PIECES), 1..40),
    )
}

/// A transcript: optional preamble, then labelled turns; words joined by spaces or line breaks.
fn source() -> impl Strategy<Value = String> {
    (prop::collection::vec(turn(), 1..8), any::<bool>()).prop_map(|(turns, crlf)| {
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut out = String::new();
        for (label, words) in turns {
            if let Some(l) = LABELS.get(label) {
                out.push_str(&format!("[00:0{}:00] {l}: ", label % 10));
            }
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    out.push_str(if i % 11 == 0 { nl } else { " " });
                }
                out.push_str(w);
            }
            out.push_str(nl);
        }
        out
    })
}

/// The draft `"PASSAGE"` with the passage's speaker as the quote's, built by hand: the
/// property is about the matcher, not about how the engine attributes a random string.
fn draft_with(passage: &str, speaker: Option<&str>) -> (String, Analysis) {
    let text = format!("\"{passage}\"");
    let quote = Quote {
        span: Span::new(0, text.len()),
        inner: Span::new(1, text.len() - 1),
        kind: QuoteKind::Direct,
        paragraph: 0,
        group: 0,
        closed: true,
        nested: 0,
        attribution: speaker.map(|_| Attribution {
            speaker: 0,
            method: Method::Explicit,
            cue: None,
            mention: None,
            confidence: 1.0,
            source: None,
        }),
    };
    let speakers = speaker
        .map(|name| Speaker {
            name: name.to_owned(),
            kind: SpeakerKind::Person,
            role: None,
            gender: None,
            gender_evidence: None,
            first: Span::default(),
            mentions: vec![],
        })
        .into_iter()
        .collect();
    let analysis = Analysis {
        kind: DocKind::Text,
        quotes: vec![quote],
        speakers,
        ..Analysis::default()
    };
    (text, analysis)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_verbatim_passage_always_verifies(text in source(), pick in any::<(u64, u64)>()) {
        let source = Source::new("t.txt", text.clone());
        let toks = &source.index.toks;
        prop_assume!(!toks.is_empty());
        let first = (pick.0 % toks.len() as u64) as usize;
        let turn = toks[first].turn;
        let in_turn = toks[first..].iter().take_while(|t| t.turn == turn).count();
        let last = first + (pick.1 % in_turn.min(30) as u64) as usize;
        let passage = &text[toks[first].span.start..toks[last].span.end];
        let who = &source.turns[turn as usize];
        let name = match &who.who {
            saidso::verify::transcript::Who::Named(n) => Some(n.as_str()),
            _ => None,
        };
        let (draft, analysis) = draft_with(passage, name);
        let report = verify(&draft, &analysis, &[&source], &mut Cache::new());
        prop_assert_eq!(report.checks.len(), 1, "passage {:?}", passage);
        let check = &report.checks[0];
        prop_assert_eq!(check.words, Words::Found, "passage {:?} in {:?}", passage, text);
        prop_assert!(
            !matches!(check.speaker_check, SpeakerCheck::Mismatch | SpeakerCheck::Split),
            "passage {:?} of {:?}: {:?}", passage, who.label, check
        );
        if name.is_some() {
            prop_assert_eq!(check.speaker_check, SpeakerCheck::Same, "passage {:?}", passage);
        }
        prop_assert!(report.findings.is_empty(), "{:?}", report.findings);
    }

    /// Whatever the draft and the sources hold, verification answers (and never panics).
    #[test]
    fn any_text_verifies_without_panicking(text in source(), draft in "(\"|“|”|\\[|\\]|…|\\.|we|will|not| |\n|x)*") {
        let source = Source::new("t.txt", text);
        let analysis = saidso::analysis::analyze(&draft, DocKind::Text);
        let report = verify(&draft, &analysis, &[&source], &mut Cache::new());
        for f in &report.findings {
            prop_assert!(draft.get(f.span.start..f.span.end).is_some());
            if let Some(fix) = &f.fix {
                let _ = fix.apply(&draft);
            }
        }
    }
}
