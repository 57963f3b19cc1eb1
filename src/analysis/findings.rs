//! What an editor would flag, as [`Finding`]s. Each check is one function over the analysis;
//! the rule catalogue (ids, severities, explanations) is in `rules.rs`.

use super::attribution::Ambiguity;
use super::model::{Finding, Quote, QuoteKind, Related, Span, Speaker, SpeakerKind};
use super::rules::Rule;
use rustc_hash::FxHashMap;

fn finding(rule: Rule, span: Span, message: String) -> Finding {
    Finding::new(rule, span, message)
}

/// Opening marks that are neither closed nor continued by a running quote.
pub fn unclosed(view: &str, openings: &[Span]) -> Vec<Finding> {
    openings
        .iter()
        .map(|&m| {
            let mark = m.text(view);
            finding(
                Rule::UnclosedQuote,
                m,
                format!(
                    "Quotation mark {mark} is never closed. If the quote goes on in the next \
                     paragraph, open that paragraph with a quotation mark; otherwise close it."
                ),
            )
        })
        .collect()
}

/// Direct quotes nobody is named for, with the people the writer most likely meant.
pub fn unattributed(view: &str, quotes: &[Quote], speakers: &[Speaker]) -> Vec<Finding> {
    // Whether the last part of each group is closed, in one pass (a search per quote was
    // quadratic on a document of many quotes).
    let mut last_closed: FxHashMap<usize, bool> = FxHashMap::default();
    for q in quotes {
        last_closed.insert(q.group, q.closed);
    }
    quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct && q.attribution.is_none())
        // An unclosed quotation is reported as such; which words are quoted is not settled.
        .filter(|q| last_closed.get(&q.group).copied().unwrap_or(false))
        .map(|q| {
            let words: Vec<&str> = q.inner.text(view).split_whitespace().take(6).collect();
            let candidates = likely_speakers(q.span.start, speakers);
            // The fix suggestion names the most likely speaker, so the writer sees the shape
            // of the cue to add (`…," Smith said.`), not just that one is missing.
            let suggestion = match candidates.first().and_then(|&id| speakers.get(id)) {
                Some(s) => format!(
                    "If {} said it, add `…,\" {} said.`; otherwise name the speaker in the same \
                     sentence or paragraph.",
                    s.name,
                    short_name(s)
                ),
                None => "Name the speaker in the same sentence or paragraph (`…,\" NAME \
                         said.`), or cut the quote."
                    .to_string(),
            };
            let mut f = finding(
                Rule::UnattributedQuote,
                q.span,
                format!(
                    "Nobody is named for the quote \"{}…\". {suggestion}",
                    words.join(" ")
                ),
            );
            f.candidates = candidates;
            f.related = f
                .candidates
                .iter()
                .filter_map(|&id| speakers.get(id))
                .map(|s| Related {
                    span: s.first,
                    message: format!("perhaps {}", s.name),
                })
                .collect();
            f
        })
        .collect()
}

/// How a cue names `s` after the first reference: a person's surname, a source's description.
fn short_name(s: &Speaker) -> &str {
    match s.kind {
        SpeakerKind::Person => s.name.split_whitespace().last().unwrap_or(&s.name),
        _ => &s.name,
    }
}

/// Named people and sources mentioned before `offset`, the most recently mentioned first.
fn likely_speakers(offset: usize, speakers: &[Speaker]) -> Vec<usize> {
    let mut recent: Vec<(usize, usize)> = speakers
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind != SpeakerKind::Organization || s.mentions.len() > 1)
        .filter_map(|(id, s)| {
            let last = s
                .mentions
                .iter()
                .filter(|m| m.end <= offset)
                .map(|m| m.end)
                .max()?;
            Some((last, id))
        })
        .collect();
    recent.sort_by_key(|r| std::cmp::Reverse(r.0));
    recent.into_iter().take(3).map(|(_, id)| id).collect()
}

/// Pronoun cues that could mean two people.
pub fn ambiguous(view: &str, ambiguities: &[Ambiguity], speakers: &[Speaker]) -> Vec<Finding> {
    ambiguities
        .iter()
        .map(|a| {
            let names: Vec<&str> = a
                .candidates
                .iter()
                .filter_map(|&id| speakers.get(id).map(|s| s.name.as_str()))
                .collect();
            let mut f = finding(
                Rule::AmbiguousSpeaker,
                a.pronoun,
                format!(
                    "\"{}\" could mean {}; read as {}. Name the speaker to be sure.",
                    a.pronoun.text(view),
                    names.join(" or "),
                    names.first().copied().unwrap_or("the first")
                ),
            );
            f.candidates = a.candidates.clone();
            f.related = a
                .candidates
                .iter()
                .filter_map(|&id| speakers.get(id))
                .map(|s| Related {
                    span: s.first,
                    message: format!("{} is named here", s.name),
                })
                .collect();
            f
        })
        .collect()
}
