//! The report's words for who a source is: its kind (person, organisation, anonymous
//! description, the writer) and its gender as the text shows it, read from the engine's model
//! or from `saidso extract` output.

use crate::analysis::{GenderSource, Speaker, SpeakerKind};
use serde::Serialize;

/// What kind of source a speaker is, in the report's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Person,
    Organization,
    /// Described instead of named: `a senior official`, `sources` (extract's `nominal`).
    Anonymous,
    /// The writer speaking in the first person.
    Writer,
}

impl SourceKind {
    pub const ALL: [SourceKind; 4] = [
        SourceKind::Person,
        SourceKind::Organization,
        SourceKind::Anonymous,
        SourceKind::Writer,
    ];

    /// The value in JSON and CSV.
    pub const fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Writer => "writer",
        }
    }

    /// The words a reader sees.
    pub const fn label(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organisation",
            SourceKind::Anonymous => "anonymous description",
            SourceKind::Writer => "the writer",
        }
    }

    /// People and organisations are named; descriptions are not, and the writer is no source.
    pub const fn named(self) -> bool {
        matches!(self, SourceKind::Person | SourceKind::Organization)
    }

    /// A kind as `saidso extract` writes it (`nominal` is an anonymous description).
    pub fn from_extract(kind: &str) -> Option<SourceKind> {
        Some(match kind {
            "person" => SourceKind::Person,
            "organization" | "organisation" => SourceKind::Organization,
            "nominal" | "anonymous" => SourceKind::Anonymous,
            "writer" => SourceKind::Writer,
            _ => return None,
        })
    }

    pub const fn from_model(kind: SpeakerKind) -> SourceKind {
        match kind {
            SpeakerKind::Person => SourceKind::Person,
            SpeakerKind::Organization => SourceKind::Organization,
            SpeakerKind::Nominal => SourceKind::Anonymous,
        }
    }
}

/// A speaker's gender as the report counts it. `Unknown` is a value of its own: the text
/// gave no evidence. Organisations have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gender {
    Female,
    Male,
    Unknown,
    NotApplicable,
}

impl Gender {
    pub const fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Unknown => "unknown",
            Gender::NotApplicable => "not-applicable",
        }
    }

    /// `gender` and `gender_source` as `saidso extract` writes them.
    pub fn from_extract(
        kind: SourceKind,
        gender: Option<&str>,
        source: Option<&str>,
    ) -> (Gender, Option<GenderSource>) {
        if kind == SourceKind::Organization {
            return (Gender::NotApplicable, None);
        }
        let source = match source {
            Some("title") => Some(GenderSource::Title),
            Some("pronoun") => Some(GenderSource::Pronoun),
            Some("first-name") => Some(GenderSource::FirstName),
            _ => None,
        };
        match gender {
            Some("female") => (Gender::Female, source),
            Some("male") => (Gender::Male, source),
            _ => (Gender::Unknown, None),
        }
    }

    pub(crate) fn of(speaker: &Speaker) -> (Gender, Option<GenderSource>) {
        if speaker.kind == SpeakerKind::Organization {
            return (Gender::NotApplicable, None);
        }
        match speaker.gender_evidence {
            Some(e) => match e.gender {
                crate::analysis::Gender::Female => (Gender::Female, Some(e.source)),
                crate::analysis::Gender::Male => (Gender::Male, Some(e.source)),
                crate::analysis::Gender::Plural => (Gender::Unknown, None),
            },
            None => (Gender::Unknown, None),
        }
    }
}
