//! House style the engine takes from the caller: `[style]` of `.saidso.toml`, or the defaults.
//!
//! The engine knows nothing of configuration files; the CLI and the language server build an
//! [`Options`] from theirs (see `config::Style::options`) and call `analyze_with`. Every field
//! has a default that is the newsroom convention, so `analyze` needs none.

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

/// What the caller can change about the checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub tense: HouseTense,
    /// Verbs the house also counts as speech cues (`quip`, `quipped`), with their inflections.
    pub speech_verbs: Vec<String>,
    /// Verbs flagged by `loaded-verb`, replacing the built-in list when set (base forms or
    /// inflected forms; both are matched). `Some(vec![])` flags none.
    pub loaded_verbs: Option<Vec<String>>,
    /// Phrases that mark an anonymous source, added to the built-in ones (`a person briefed on`).
    pub anonymity_phrases: Vec<String>,
}
