//! What a quote's best placements in the sources mean: are the words there (found, altered,
//! missing), and whose words are they (the draft's speaker, someone else, two people)?
//!
//! The speaker check never guesses. A source passage without a name (notes, `A:` of an
//! interview, `Speaker 1`) neither confirms nor contradicts the draft; the same words said by
//! two people, when the draft names neither, are reported as ambiguous rather than given to
//! one of them.

use super::align::Alignment;
use super::messages::changes;
use super::normalize::squash;
use super::transcript::Who;
use super::{Passage, Placed, QuoteCheck, Source};
use crate::analysis::{same_person, Quote, Speaker, SpeakerKind};

/// Whether the quote's words are in the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Words {
    /// Verbatim, allowing for case, punctuation and the writer's marked edits.
    Found,
    /// Close, but words were changed, added or left out without an ellipsis or brackets.
    Altered,
    /// No passage comes close.
    Missing,
}

impl Words {
    pub const fn as_str(self) -> &'static str {
        match self {
            Words::Found => "found",
            Words::Altered => "altered",
            Words::Missing => "missing",
        }
    }
}

/// Whether the source gives the words to the draft's speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerCheck {
    /// The source gives them to the draft's speaker.
    Same,
    /// To someone else: another named person, or the interviewer's question.
    Mismatch,
    /// The quote runs across the turns of two speakers.
    Split,
    /// Two or more speakers said these words, and the draft does not name either.
    Ambiguous,
    /// Nothing to compare: the words are not there, or the source or the draft names nobody.
    Unchecked,
}

impl SpeakerCheck {
    pub const fn as_str(self) -> &'static str {
        match self {
            SpeakerCheck::Same => "same",
            SpeakerCheck::Mismatch => "mismatch",
            SpeakerCheck::Split => "split",
            SpeakerCheck::Ambiguous => "ambiguous",
            SpeakerCheck::Unchecked => "unchecked",
        }
    }

    /// Whether the source contradicts the draft about who said the words.
    pub const fn is_wrong(self) -> bool {
        matches!(self, SpeakerCheck::Mismatch | SpeakerCheck::Split)
    }
}

impl QuoteCheck {
    /// Lower is better: used to pick between the story and the sources for display matter.
    pub(crate) fn rank(&self) -> (Words, bool) {
        (self.words, self.speaker_check.is_wrong())
    }
}

/// How one placement's speaker relates to the draft's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    Same,
    Other,
    Unknown,
    Split,
}

/// Whether a transcript label can name the draft's speaker: the engine's name rule (`PUTIN`,
/// `Mr. Putin`), or the first name (`MARIA:`) or the initials (`ML:`) interview notes use.
fn label_fits(label: &str, name: &str) -> bool {
    if same_person(label, name) {
        return true;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let label = label.trim();
    if words.len() >= 2 && label.eq_ignore_ascii_case(words[0]) {
        return true;
    }
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    label.len() >= 2
        && label.chars().all(|c| c.is_ascii_uppercase())
        && initials.eq_ignore_ascii_case(label)
}

/// The turns a placement's words come from, one per distinct label, in order.
fn turns_of<'a>(alignment: &Alignment, source: &'a Source) -> Vec<&'a super::Turn> {
    let mut out: Vec<&super::Turn> = Vec::new();
    for tok in alignment.quoted_toks() {
        let Some(t) = source.index.toks.get(tok as usize) else {
            continue;
        };
        let Some(turn) = source.turns.get(t.turn as usize) else {
            continue;
        };
        if !out
            .iter()
            .any(|o| o.label.eq_ignore_ascii_case(&turn.label))
        {
            out.push(turn);
        }
    }
    out
}

fn fit(turns: &[&super::Turn], draft: Option<&Speaker>) -> Fit {
    let [turn] = turns else {
        return if turns.len() > 1 {
            Fit::Split
        } else {
            Fit::Unknown
        };
    };
    let Some(speaker) = draft.filter(|s| s.kind == SpeakerKind::Person) else {
        return Fit::Unknown;
    };
    match &turn.who {
        Who::Named(label) if label_fits(label, &speaker.name) => Fit::Same,
        Who::Named(_) | Who::Interviewer => Fit::Other,
        Who::Role(role) => {
            let role = role.to_lowercase();
            let role = role.trim_start_matches("the ").trim();
            let theirs = speaker.role.as_deref().unwrap_or("").to_lowercase();
            if !role.is_empty() && theirs.contains(role) {
                Fit::Same
            } else {
                Fit::Unknown
            }
        }
        Who::Interviewee | Who::Unnamed => Fit::Unknown,
    }
}

/// A placement as a passage of its source.
fn passage(alignment: &Alignment, source: &Source, index: Option<usize>) -> Option<Passage> {
    let (start, end) = alignment.range()?;
    let first = source.index.toks.get(start as usize)?;
    let last = source.index.toks.get(end.checked_sub(1)? as usize)?;
    let span = crate::analysis::Span::new(first.span.start, last.span.end);
    let turns = turns_of(alignment, source);
    let origin = source.origins.get(first.turn as usize).copied();
    Some(Passage {
        source: index,
        name: source.name.clone(),
        span,
        line: source.line_of(span.start),
        speakers: turns.iter().map(|t| t.label.clone()).collect(),
        text: squash(span.text(&source.text)),
        origin,
    })
}

/// Judges quote `qi` from its placements. `story` is set when the sources are the story's own
/// quotes (display matter checked against the body).
pub(crate) fn judge(
    q: &Quote,
    qi: usize,
    speaker: Option<&Speaker>,
    placed: &Placed,
    sources: &[&Source],
    story: Option<&Source>,
) -> QuoteCheck {
    let n = placed.pattern.word_count() as u32;
    let mut check = QuoteCheck {
        quote: qi,
        span: q.span,
        inner: q.inner,
        kind: q.kind,
        speaker: speaker.map(|s| s.name.clone()),
        display: None,
        words: Words::Missing,
        speaker_check: SpeakerCheck::Unchecked,
        passage: None,
        others: Vec::new(),
        changes: Vec::new(),
    };
    let index_of = |i: usize| story.is_none().then_some(i);
    let Some((best_source, best)) = placed.alignments.first() else {
        return check;
    };
    // Placements always come from these sources; a stale one is treated as no placement.
    let Some(&source) = sources.get(*best_source) else {
        return check;
    };
    check.words = if best.cost == 0 {
        Words::Found
    } else if best.same >= 2 && best.same * 10 >= n * 6 {
        Words::Altered
    } else {
        Words::Missing
    };
    if check.words == Words::Missing {
        // The closest passage, when it shares enough words to be worth showing.
        if best.same >= 2 && best.same * 2 >= n {
            check.passage = passage(best, source, index_of(*best_source));
            check.changes = changes(q.inner.start, &placed.pattern, best, source);
        }
        return check;
    }
    // Every placement as good as the best is a candidate for whose words these are.
    let candidates: Vec<(usize, &Alignment, Fit, Vec<String>)> = placed
        .alignments
        .iter()
        .take_while(|(_, a)| a.cost == best.cost && a.same == best.same)
        .filter_map(|(i, a)| {
            let turns = turns_of(a, sources.get(*i)?);
            let labels = turns.iter().map(|t| t.label.to_lowercase()).collect();
            Some((*i, a, fit(&turns, speaker), labels))
        })
        .collect();
    if candidates.is_empty() {
        return check;
    }
    let person = speaker.is_some_and(|s| s.kind == SpeakerKind::Person);
    let pick = |f: Fit| candidates.iter().find(|c| c.2 == f);
    let (chosen, verdict) = if let Some(c) = pick(Fit::Same) {
        (c, SpeakerCheck::Same)
    } else if candidates.iter().all(|c| c.2 == Fit::Split) {
        (&candidates[0], SpeakerCheck::Split)
    } else if let Some(c) = pick(Fit::Unknown) {
        let mut labels: Vec<&String> = candidates
            .iter()
            .filter(|c| c.2 != Fit::Split)
            .flat_map(|c| &c.3)
            .filter(|l| !l.is_empty())
            .collect();
        labels.sort();
        labels.dedup();
        if !person && labels.len() >= 2 {
            (c, SpeakerCheck::Ambiguous)
        } else {
            (c, SpeakerCheck::Unchecked)
        }
    } else {
        let c = candidates
            .iter()
            .find(|c| c.2 == Fit::Other)
            .unwrap_or(&candidates[0]);
        (c, SpeakerCheck::Mismatch)
    };
    let (ci, chosen_alignment) = (chosen.0, chosen.1);
    let chosen_source = sources.get(ci).copied().unwrap_or(source);
    check.speaker_check = verdict;
    check.passage = passage(chosen_alignment, chosen_source, index_of(ci));
    if matches!(verdict, SpeakerCheck::Ambiguous | SpeakerCheck::Mismatch) {
        let mut seen = vec![chosen.3.clone()];
        for c in &candidates {
            if c.2 != Fit::Split && !seen.contains(&c.3) {
                seen.push(c.3.clone());
                let other = sources
                    .get(c.0)
                    .and_then(|s| passage(c.1, s, index_of(c.0)));
                check.others.extend(other);
            }
        }
    }
    if check.words == Words::Altered {
        check.changes = changes(
            q.inner.start,
            &placed.pattern,
            chosen_alignment,
            chosen_source,
        );
    }
    check
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fit_names_by_surname_first_name_or_initials() {
        assert!(label_fits("PUTIN", "Vladimir Putin"));
        assert!(label_fits("MARIA", "Maria Lopez"));
        assert!(label_fits("ML", "Maria Lopez"));
        assert!(!label_fits("CL", "Maria Lopez"));
        assert!(!label_fits("CARLOS", "Maria Lopez"));
        assert!(!label_fits("Lopez", "Carlos"));
    }
}
