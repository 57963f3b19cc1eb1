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
