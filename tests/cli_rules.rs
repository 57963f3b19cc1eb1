//! The style rules through `saidso check`: fixes in the JSON output, `[style]` of
//! `.saidso.toml` reaching the engine, and `[rules]` switching the new rules off.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;

/// `saidso check ARGS` run in a fresh folder holding `files`; its standard output.
fn check(files: &[(&str, &str)], args: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        fs::write(dir.path().join(name), text).expect("write");
    }
    Command::new(env!("CARGO_BIN_EXE_saidso"))
        .current_dir(dir.path())
        .arg("check")
        .args(args)
        .output()
        .expect("saidso runs")
        .stdout
}

fn check_json(files: &[(&str, &str)], target: &str) -> Value {
    serde_json::from_slice(&check(files, &["--format", "json", target])).expect("json output")
}

/// The draft the fix tests read: its `said Putin` has a mechanical fix.
const SAID_PUTIN: &str = "Intro line here.\n\n\"We won,\" said Putin.\n";

fn findings(v: &Value) -> Vec<(String, Value)> {
    v["files"][0]["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| (f["rule"].as_str().unwrap_or("").to_string(), f.clone()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn json_findings_carry_their_fix() {
    let text = SAID_PUTIN;
    let v = check_json(&[("a.txt", text)], "a.txt");
    let (_, f) = findings(&v)
        .into_iter()
        .find(|(rule, _)| rule == "said-name-order")
        .expect("said-name-order finding");
    let at = text.find("said Putin").expect("cue");
    assert_eq!(f["fix"]["title"], "Change to \"Putin said\"");
    assert_eq!(f["fix"]["edits"][0]["replacement"], "Putin said");
    assert_eq!(f["fix"]["edits"][0]["range"]["byte_start"], at);
    assert_eq!(
        f["fix"]["edits"][0]["range"]["byte_end"],
        at + "said Putin".len()
    );
    assert_eq!(f["fix"]["edits"][0]["range"]["start_line"], 3);
    // A rule without a mechanical correction says so with null.
    let v = check_json(&[("b.txt", "Intro.\n\n\"Nobody knows.\"\n")], "b.txt");
    let (_, f) = findings(&v)
        .into_iter()
        .find(|(rule, _)| rule == "unattributed-quote")
        .expect("unattributed-quote finding");
    assert!(f["fix"].is_null());
}

#[test]
fn style_section_takes_effect() {
    let text = "\"We did nothing wrong,\" the company claimed.\n\n\
                \"We won,\" Senator Maria Lopez said.\n\n\"We lost,\" Governor Frank Hale says.\n";
    let rules = |v: &Value| -> Vec<String> { findings(v).into_iter().map(|(r, _)| r).collect() };
    let default = check_json(&[("a.txt", text)], "a.txt");
    let got = rules(&default);
    assert!(got.contains(&"loaded-verb".to_string()), "{got:?}");
    let tense = findings(&default)
        .into_iter()
        .find(|(r, _)| r == "attribution-tense")
        .expect("tense finding");
    assert_eq!(tense.1["fix"]["edits"][0]["replacement"], "said");

    let configured = check_json(
        &[
            ("a.txt", text),
            (
                ".saidso.toml",
                "[style]\nattribution-tense = \"says\"\nloaded-verbs = []\n",
            ),
        ],
        "a.txt",
    );
    let got = rules(&configured);
    assert!(!got.contains(&"loaded-verb".to_string()), "{got:?}");
    let tense = findings(&configured)
        .into_iter()
        .find(|(r, _)| r == "attribution-tense")
        .expect("tense finding");
    assert_eq!(tense.1["fix"]["edits"][0]["replacement"], "says");
}

#[test]
fn rules_section_switches_new_rules_off() {
    let text = "Intro line here.\n\n\"We won,\" said Putin.\n";
    let v = check_json(
        &[
            ("a.txt", text),
            (".saidso.toml", "[rules]\nsaid-name-order = \"off\"\n"),
        ],
        "a.txt",
    );
    assert!(findings(&v).iter().all(|(r, _)| r != "said-name-order"));
}

#[test]
fn sarif_results_carry_their_fix() {
    let out = check(&[("a.txt", SAID_PUTIN)], &["--format", "sarif", "a.txt"]);
    let v: Value = serde_json::from_slice(&out).expect("sarif json");
    let results = v["runs"][0]["results"].as_array().expect("results");
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "said-name-order")
        .expect("said-name-order result");
    let fix = &r["fixes"][0];
    assert_eq!(fix["description"]["text"], "Change to \"Putin said\"");
    let change = &fix["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "a.txt");
    let rep = &change["replacements"][0];
    assert_eq!(rep["insertedContent"]["text"], "Putin said");
    assert_eq!(rep["deletedRegion"]["startLine"], 3);
    assert_eq!(rep["deletedRegion"]["startColumn"], 11);
    assert_eq!(rep["deletedRegion"]["endColumn"], 21);
    // Results without a fix have no `fixes`.
    assert!(results
        .iter()
        .filter(|r| r["ruleId"] != "said-name-order")
        .all(|r| r.get("fixes").is_none()));
}

#[test]
fn text_output_names_the_fix() {
    let text = String::from_utf8(check(&[("a.txt", SAID_PUTIN)], &["a.txt"])).expect("utf8");
    assert!(
        text.contains("a.txt:3:11: info[said-name-order] ")
            && text.contains("\n  fix: Change to \"Putin said\"\n"),
        "{text}"
    );
}
