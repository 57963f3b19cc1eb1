//! The server's settings and how they are read from the client.
//!
//! Settings arrive as `initializationOptions` and in `workspace/didChangeConfiguration`, either
//! wrapped (`{"saidso": {...}}`, what VS Code's `synchronize.configurationSection` sends) or bare
//! (`{...}`, what most Neovim setups send). Reading is lenient: a wrong value is logged and its
//! default kept, because a typo in a settings file must not switch the linter off.
//!
//! A rule set here wins over the project's `.saidso.toml`, which wins over the rule's default:
//! the editor setting is the writer's explicit choice for their own screen.

use crate::analysis::{Rule, Severity};
pub use crate::config::Level;
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;

/// The longest debounce honoured; anything longer feels like a broken server.
const MAX_DEBOUNCE_MS: u64 = 5_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Everything off when false: no diagnostics, hovers, hints or actions.
    pub enable: bool,
    pub inlay_hints: bool,
    /// Per-rule overrides, by rule id.
    pub rules: HashMap<String, Level>,
    /// How long to wait after a keystroke before analysing for pushed diagnostics.
    pub debounce: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enable: true,
            inlay_hints: true,
            rules: HashMap::new(),
            debounce: Duration::from_millis(50),
        }
    }
}

impl Settings {
    /// What the editor settings set `rule` to, if they mention it.
    pub fn rule_level(&self, rule: Rule) -> Option<Level> {
        self.rules.get(rule.id()).copied()
    }

    /// Reads settings from a client value, starting from the defaults. Returns the settings
    /// and one line per ignored value, for the log.
    pub fn from_json(value: &Value) -> (Settings, Vec<String>) {
        let mut settings = Settings::default();
        let mut problems = Vec::new();
        let Some(obj) = section(value) else {
            if !value.is_null() {
                problems.push(format!("settings must be an object, got {value}"));
            }
            return (settings, problems);
        };
        for (key, v) in obj {
            match key.as_str() {
                "enable" => match v.as_bool() {
                    Some(b) => settings.enable = b,
                    None => problems.push(format!("`enable` must be true or false, got {v}")),
                },
                "inlayHints" => match v.as_bool() {
                    Some(b) => settings.inlay_hints = b,
                    None => problems.push(format!("`inlayHints` must be true or false, got {v}")),
                },
                "debounceMs" => match v.as_f64() {
                    Some(ms) if ms >= 0.0 => {
                        // Truncation is the intent: milliseconds, bounded above.
                        let ms = (ms as u64).min(MAX_DEBOUNCE_MS);
                        settings.debounce = Duration::from_millis(ms);
                    }
                    _ => problems.push(format!("`debounceMs` must be a number ≥ 0, got {v}")),
                },
                "rules" => match v.as_object() {
                    Some(rules) => {
                        for (id, level) in rules {
                            if Rule::from_id(id).is_none() {
                                problems.push(format!(
                                    "unknown rule `{id}` (kept, in case the engine is newer)"
                                ));
                            }
                            match level.as_str().and_then(parse_level) {
                                Some(level) => {
                                    settings.rules.insert(id.clone(), level);
                                }
                                None => problems.push(format!(
                                    "rule `{id}`: expected \"off\", \"hint\", \"info\", \"warning\" or \"error\", got {level}"
                                )),
                            }
                        }
                    }
                    None => problems.push(format!("`rules` must be an object, got {v}")),
                },
                other => problems.push(format!("unknown setting `{other}`")),
            }
        }
        (settings, problems)
    }

    /// Whether a client value carries settings for us at all (VS Code's pull-model clients send
    /// `null` in `didChangeConfiguration` and expect the server to ask).
    pub fn is_present(value: &Value) -> bool {
        section(value).is_some_and(|obj| !obj.is_empty())
    }
}

/// The settings object: `value.saidso` if present, else `value` itself.
fn section(value: &Value) -> Option<&serde_json::Map<String, Value>> {
    let obj = value.as_object()?;
    match obj.get("saidso") {
        Some(inner) => inner.as_object(),
        None => Some(obj),
    }
}

/// The `.saidso.toml` spellings, plus the LSP's own `information` and the common `warn`.
fn parse_level(s: &str) -> Option<Level> {
    let s = s.to_ascii_lowercase();
    Level::from_name(&s).or(match s.as_str() {
        "information" => Some(Level::On(Severity::Info)),
        "warn" => Some(Level::On(Severity::Warning)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wrapped_and_bare_forms_read_the_same() {
        let bare = json!({"enable": true, "inlayHints": false, "debounceMs": 10,
                          "rules": {"unattributed-quote": "error", "ambiguous-speaker": "off"}});
        let wrapped = json!({ "saidso": bare.clone() });
        let (a, pa) = Settings::from_json(&bare);
        let (b, pb) = Settings::from_json(&wrapped);
        assert_eq!(a, b);
        assert!(pa.is_empty() && pb.is_empty(), "{pa:?}");
        assert!(!a.inlay_hints);
        assert_eq!(a.debounce, Duration::from_millis(10));
        assert_eq!(
            a.rule_level(Rule::UnattributedQuote),
            Some(Level::On(Severity::Error))
        );
        assert_eq!(a.rule_level(Rule::AmbiguousSpeaker), Some(Level::Off));
        assert_eq!(a.rule_level(Rule::UnclosedQuote), None);
    }

    #[test]
    fn bad_values_keep_defaults_and_are_reported() {
        let (s, problems) = Settings::from_json(&json!({"enable": "yes", "debounceMs": -3,
            "rules": {"unattributed-quote": "loud"}, "colour": 1}));
        assert_eq!(s, Settings::default());
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert_eq!(Settings::from_json(&Value::Null).0, Settings::default());
        assert!(!Settings::is_present(&Value::Null));
        assert!(!Settings::is_present(&json!({})));
        assert!(Settings::is_present(&json!({"saidso": {"enable": false}})));
    }

    #[test]
    fn huge_debounce_is_capped() {
        let (s, _) = Settings::from_json(&json!({"debounceMs": 1e12}));
        assert_eq!(s.debounce, Duration::from_millis(MAX_DEBOUNCE_MS));
    }
}
