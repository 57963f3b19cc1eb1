//! The hover's word on where a quote came from, for drafts with sources: the passage, the
//! word-level difference ("source: *we will not* — draft: *we won't*"), and whose words the
//! source says they are. Read from the snapshot's verification; nothing is computed here.

use super::Ctx;
use crate::analysis::Quote;
use crate::verify::{Passage, QuoteCheck, SpeakerCheck, Words};

/// Passages are quoted up to this many words in a hover.
const PASSAGE_WORDS: usize = 40;
/// Differences listed in a hover.
const SHOWN_CHANGES: usize = 5;

/// `transcript.txt:14 (PUTIN)`, `the story (Vladimir Putin)`.
fn place(p: &Passage) -> String {
    let who: Vec<&str> = p
        .speakers
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let who = if who.is_empty() {
        " (no speaker named)".to_owned()
    } else {
        format!(" ({})", who.join(" then "))
    };
    match p.source {
        Some(_) => format!("{}:{}{who}", p.name, p.line),
        None => format!("the story{who}"),
    }
}

fn words(p: &Passage) -> String {
    let all: Vec<&str> = p.text.split_whitespace().collect();
    let mut out = all
        .iter()
        .take(PASSAGE_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if all.len() > PASSAGE_WORDS {
        out.push('…');
    }
    out
}

/// The section for `quote`, or `None` when the draft has no sources or the quote was not
/// checked (a scare quote).
pub fn section(ctx: &Ctx, quote: &Quote) -> Option<String> {
    let report = ctx.snap.verified.as_ref()?;
    let check = report.checks.iter().find(|c| c.span == quote.span)?;
    Some(format!("\n\n---\n\n{}", describe(ctx.text(), check)))
}

fn describe(text: &str, check: &QuoteCheck) -> String {
    let mut out = match (check.words, &check.passage) {
        (Words::Found, Some(p)) => format!("**In the source** — {}", place(p)),
        (Words::Altered, Some(p)) => format!("**Altered** — differs from {}", place(p)),
        (Words::Missing, Some(p)) => {
            format!(
                "**Not in the sources** — the closest passage is {}",
                place(p)
            )
        }
        _ => "**Not in the sources** — no passage comes close.".to_owned(),
    };
    for change in check.changes.iter().take(SHOWN_CHANGES) {
        out.push_str(&format!("\n\n- {}", change.describe(text)));
    }
    if check.changes.len() > SHOWN_CHANGES {
        let more = check.changes.len() - SHOWN_CHANGES;
        out.push_str(&format!("\n\n- … and {more} more"));
    }
    if let Some(p) = &check.passage {
        out.push_str(&format!("\n\n> {}", words(p)));
    }
    let draft = check.speaker.as_deref().unwrap_or("the draft's speaker");
    let others: Vec<String> = check.others.iter().map(place).collect();
    match check.speaker_check {
        SpeakerCheck::Mismatch => out.push_str(&format!(
            "\n\n**Speaker mismatch** — the source gives these words to someone other than \
             {draft}{}.",
            if others.is_empty() {
                String::new()
            } else {
                format!("; also {}", others.join(", "))
            }
        )),
        SpeakerCheck::Split => {
            out.push_str("\n\n**Two speakers** — the quote runs across the turns of two speakers.")
        }
        SpeakerCheck::Ambiguous => out.push_str(&format!(
            "\n\n**Ambiguous** — these words were said by more than one person (also {}); \
             the draft does not say which it quotes.",
            others.join(", ")
        )),
        SpeakerCheck::Same | SpeakerCheck::Unchecked => {}
    }
    out
}
