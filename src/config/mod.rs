//! Project configuration (`.saidso.toml`): which rules run at which severity, house style, the
//! desk's sourcing policy, which files a directory walk checks, and which sources each draft's
//! quotes come from.
//!
//! The pieces are split by what they touch:
//! - this module: the [`Config`] value and [`Config::apply`], pure (no I/O, no clap) so the
//!   language server can share them;
//! - [`parse`]: TOML text to a [`Config`], with errors that carry a line and column;
//! - [`mod@discover`]: finding and reading the file that governs a path (the only I/O here);
//! - [`suppress`]: inline `saidso-disable` comments, a pure function over the text;
//! - [`sources`]: the source files of a draft (`[sources]`, front matter, the command line),
//!   found and read.

pub mod discover;
pub mod parse;
pub mod sources;
pub mod suppress;

use crate::analysis::{Finding, Policy, Rule, Severity};
use globset::GlobSet;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

pub use discover::{discover, load_file, Loaded, CONFIG_FILE_NAME};
pub use parse::ConfigError;

/// What a rule is set to in `[rules]`: off, or a severity replacing its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    /// The spellings accepted in `[rules]`, for error messages.
    pub const NAMES: &'static [&'static str] = &["off", "hint", "info", "warning", "error"];

    pub fn from_name(name: &str) -> Option<Level> {
        Some(match name {
            "off" => Level::Off,
            "hint" => Level::On(Severity::Hint),
            "info" => Level::On(Severity::Info),
            "warning" => Level::On(Severity::Warning),
            "error" => Level::On(Severity::Error),
            _ => return None,
        })
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::On(s) => s.as_str(),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `attribution-tense`: the house's verb tense for speech cues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Said,
    Says,
}

impl Tense {
    pub const fn as_str(self) -> &'static str {
        match self {
            Tense::Said => "said",
            Tense::Says => "says",
        }
    }
}

/// House style from `[style]`, handed to the engine as [`crate::analysis::Options`] by
/// [`Style::options`]. `None` means "not set: use the engine's built-in choice", which differs from an empty
/// list (`loaded-verbs = []` switches the built-in list off).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Style {
    pub attribution_tense: Option<Tense>,
    /// Extra verbs that introduce speech (added to the built-in list).
    pub speech_verbs: Option<Vec<String>>,
    /// Verbs flagged as loaded (replaces the built-in list when set).
    pub loaded_verbs: Option<Vec<String>>,
    /// Extra phrases that mark an anonymous source (added to the built-in list).
    pub anonymity_phrases: Option<Vec<String>>,
}

impl Style {
    /// The engine options this house style asks for (defaults for what is not set).
    pub fn options(&self) -> crate::analysis::Options {
        use crate::analysis::{HouseTense, Options};
        Options {
            tense: match self.attribution_tense {
                Some(Tense::Says) => HouseTense::Says,
                Some(Tense::Said) | None => HouseTense::Said,
            },
            speech_verbs: self.speech_verbs.clone().unwrap_or_default(),
            loaded_verbs: self.loaded_verbs.clone(),
            anonymity_phrases: self.anonymity_phrases.clone().unwrap_or_default(),
            policy: Policy::default(),
        }
    }
}

/// `[files]`: which files a directory walk checks. Patterns are globs relative to the directory
/// that holds the configuration file; files named on the command line are always checked.
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    include_set: Option<GlobSet>,
    exclude_set: Option<GlobSet>,
}

impl Files {
    pub(crate) fn new(
        include: Vec<String>,
        exclude: Vec<String>,
        include_set: Option<GlobSet>,
        exclude_set: Option<GlobSet>,
    ) -> Files {
        Files {
            include,
            exclude,
            include_set,
            exclude_set,
        }
    }

    /// Whether `include` was given; when it was not, the walk uses its extension filter.
    pub fn has_include(&self) -> bool {
        self.include_set.is_some()
    }

    /// Whether a walked file (path relative to the configuration's directory) matches `include`.
    pub fn included(&self, relative: &Path) -> bool {
        self.include_set
            .as_ref()
            .is_none_or(|set| set.is_match(relative))
    }

    /// Whether a walked file (path relative to the configuration's directory) is excluded.
    pub fn excluded(&self, relative: &Path) -> bool {
        self.exclude_set
            .as_ref()
            .is_some_and(|set| set.is_match(relative))
    }
}

impl PartialEq for Files {
    // The compiled sets are derived from the patterns, so the patterns decide equality.
    fn eq(&self, other: &Files) -> bool {
        self.include == other.include && self.exclude == other.exclude
    }
}

/// `[sources]`: which transcripts and notes each draft's quotes are checked against. Keys and
/// values are globs relative to the directory that holds the configuration file.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub rules: Vec<SourceRule>,
}

/// `"drafts/*.md" = ["notes/*.txt"]`.
#[derive(Debug, Clone)]
pub struct SourceRule {
    /// The drafts pattern as written.
    pub pattern: String,
    pub drafts: globset::GlobMatcher,
    /// The source patterns as written.
    pub sources: Vec<String>,
}

impl Sources {
    /// The source patterns for a draft (path relative to the configuration's directory), in
    /// the file's order, without repeats.
    pub fn patterns_for(&self, relative: &Path) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for rule in self.rules.iter().filter(|r| r.drafts.is_match(relative)) {
            for s in &rule.sources {
                if !out.contains(&s.as_str()) {
                    out.push(s);
                }
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

impl PartialEq for Sources {
    // The matchers are compiled from the patterns, so the patterns decide equality.
    fn eq(&self, other: &Sources) -> bool {
        self.rules.len() == other.rules.len()
            && self
                .rules
                .iter()
                .zip(&other.rules)
                .all(|(a, b)| a.pattern == b.pattern && a.sources == b.sources)
    }
}

/// The effective configuration: defaults overlaid with one `.saidso.toml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Only the rules the file mentions; the rest keep their default severity.
    pub rules: BTreeMap<Rule, Level>,
    pub style: Style,
    /// `[policy]`: the desk's sourcing policy, off where not set.
    pub policy: Policy,
    pub files: Files,
    pub sources: Sources,
}

impl Config {
    /// Parses the text of a `.saidso.toml`. Pure: the caller reads the file.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        parse::parse(text)
    }

    /// The engine options this configuration asks for: the house style of `[style]` and the
    /// sourcing policy of `[policy]`. What `saidso check` and the language server analyse with.
    pub fn options(&self) -> crate::analysis::Options {
        crate::analysis::Options {
            policy: self.policy.clone(),
            ..self.style.options()
        }
    }

    /// What `rule` is set to: the file's setting, else its default severity.
    pub fn level(&self, rule: Rule) -> Level {
        self.rules
            .get(&rule)
            .copied()
            .unwrap_or(Level::On(rule.info().default_severity))
    }

    /// Drops findings of rules set to "off" and gives the rest the configured severity.
    /// Order is kept. Used by `saidso check` and by the language server.
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut f| match self.rules.get(&f.rule) {
                None => Some(f),
                Some(Level::Off) => None,
                Some(Level::On(severity)) => {
                    f.severity = *severity;
                    Some(f)
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Span;

    fn finding(rule: Rule, severity: Severity) -> Finding {
        Finding {
            rule,
            severity,
            span: Span::new(0, 1),
            message: "m".into(),
            related: vec![],
            candidates: vec![],
            fix: None,
        }
    }

    #[test]
    fn apply_drops_off_rules_and_remaps_severities() {
        let config = Config::from_toml(
            "[rules]\nunattributed-quote = \"error\"\nunclosed-quote = \"off\"\n",
        )
        .expect("valid config");
        let out = config.apply(vec![
            finding(Rule::UnclosedQuote, Severity::Error),
            finding(Rule::UnattributedQuote, Severity::Warning),
            finding(Rule::AmbiguousSpeaker, Severity::Info),
        ]);
        let got: Vec<_> = out.iter().map(|f| (f.rule, f.severity)).collect();
        assert_eq!(
            got,
            vec![
                (Rule::UnattributedQuote, Severity::Error),
                (Rule::AmbiguousSpeaker, Severity::Info),
            ]
        );
    }

    #[test]
    fn level_falls_back_to_the_default_severity() {
        let config = Config::default();
        for rule in Rule::ALL {
            assert_eq!(config.level(*rule), Level::On(rule.info().default_severity));
        }
    }

    #[test]
    fn level_names_round_trip() {
        for name in Level::NAMES {
            let level = Level::from_name(name).expect("known name");
            assert_eq!(level.as_str(), *name);
        }
        assert_eq!(Level::from_name("fatal"), None);
    }
}
