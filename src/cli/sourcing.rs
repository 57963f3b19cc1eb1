//! The per-article sourcing summary (`--summary`, and always in JSON): who is quoted, how many
//! sources are named and how many are anonymous or nominal, and how many quotes have no speaker.
//!
//! Quotes are counted as the reader sees them: a running quote over three paragraphs is one
//! quote (one `group`), and scare quotes are not speech, so they are not counted at all.

use crate::analysis::{Analysis, SpeakerKind};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sourcing {
    /// Speech quotes (direct and partial), running quotes counted once.
    pub quotes: usize,
    pub attributed: usize,
    pub unattributed: usize,
    /// Distinct named sources (people and organisations) quoted or cited.
    pub named_sources: usize,
    /// Distinct anonymous or nominal sources ("a White House official").
    pub anonymous_sources: usize,
    /// Every source with at least one quote or claim, most quoted first.
    pub speakers: Vec<SpeakerSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerSummary {
    pub name: String,
    /// `person`, `organization` or `nominal`.
    pub kind: &'static str,
    pub named: bool,
    pub quotes: usize,
    /// Claims, including reported speech.
    pub claims: usize,
}

pub const fn speaker_kind(kind: SpeakerKind) -> &'static str {
    match kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Nominal => "nominal",
    }
}

pub fn summarize(analysis: &Analysis) -> Sourcing {
    // group → the speaker of its first attributed part (None while none is).
    let mut groups: BTreeMap<usize, Option<usize>> = BTreeMap::new();
    for q in analysis.quotes.iter().filter(|q| q.kind.is_speech()) {
        let entry = groups.entry(q.group).or_insert(None);
        if entry.is_none() {
            *entry = q.attribution.as_ref().map(|a| a.speaker);
        }
    }
    let mut quotes_by = vec![0usize; analysis.speakers.len()];
    let mut attributed = 0;
    for speaker in groups.values().flatten() {
        attributed += 1;
        if let Some(n) = quotes_by.get_mut(*speaker) {
            *n += 1;
        }
    }
    let mut claims_by = vec![0usize; analysis.speakers.len()];
    for c in &analysis.claims {
        if let Some(n) = claims_by.get_mut(c.speaker) {
            *n += 1;
        }
    }

    let mut speakers: Vec<SpeakerSummary> = analysis
        .speakers
        .iter()
        .enumerate()
        .filter(|(i, _)| quotes_by[*i] > 0 || claims_by[*i] > 0)
        .map(|(i, s)| SpeakerSummary {
            name: s.name.clone(),
            kind: speaker_kind(s.kind),
            named: s.kind != SpeakerKind::Nominal,
            quotes: quotes_by[i],
            claims: claims_by[i],
        })
        .collect();
    // Stable: equal counts keep the text order of first mention.
    speakers.sort_by(|a, b| b.quotes.cmp(&a.quotes).then(b.claims.cmp(&a.claims)));

    Sourcing {
        quotes: groups.len(),
        attributed,
        unattributed: groups.len() - attributed,
        named_sources: speakers.iter().filter(|s| s.named).count(),
        anonymous_sources: speakers.iter().filter(|s| !s.named).count(),
        speakers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Attribution, Method, Quote, QuoteKind, Span, Speaker};

    fn speaker(name: &str, kind: SpeakerKind) -> Speaker {
        Speaker {
            name: name.into(),
            kind,
            role: None,
            gender: None,
            gender_evidence: None,
            first: Span::new(0, 1),
            mentions: vec![],
        }
    }

    fn quote(group: usize, kind: QuoteKind, speaker: Option<usize>) -> Quote {
        Quote {
            span: Span::new(0, 1),
            inner: Span::new(0, 1),
            kind,
            paragraph: 0,
            group,
            closed: true,
            nested: 0,
            attribution: speaker.map(|speaker| Attribution {
                speaker,
                method: Method::Explicit,
                cue: None,
                mention: None,
                confidence: 1.0,
                source: None,
            }),
        }
    }

    #[test]
    fn counts_groups_once_and_skips_scare_quotes() {
        let analysis = Analysis {
            speakers: vec![
                speaker("Vladimir Putin", SpeakerKind::Person),
                speaker("a Kremlin official", SpeakerKind::Nominal),
                speaker("Nobody Quoted", SpeakerKind::Person),
            ],
            quotes: vec![
                // A running quote: three parts, the first carries the attribution.
                quote(0, QuoteKind::Direct, Some(0)),
                quote(0, QuoteKind::Direct, None),
                quote(0, QuoteKind::Direct, None),
                quote(1, QuoteKind::Partial, Some(0)),
                quote(2, QuoteKind::Direct, Some(1)),
                quote(3, QuoteKind::Direct, None),
                quote(4, QuoteKind::Scare, None),
            ],
            ..Analysis::default()
        };
        let s = summarize(&analysis);
        assert_eq!((s.quotes, s.attributed, s.unattributed), (4, 3, 1));
        assert_eq!((s.named_sources, s.anonymous_sources), (1, 1));
        let names: Vec<_> = s
            .speakers
            .iter()
            .map(|x| (x.name.as_str(), x.quotes))
            .collect();
        assert_eq!(
            names,
            vec![("Vladimir Putin", 2), ("a Kremlin official", 1)]
        );
    }
}
