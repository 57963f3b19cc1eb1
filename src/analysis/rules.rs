//! The catalogue of attribution rules: stable ids, default severities and explanations.
//!
//! Adding a rule is two steps: a variant with its row in [`Rule::info`], and the check that
//! produces it in `findings.rs`. Ids are part of the public interface (configuration, inline
//! suppression, SARIF, JSON output), so they never change once released.

use super::model::Severity;
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    UnattributedQuote,
    UnclosedQuote,
    AmbiguousSpeaker,
    RunningQuote,
    RestateAttribution,
    LoadedVerb,
    SaidNameOrder,
    FirstReference,
    AnonymousSource,
    AttributionTense,
    OneSpeakerPerParagraph,
    QuoteNotInSource,
    QuoteAltered,
    QuoteSpeakerMismatch,
    HeadlineQuoteUnsupported,
    PolicyAnonymousShare,
    PolicyNamedSources,
    PolicyOnTheRecord,
}

/// What a rule is, for `saidso rules`, hovers and SARIF rule metadata.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub id: &'static str,
    pub default_severity: Severity,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// The newsroom convention behind it, for `saidso explain`.
    pub explanation: &'static str,
}

impl Rule {
    pub const ALL: &'static [Rule] = &[
        Rule::UnattributedQuote,
        Rule::UnclosedQuote,
        Rule::AmbiguousSpeaker,
        Rule::RunningQuote,
        Rule::RestateAttribution,
        Rule::LoadedVerb,
        Rule::SaidNameOrder,
        Rule::FirstReference,
        Rule::AnonymousSource,
        Rule::AttributionTense,
        Rule::OneSpeakerPerParagraph,
        Rule::QuoteNotInSource,
        Rule::QuoteAltered,
        Rule::QuoteSpeakerMismatch,
        Rule::HeadlineQuoteUnsupported,
        Rule::PolicyAnonymousShare,
        Rule::PolicyNamedSources,
        Rule::PolicyOnTheRecord,
    ];

    pub const fn info(self) -> RuleInfo {
        match self {
            Rule::UnattributedQuote => RuleInfo {
                id: "unattributed-quote",
                default_severity: Severity::Warning,
                summary: "A direct quote with no speaker.",
                explanation: "Every direct quote must be attached to a speaker: a cue such as \
                    `Smith said` in the same sentence or paragraph, a paragraph ending `Smith said:` \
                    just before it, or a running quote whose speaker is already named. An orphan \
                    quote leaves the reader asking who said so.",
            },
            Rule::UnclosedQuote => RuleInfo {
                id: "unclosed-quote",
                default_severity: Severity::Error,
                summary: "An opening quotation mark that is never closed.",
                explanation: "A quote that continues into the next paragraph leaves its paragraph \
                    open and reopens the next one with a mark; only the last paragraph closes it. \
                    A mark that is neither closed nor continued this way is a typo that changes \
                    what the reader takes to be the speaker's words.",
            },
            Rule::AmbiguousSpeaker => RuleInfo {
                id: "ambiguous-speaker",
                default_severity: Severity::Info,
                summary: "A pronoun cue that could mean more than one person.",
                explanation: "`he said` must point at one person only. When two people of whom \
                    the pronoun could be said were named just before, name the speaker instead.",
            },
            Rule::RunningQuote => RuleInfo {
                id: "running-quote",
                default_severity: Severity::Error,
                summary: "Quotation marks of a quote that runs over several paragraphs.",
                explanation: "When one speaker's quote goes on into the next paragraph, the \
                    paragraph is left open (no closing mark), the next paragraph opens with a \
                    quotation mark, and only the last paragraph closes. A continuation paragraph \
                    without its opening mark, or a closing mark before a continuation, misleads \
                    the reader about where the speaker's words stop. Exception: a paragraph that \
                    ends in a partial quote (a fragment inside the writer's sentence) closes it \
                    even when the speaker goes on.",
            },
            Rule::RestateAttribution => RuleInfo {
                id: "restate-attribution",
                default_severity: Severity::Warning,
                summary: "A quote whose speaker was named too far back.",
                explanation: "Attribute again in later paragraphs unless it is plain that the same \
                    source goes on: after three or more paragraphs of quotes with no attribution, \
                    or when another speaker was quoted in between, the reader no longer knows \
                    who is talking. Add `NAME said` to the quote.",
            },
            Rule::LoadedVerb => RuleInfo {
                id: "loaded-verb",
                default_severity: Severity::Warning,
                summary: "An attribution verb that takes sides (`claimed`, `admitted`, `laughed`).",
                explanation: "`said` is neutral. `claimed` casts doubt, `admitted`, `conceded` and \
                    `confessed` imply wrongdoing, `insisted` implies dispute, and `charged` \
                    belongs to legal charges; people smile, laugh or sigh, but they do not smile \
                    words. Use `said` (or `says`) unless the loaded meaning is the point and the \
                    story supports it. The list is configurable (`[style] loaded-verbs`).",
            },
            Rule::SaidNameOrder => RuleInfo {
                id: "said-name-order",
                default_severity: Severity::Info,
                summary: "`said Smith` where `Smith said` reads better.",
                explanation: "Subject before verb is the natural order: `\"…,\" Smith said.` The \
                    inverted `said Smith` is kept for when a long title or an appositive follows \
                    the name (`said Jane Smith, who led the study`), which would otherwise \
                    separate the speaker from the verb.",
            },
            Rule::FirstReference => RuleInfo {
                id: "first-reference",
                default_severity: Severity::Info,
                summary: "A person first named by surname only, or a full name repeated.",
                explanation: "On first reference give a person's full name (and title or role); \
                    after that, the surname alone. A surname before the full name leaves the \
                    reader guessing; repeating the full name again and again reads as a new \
                    person. A full name again after a long stretch without the person is fine.",
            },
            Rule::AnonymousSource => RuleInfo {
                id: "anonymous-source",
                default_severity: Severity::Warning,
                summary: "An anonymous source without a specific description or a reason.",
                explanation: "Use anonymous sources only when essential; describe them as \
                    specifically as possible (`a senior State Department official`, never `a \
                    source` alone) and say why anonymity was granted (`spoke on condition of \
                    anonymity because they were not authorized to discuss the talks`). Extra \
                    phrases that mark anonymous sources go in `[style] anonymity-phrases`.",
            },
            Rule::AttributionTense => RuleInfo {
                id: "attribution-tense",
                default_severity: Severity::Hint,
                summary: "`said` and `says` mixed in one story.",
                explanation: "`said` reports what was said once; `says` suits lasting views and \
                    magazine style. Pick one and keep to it. The house tense is `[style] \
                    attribution-tense` (default `said`); headlines, which use the present, are \
                    not counted.",
            },
            Rule::OneSpeakerPerParagraph => RuleInfo {
                id: "one-speaker-per-paragraph",
                default_severity: Severity::Info,
                summary: "Two different speakers quoted in one paragraph.",
                explanation: "Start a new paragraph when the speaker changes, as in dialogue: a \
                    paragraph that quotes two people makes the reader work out which words are \
                    whose.",
            },
            Rule::QuoteNotInSource => RuleInfo {
                id: "quote-not-in-source",
                default_severity: Severity::Warning,
                summary: "A quote whose words are in none of the draft's sources.",
                explanation: "A direct or partial quote must be what the speaker said. When the \
                    draft names its sources (transcripts, interview notes: `[sources]` in \
                    .saidso.toml, `sources:` in front matter, or `saidso verify --source`), every \
                    quote's words are looked for there, allowing for case, punctuation, \
                    ellipses and bracketed insertions. A quote found nowhere was misheard, \
                    misremembered or comes from a source the draft does not list; the editor's \
                    hover shows the closest passage.",
            },
            Rule::QuoteAltered => RuleInfo {
                id: "quote-altered",
                default_severity: Severity::Warning,
                summary: "A quote close to the source but not in its words.",
                explanation: "Quotation marks promise the speaker's exact words. Leaving words out \
                    is marked with an ellipsis and the writer's insertions with square brackets; \
                    anything else — a word changed, `we won't` for `we will not`, a word added or \
                    dropped — alters the quote. The finding shows the word-level difference and \
                    offers to use the source's words; otherwise paraphrase without marks.",
            },
            Rule::QuoteSpeakerMismatch => RuleInfo {
                id: "quote-speaker-mismatch",
                default_severity: Severity::Error,
                summary: "The source gives the quoted words to someone other than the draft does.",
                explanation: "The worst attribution error is a quote given to the wrong person: the \
                    reporter's question quoted as the answer, one panelist's words given to \
                    another, a quote stitched together from two speakers' turns. Speakers are \
                    compared by name as saidso merges references (`PUTIN:` is Vladimir Putin, \
                    `Rep. Cole:` is Tom Cole). Passages without a name (notes, `A:`) are not \
                    held against the draft, and words said by two people are reported as \
                    ambiguous rather than given to either.",
            },
            Rule::HeadlineQuoteUnsupported => RuleInfo {
                id: "headline-quote-unsupported",
                default_severity: Severity::Warning,
                summary: "A headline, deck or pull quote that quotes words the story does not.",
                explanation: "Display type — the headline (the first heading), decks and pull \
                    quotes (`> ` block quotes) — must quote words that are in the body or the \
                    sources, from the same speaker, and not a sharper paraphrase of them. Checked \
                    when the draft has sources.",
            },
            Rule::PolicyAnonymousShare => RuleInfo {
                id: "policy-anonymous-share",
                default_severity: Severity::Warning,
                summary: "More of the story's quotes from anonymous sources than the house allows.",
                explanation: "A desk's sourcing policy, off until `.saidso.toml` sets it: \
                    `[policy] max-anonymous-share = 0.25` allows at most a quarter of an \
                    article's quotes (a running quote counts once; unattributed quotes count \
                    as quotes, not as anonymous) to come from unnamed sources such as `a senior \
                    official`. Readers trust what they can check; name a source, or cut an \
                    anonymous quote. Reported at the first anonymous quote, with the others as \
                    related places.",
            },
            Rule::PolicyNamedSources => RuleInfo {
                id: "policy-named-sources",
                default_severity: Severity::Warning,
                summary: "Fewer named sources than the house asks of a story.",
                explanation: "A desk's sourcing policy, off until `.saidso.toml` sets it: \
                    `[policy] min-named-sources = 2` asks every article for at least two \
                    distinct named sources — people or organisations the story quotes or \
                    reports the words of. A story resting on one voice, or on none that can be \
                    named, needs more reporting. Reported at the top of the article.",
            },
            Rule::PolicyOnTheRecord => RuleInfo {
                id: "policy-on-the-record",
                default_severity: Severity::Warning,
                summary: "An anonymous source quoted where the house wants named ones.",
                explanation: "A desk's sourcing policy, off until `.saidso.toml` sets it: \
                    `[policy] require-on-the-record = [\"lede\"]` wants every quote in the \
                    first three paragraphs of the story (headlines not counted) to come from a \
                    named source, and `[\"all\"]` every quote in the story. The lede is what \
                    most readers read; an anonymous voice there carries the story on trust. \
                    Name the source, or move the quote down. (Quotes with no speaker at all \
                    are `unattributed-quote`.)",
            },
        }
    }

    pub const fn id(self) -> &'static str {
        self.info().id
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_round_trip() {
        for r in Rule::ALL {
            assert_eq!(Rule::from_id(r.id()), Some(*r));
        }
        let mut ids: Vec<_> = Rule::ALL.iter().map(|r| r.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
        assert_eq!(Rule::from_id("no-such-rule"), None);
    }
}
