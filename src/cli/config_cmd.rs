//! `saidso config [PATH]`: the effective configuration for a file or directory, as TOML, with
//! the file it came from — what a writer needs to answer "why is this rule (not) firing?".

use super::{exit, write_output};
use crate::analysis::Rule;
use crate::config::{discover, load_file, Config, Loaded};
use clap::Args;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// The file or directory whose configuration to show (default: the current directory).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Show this configuration file instead of looking for .saidso.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// The effective settings of every rule, in catalogue order.
struct Rules<'a>(&'a Config);

impl Serialize for Rules<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(Rule::ALL.len()))?;
        for r in Rule::ALL {
            map.serialize_entry(r.id(), self.0.level(*r).as_str())?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct View<'a> {
    rules: Rules<'a>,
    style: StyleView<'a>,
    policy: PolicyView,
    files: FilesView<'a>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    sources: BTreeMap<&'a str, &'a [String]>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct PolicyView {
    #[serde(skip_serializing_if = "Option::is_none")]
    max_anonymous_share: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_named_sources: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    require_on_the_record: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct StyleView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution_tense: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speech_verbs: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    loaded_verbs: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    anonymity_phrases: Option<&'a [String]>,
}

#[derive(Serialize)]
struct FilesView<'a> {
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    include: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    exclude: &'a [String],
}

/// The configuration as TOML text with a comment naming its origin (still valid TOML, so the
/// output can be saved as a starting `.saidso.toml`).
pub fn to_toml(loaded: &Loaded) -> Result<String, toml::ser::Error> {
    let c = &loaded.config;
    let view = View {
        rules: Rules(c),
        style: StyleView {
            attribution_tense: c.style.attribution_tense.map(|t| t.as_str()),
            speech_verbs: c.style.speech_verbs.as_deref(),
            loaded_verbs: c.style.loaded_verbs.as_deref(),
            anonymity_phrases: c.style.anonymity_phrases.as_deref(),
        },
        policy: PolicyView {
            max_anonymous_share: c.policy.max_anonymous_share,
            min_named_sources: c.policy.min_named_sources,
            require_on_the_record: c
                .policy
                .require_on_the_record
                .iter()
                .map(|s| s.as_str())
                .collect(),
        },
        files: FilesView {
            include: &c.files.include,
            exclude: &c.files.exclude,
        },
        sources: c
            .sources
            .rules
            .iter()
            .map(|r| (r.pattern.as_str(), r.sources.as_slice()))
            .collect(),
    };
    let origin = match &loaded.path {
        Some(p) => format!("# from {}\n", p.display()),
        None => "# defaults (no .saidso.toml found)\n".to_string(),
    };
    Ok(origin + &toml::to_string(&view)?)
}

pub fn run(args: ConfigArgs) -> ExitCode {
    let loaded = match (&args.config, &args.path) {
        (Some(file), _) => load_file(file),
        (None, Some(path)) if path.is_dir() => discover(path),
        (None, Some(path)) => discover(match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        }),
        (None, None) => discover(Path::new(".")),
    };
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            eprintln!("saidso: {e}");
            return ExitCode::from(exit::TROUBLE);
        }
    };
    let text = match to_toml(&loaded) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("saidso: cannot print the configuration: {e}");
            return ExitCode::from(exit::TROUBLE);
        }
    };
    match write_output(|out| out.write_all(text.as_bytes())) {
        Ok(()) => ExitCode::from(exit::OK),
        Err(code) => code,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_config_parses_back_to_the_same_config() {
        let src = "[rules]\nunclosed-quote = \"off\"\n[style]\nattribution-tense = \"says\"\n\
                   loaded-verbs = []\n[policy]\nmax-anonymous-share = 0.25\n\
                   min-named-sources = 2\nrequire-on-the-record = [\"lede\"]\n\
                   [files]\nexclude = [\"archive/**\"]\n\
                   [sources]\n\"drafts/*.md\" = [\"notes/*.txt\"]\n";
        let loaded = Loaded {
            config: Config::from_toml(src).expect("valid"),
            path: Some(PathBuf::from("/x/.saidso.toml")),
        };
        let text = to_toml(&loaded).expect("toml");
        assert!(text.starts_with("# from /x/.saidso.toml\n"), "{text}");
        assert!(text.contains("unattributed-quote = \"warning\""), "{text}");
        assert!(
            text.contains("[policy]\nmax-anonymous-share = 0.25\n"),
            "{text}"
        );
        let again = Config::from_toml(&text).expect("round trip");
        let mut expected = loaded.config.clone();
        // Printing makes the defaults explicit.
        for r in Rule::ALL {
            expected.rules.insert(*r, loaded.config.level(*r));
        }
        assert_eq!(again, expected);
    }

    #[test]
    fn defaults_say_so() {
        let text = to_toml(&Loaded::default()).expect("toml");
        assert!(text.starts_with("# defaults"), "{text}");
    }
}
