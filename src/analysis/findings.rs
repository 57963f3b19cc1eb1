//! What an editor would flag, as [`Finding`]s. Each check is one function over the analysis;
//! the rule catalogue (ids, severities, explanations) is in `rules.rs`.

use super::attribution::Ambiguity;
use super::model::{Finding, Quote, QuoteKind, Related, Span, Speaker, SpeakerKind};
use super::rules::Rule;
use rustc_hash::FxHashMap;

fn finding(rule: Rule, span: Span, message: String) -> Finding {
    Finding {
        rule,
        severity: rule.info().default_severity,
        span,
        message,
        related: Vec::new(),
        candidates: Vec::new(),
    }
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
            let mut f = finding(
                Rule::UnattributedQuote,
                q.span,
                format!(
                    "Nobody is named for the quote \"{}…\". Say who said it (`…,\" NAME said.`) in \
                     the same sentence or paragraph.",
                    words.join(" ")
                ),
            );
            f.candidates = likely_speakers(q.span.start, speakers);
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
