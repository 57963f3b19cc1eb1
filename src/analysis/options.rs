//! House style and sourcing policy the engine takes from the caller: `[style]` and `[policy]`
//! of `.saidso.toml`, or the defaults.
//!
//! The engine knows nothing of configuration files; the CLI and the language server build an
//! [`Options`] from theirs (see `config::Config::options`) and call `analyze_with`. Every field
//! has a default that is the newsroom convention (and, for the policy, off), so `analyze`
//! needs none.

/// The verb tense of speech cues the house uses (`attribution-tense`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HouseTense {
    /// `said`: what was said once (wire and newspaper style).
    #[default]
    Said,
    /// `says`: lasting views, magazine style.
    Says,
}

impl HouseTense {
    pub const fn as_str(self) -> &'static str {
        match self {
            HouseTense::Said => "said",
            HouseTense::Says => "says",
        }
    }
}

/// Where `require-on-the-record` wants every quote to come from a named source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordScope {
    /// The first three paragraphs of the story (headlines and decks not counted).
    Lede,
    /// The whole story.
    All,
}

impl RecordScope {
    /// The spellings accepted in `[policy] require-on-the-record`.
    pub const NAMES: &'static [&'static str] = &["lede", "all"];

    pub fn from_name(name: &str) -> Option<RecordScope> {
        match name {
            "lede" => Some(RecordScope::Lede),
            "all" => Some(RecordScope::All),
            _ => None,
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            RecordScope::Lede => "lede",
            RecordScope::All => "all",
        }
    }
}

/// A desk's sourcing policy (`[policy]`): each part is off until set, so a story is held to
/// no policy unless the house asks for one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Policy {
    /// The largest share (0 to 1) of an article's quotes that may come from anonymous sources
    /// (`policy-anonymous-share`).
    pub max_anonymous_share: Option<f64>,
    /// The fewest distinct named sources (people and organisations quoted or cited) an article
    /// must have (`policy-named-sources`).
    pub min_named_sources: Option<usize>,
    /// Where every quote must come from a named source (`policy-on-the-record`).
    pub require_on_the_record: Vec<RecordScope>,
}

impl Policy {
    /// Whether no part of the policy is set.
    pub fn is_off(&self) -> bool {
        self.max_anonymous_share.is_none()
            && self.min_named_sources.is_none()
            && self.require_on_the_record.is_empty()
    }
}

/// What the caller can change about the checks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    pub tense: HouseTense,
    /// Verbs the house also counts as speech cues (`quip`, `quipped`), with their inflections.
    pub speech_verbs: Vec<String>,
    /// Verbs flagged by `loaded-verb`, replacing the built-in list when set (base forms or
    /// inflected forms; both are matched). `Some(vec![])` flags none.
    pub loaded_verbs: Option<Vec<String>>,
    /// Phrases that mark an anonymous source, added to the built-in ones (`a person briefed on`).
    pub anonymity_phrases: Vec<String>,
    /// The sourcing policy; off by default.
    pub policy: Policy,
}
