//! `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).
//!
//! A hand-written serde model of the subset we emit rather than `serde-sarif`: the subset is
//! small, and the crate costs a long build. Columns are counted in Unicode code points, which
//! `run.columnKind` declares (the SARIF default would be UTF-16 code units).

use crate::analysis::{Rule, Severity};
use crate::cli::report::{Location as Loc, Run};
use serde::Serialize;
use std::io::{self, Write};

pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<SarifRun>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
    invocations: Vec<Invocation>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: String,
    short_description: Message,
    full_description: Message,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    /// The rule's mechanical correction (SARIF 3.55), for tools that apply fixes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Message,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Content,
}

#[derive(Serialize)]
struct Content {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
}

/// SARIF has no "hint" or "info": both are notes.
pub const fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// `unattributed-quote` → `UnattributedQuote`, SARIF's "friendly name" style.
fn friendly_name(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A path as a URI reference: relative paths stay relative (code scanning resolves them against
/// the repository root), absolute ones become `file://` URIs; anything outside the unreserved
/// set is percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn physical(path: &str, at: Option<Loc>) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: ArtifactLocation { uri: uri(path) },
        region: at.map(|at| Region {
            start_line: at.start.line,
            start_column: at.start.column,
            end_line: at.end.line,
            end_column: at.end.column,
        }),
    }
}

pub fn render(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let rules = Rule::ALL
        .iter()
        .map(|r| {
            let info = r.info();
            Descriptor {
                id: info.id,
                name: friendly_name(info.id),
                short_description: Message {
                    text: info.summary.to_string(),
                },
                full_description: Message {
                    text: info.explanation.to_string(),
                },
                default_configuration: Configuration {
                    level: level(info.default_severity),
                },
            }
        })
        .collect();
    let mut results = Vec::new();
    for file in &run.files {
        for f in &file.findings {
            results.push(SarifResult {
                rule_id: f.rule.id(),
                rule_index: Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or(0),
                level: level(f.severity),
                message: Message {
                    text: f.message.clone(),
                },
                locations: vec![Location {
                    id: None,
                    physical_location: physical(&file.path, Some(f.at)),
                    message: None,
                }],
                related_locations: f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, n)| Location {
                        id: Some(i),
                        physical_location: physical(&file.path, Some(n.at)),
                        message: Some(Message {
                            text: n.message.clone(),
                        }),
                    })
                    .collect(),
                fixes: f
                    .fix
                    .iter()
                    .map(|fix| SarifFix {
                        description: Message {
                            text: fix.title.clone(),
                        },
                        artifact_changes: vec![ArtifactChange {
                            artifact_location: ArtifactLocation {
                                uri: uri(&file.path),
                            },
                            replacements: fix
                                .edits
                                .iter()
                                .map(|(at, text)| Replacement {
                                    // An empty region (start = end) is an insertion.
                                    deleted_region: Region {
                                        start_line: at.start.line,
                                        start_column: at.start.column,
                                        end_line: at.end.line,
                                        end_column: at.end.column,
                                    },
                                    inserted_content: Content { text: text.clone() },
                                })
                                .collect(),
                        }],
                    })
                    .collect(),
            });
        }
    }
    let notifications = run
        .failures
        .iter()
        .map(|e| Notification {
            level: "error",
            message: Message {
                text: format!("{}: {}", e.path, e.message),
            },
            locations: vec![Location {
                id: None,
                physical_location: physical(&e.path, None),
                message: None,
            }],
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![SarifRun {
            tool: Tool {
                driver: Driver {
                    name: "saidso",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
            invocations: vec![Invocation {
                execution_successful: run.failures.is_empty(),
                tool_execution_notifications: notifications,
            }],
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::fixtures;
    use serde_json::Value;

    #[test]
    fn uris_are_encoded_references() {
        assert_eq!(uri("news/a b.md"), "news/a%20b.md");
        assert_eq!(uri("./x/y.md"), "x/y.md");
        assert_eq!(uri("/tmp/é.md"), "file:///tmp/%C3%A9.md");
        assert_eq!(uri("a\\b#1.md"), "a/b%231.md");
    }

    #[test]
    fn friendly_names() {
        assert_eq!(friendly_name("unattributed-quote"), "UnattributedQuote");
    }

    #[test]
    fn log_has_the_2_1_0_structure() {
        let mut out = Vec::new();
        render(&fixtures::run(), &mut out).expect("render");
        let v: Value = serde_json::from_slice(&out).expect("json");
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(v["$schema"], SCHEMA);
        let run = &v["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "saidso");
        let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
        assert_eq!(rules.len(), Rule::ALL.len());
        assert_eq!(rules[0]["id"], "unattributed-quote");
        assert_eq!(rules[0]["defaultConfiguration"]["level"], "warning");
        let r = &run["results"][0];
        assert_eq!(r["ruleId"], "unattributed-quote");
        assert_eq!(r["ruleIndex"], 0);
        assert_eq!(r["level"], "warning");
        assert_eq!(r["message"]["text"], "Who said this? 100%, a:b");
        let pl = &r["locations"][0]["physicalLocation"];
        assert_eq!(pl["artifactLocation"]["uri"], "news/a%20b.md");
        assert_eq!(pl["region"]["startLine"], 3);
        assert_eq!(pl["region"]["startColumn"], 1);
        assert_eq!(pl["region"]["endColumn"], 18);
        assert_eq!(
            r["relatedLocations"][0]["message"]["text"],
            "last named source"
        );
        assert_eq!(run["results"][1]["level"], "error");
        let inv = &run["invocations"][0];
        assert_eq!(inv["executionSuccessful"], false);
        assert_eq!(inv["toolExecutionNotifications"][0]["level"], "error");
    }
}
