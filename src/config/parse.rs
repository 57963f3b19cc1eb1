//! `.saidso.toml` text to a [`Config`], pure.
//!
//! Deserialization goes through "raw" structs that keep the source spans of the values we check
//! ourselves (rule ids, severities, tenses, globs), so every error — TOML syntax, an unknown key,
//! an unknown rule id, a bad severity — points at a line and column of the file.

use super::{Config, Files, Level, SourceRule, Sources, Style, Tense};
use crate::analysis::{Policy, RecordScope, Rule};
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use toml::Spanned;

/// A configuration problem, located in the file (1-based line, column in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, when the error came from one (filled in by `discover`).
    pub path: Option<PathBuf>,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `path:line:col: message` like a compiler; errors without a place in the file (it
        // could not be read) have line 0.
        let mut place = self
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        if self.line > 0 {
            if !place.is_empty() {
                place.push(':');
            }
            place.push_str(&format!("{}:{}", self.line, self.column));
        }
        if place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{place}: {}", self.message)
        }
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    style: RawStyle,
    #[serde(default)]
    policy: RawPolicy,
    #[serde(default)]
    files: RawFiles,
    /// `"drafts/*.md" = ["notes/*.txt"]`: the sources of the drafts a pattern matches.
    #[serde(default)]
    sources: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPolicy {
    max_anonymous_share: Option<Spanned<f64>>,
    min_named_sources: Option<Spanned<i64>>,
    require_on_the_record: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawStyle {
    attribution_tense: Option<Spanned<String>>,
    speech_verbs: Option<Vec<String>>,
    loaded_verbs: Option<Vec<String>>,
    anonymity_phrases: Option<Vec<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
}

/// Parses the text of a configuration file.
pub fn parse(text: &str) -> Result<Config, ConfigError> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        error_at(text, at, e.message().trim_end().to_string())
    })?;

    let mut rules = BTreeMap::new();
    for (id, value) in &raw.rules {
        let rule = Rule::from_id(id.get_ref()).ok_or_else(|| {
            let known: Vec<_> = Rule::ALL.iter().map(|r| r.id()).collect();
            error_at(
                text,
                id.span().start,
                format!(
                    "unknown rule id `{}` (known rules: {})",
                    id.get_ref(),
                    known.join(", ")
                ),
            )
        })?;
        let level = Level::from_name(value.get_ref()).ok_or_else(|| {
            error_at(
                text,
                value.span().start,
                format!(
                    "invalid severity `{}` for `{}` (expected one of: {})",
                    value.get_ref(),
                    id.get_ref(),
                    Level::NAMES.join(", ")
                ),
            )
        })?;
        rules.insert(rule, level);
    }

    let attribution_tense = match &raw.style.attribution_tense {
        None => None,
        Some(t) => Some(match t.get_ref().as_str() {
            "said" => Tense::Said,
            "says" => Tense::Says,
            other => {
                return Err(error_at(
                    text,
                    t.span().start,
                    format!("invalid attribution-tense `{other}` (expected \"said\" or \"says\")"),
                ))
            }
        }),
    };
    let style = Style {
        attribution_tense,
        speech_verbs: raw.style.speech_verbs,
        loaded_verbs: raw.style.loaded_verbs,
        anonymity_phrases: raw.style.anonymity_phrases,
    };

    let policy = policy(text, raw.policy)?;
    let (include, include_set) = globs(text, raw.files.include)?;
    let (exclude, exclude_set) = globs(text, raw.files.exclude)?;
    let mut sources = Vec::new();
    for (drafts, patterns) in raw.sources {
        let drafts_glob = glob(text, &drafts)?;
        for p in &patterns {
            glob(text, p)?;
        }
        sources.push(SourceRule {
            drafts: drafts_glob.compile_matcher(),
            pattern: drafts.into_inner(),
            sources: patterns.into_iter().map(Spanned::into_inner).collect(),
        });
    }
    Ok(Config {
        rules,
        style,
        policy,
        files: Files::new(include, exclude, include_set, exclude_set),
        sources: Sources { rules: sources },
    })
}

/// One glob pattern, with `*` inside one path component; a bad one is located.
fn glob(text: &str, p: &Spanned<String>) -> Result<Glob, ConfigError> {
    GlobBuilder::new(p.get_ref())
        .literal_separator(true)
        .build()
        .map_err(|e| error_at(text, p.span().start, format!("invalid glob: {e}")))
}

/// `[policy]`, each value checked for range and spelling.
fn policy(text: &str, raw: RawPolicy) -> Result<Policy, ConfigError> {
    let max_anonymous_share = match raw.max_anonymous_share {
        None => None,
        Some(v) if (0.0..=1.0).contains(v.get_ref()) => Some(*v.get_ref()),
        Some(v) => {
            return Err(error_at(
                text,
                v.span().start,
                format!(
                    "max-anonymous-share must be a share between 0 and 1 (0.25 is a quarter), \
                     got {}",
                    v.get_ref()
                ),
            ))
        }
    };
    let min_named_sources = match raw.min_named_sources {
        None => None,
        Some(v) => Some(usize::try_from(*v.get_ref()).map_err(|_| {
            error_at(
                text,
                v.span().start,
                format!(
                    "min-named-sources must be a whole number of sources, 0 or more, got {}",
                    v.get_ref()
                ),
            )
        })?),
    };
    let mut require_on_the_record = Vec::new();
    for scope in raw.require_on_the_record.unwrap_or_default() {
        let parsed = RecordScope::from_name(scope.get_ref()).ok_or_else(|| {
            error_at(
                text,
                scope.span().start,
                format!(
                    "unknown part of the story `{}` in require-on-the-record (expected one of: \
                     {})",
                    scope.get_ref(),
                    RecordScope::NAMES.join(", ")
                ),
            )
        })?;
        if !require_on_the_record.contains(&parsed) {
            require_on_the_record.push(parsed);
        }
    }
    Ok(Policy {
        max_anonymous_share,
        min_named_sources,
        require_on_the_record,
    })
}

/// Compiles a list of glob patterns; `None` when the key was absent.
fn globs(
    text: &str,
    patterns: Option<Vec<Spanned<String>>>,
) -> Result<(Vec<String>, Option<GlobSet>), ConfigError> {
    let Some(patterns) = patterns else {
        return Ok((Vec::new(), None));
    };
    let mut builder = GlobSetBuilder::new();
    let mut plain = Vec::with_capacity(patterns.len());
    for p in patterns {
        // `*` stays within one path component; `**` crosses them, as in .gitignore.
        builder.add(glob(text, &p)?);
        plain.push(p.into_inner());
    }
    let set = builder
        .build()
        .map_err(|e| error_at(text, 0, format!("invalid globs: {e}")))?;
    Ok((plain, Some(set)))
}

fn error_at(text: &str, offset: usize, message: String) -> ConfigError {
    let (line, column) = line_col(text, offset);
    ConfigError {
        path: None,
        line,
        column,
        message,
    }
}

/// 1-based line and column (in characters) of a byte offset; offsets past the end or inside a
/// character clamp to the nearest position before them.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Severity;
    use std::path::Path;

    #[test]
    fn full_example_parses() {
        let text = r#"
[rules]
unattributed-quote = "error"     # comment
unclosed-quote = "off"
[style]
attribution-tense = "says"
speech-verbs = ["quipped"]
loaded-verbs = []
anonymity-phrases = ["a person briefed on"]
[files]
include = ["**/*.md"]
exclude = ["archive/**"]
"#;
        let c = parse(text).expect("valid");
        assert_eq!(c.level(Rule::UnattributedQuote), Level::On(Severity::Error));
        assert_eq!(c.level(Rule::UnclosedQuote), Level::Off);
        assert_eq!(c.style.attribution_tense, Some(Tense::Says));
        assert_eq!(c.style.speech_verbs, Some(vec!["quipped".to_string()]));
        assert_eq!(c.style.loaded_verbs, Some(vec![]));
        assert!(c.files.included(Path::new("a/b.md")));
        assert!(c.files.included(Path::new("b.md")));
        assert!(!c.files.included(Path::new("b.txt")));
        assert!(c.files.excluded(Path::new("archive/2020/x.md")));
        assert!(!c.files.excluded(Path::new("news/archive.md")));
    }

    #[test]
    fn policy_parses_and_bad_values_are_located() {
        let c = parse(
            "[policy]\nmax-anonymous-share = 0.25\nmin-named-sources = 2\n\
             require-on-the-record = [\"lede\"]\n",
        )
        .expect("valid");
        assert_eq!(
            c.policy,
            Policy {
                max_anonymous_share: Some(0.25),
                min_named_sources: Some(2),
                require_on_the_record: vec![RecordScope::Lede],
            }
        );
        assert_eq!(c.options().policy, c.policy);
        // A whole number is a share too.
        let c = parse("[policy]\nmax-anonymous-share = 0\n").expect("integer share");
        assert_eq!(c.policy.max_anonymous_share, Some(0.0));
        let cases = [
            (
                "[policy]\nmax-anonymous-share = 25\n",
                (2, 23),
                "between 0 and 1",
            ),
            ("[policy]\nmin-named-sources = -1\n", (2, 21), "0 or more"),
            (
                "[policy]\nrequire-on-the-record = [\"lede\", \"nutgraf\"]\n",
                (2, 34),
                "nutgraf",
            ),
            (
                "[policy]\nmax-anonymous-shares = 0.2\n",
                (2, 1),
                "max-anonymous-shares",
            ),
        ];
        for (text, at, says) in cases {
            let e = parse(text).expect_err(text);
            assert_eq!((e.line, e.column), at, "{text}: {}", e.message);
            assert!(e.message.contains(says), "{text}: {}", e.message);
        }
    }

    #[test]
    fn empty_file_is_the_default() {
        assert_eq!(parse("").expect("valid"), Config::default());
    }

    #[test]
    fn unknown_rule_id_is_located() {
        let e = parse("[rules]\n\n  no-such-rule = \"error\"\n").expect_err("unknown id");
        assert_eq!((e.line, e.column), (3, 3));
        assert!(e.message.contains("no-such-rule"), "{}", e.message);
        assert!(e.message.contains("unattributed-quote"), "{}", e.message);
    }

    #[test]
    fn bad_severity_is_located() {
        let e = parse("[rules]\nunclosed-quote = \"fatal\"\n").expect_err("bad severity");
        assert_eq!((e.line, e.column), (2, 18));
        assert!(e.message.contains("fatal"), "{}", e.message);
    }

    #[test]
    fn bad_tense_unknown_key_and_syntax_are_located() {
        let e = parse("[style]\nattribution-tense = \"said so\"\n").expect_err("tense");
        assert_eq!(e.line, 2);
        let e = parse("[style]\n\nspeach-verbs = []\n").expect_err("unknown key");
        assert_eq!(e.line, 3);
        assert!(e.message.contains("speach-verbs"), "{}", e.message);
        let e = parse("[rules]\nunclosed-quote = \n").expect_err("syntax");
        assert_eq!(e.line, 2);
    }

    #[test]
    fn sources_map_drafts_to_their_sources() {
        let c =
            parse("[sources]\n\"drafts/*.md\" = [\"notes/*.txt\", \"t/a.txt\"]\n\"*.md\" = []\n")
                .expect("valid");
        assert_eq!(
            c.sources.patterns_for(Path::new("drafts/a.md")),
            ["notes/*.txt", "t/a.txt"]
        );
        assert!(c
            .sources
            .patterns_for(Path::new("drafts/x/a.md"))
            .is_empty());
        assert!(c.sources.patterns_for(Path::new("b.txt")).is_empty());
        let e = parse("[sources]\n\"a.md\" = [\"ok\", \"b[\"]\n").expect_err("bad glob");
        assert_eq!((e.line, e.column), (2, 17));
        let e = parse("[sources]\n\"a.md\" = \"notes.txt\"\n").expect_err("not a list");
        assert_eq!(e.line, 2);
    }

    #[test]
    fn bad_glob_is_located() {
        let e = parse("[files]\nexclude = [\"ok/**\", \"a/[\"]\n").expect_err("glob");
        assert_eq!(e.line, 2);
    }

    proptest::proptest! {
        /// Whatever the file holds, parsing answers (a config or a located error).
        #[test]
        fn never_panics(text in "(\\[rules\\]|\\[style\\]|\\[files\\]|unclosed-quote|include|=|\"|\\[|\\]|off|é|\n| )*") {
            if let Err(e) = parse(&text) {
                proptest::prop_assert!(e.line >= 1 && e.column >= 1);
            }
        }
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\n“é” x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // After “ (3 bytes) and é (2 bytes): third character of line 2.
        assert_eq!(line_col(text, 8), (2, 3));
        assert_eq!(line_col(text, 999), (2, 6));
    }
}
