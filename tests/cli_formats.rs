//! The machine-readable formats of `saidso check` end to end: JSON (docs/json-format.md),
//! SARIF 2.1.0 (structure checked against the spec's required keys and value sets) and GitHub
//! workflow commands.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;

const ORPHAN: &str = "The council met on Monday.\n\n\"Nobody knows what comes next.\"\n";
const UNCLOSED: &str = "Intro, “é” 😀.\n\n\"We will never stop\n";

fn check(files: &[(&str, &[u8])], args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        fs::write(dir.path().join(name), text).expect("write");
    }
    let o = Command::new(env!("CARGO_BIN_EXE_saidso"))
        .current_dir(dir.path())
        .arg("check")
        .args(args)
        .output()
        .expect("runs");
    (
        o.status.code().expect("code"),
        String::from_utf8(o.stdout).expect("utf8"),
        String::from_utf8(o.stderr).expect("utf8"),
    )
}

fn files() -> Vec<(&'static str, &'static [u8])> {
    vec![
        ("orphan.md", ORPHAN.as_bytes()),
        ("my draft.txt", UNCLOSED.as_bytes()),
        ("bad.txt", b"\xff"),
    ]
}

#[test]
fn json_document() {
    let (code, out, _) = check(
        &files(),
        &["--format", "json", "orphan.md", "my draft.txt", "bad.txt"],
    );
    assert_eq!(code, 2);
    let v: Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(v["format_version"], 1);
    let files = v["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["path"], "orphan.md");
    assert_eq!(files[0]["kind"], "markdown");
    assert_eq!(files[1]["kind"], "text");
    let f = &files[0]["findings"][0];
    assert_eq!(f["rule"], "unattributed-quote");
    assert_eq!(f["severity"], "warning");
    assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()));
    let start = ORPHAN.find('"').expect("quote");
    assert_eq!(f["range"]["byte_start"], start);
    assert_eq!(f["range"]["start_line"], 3);
    assert_eq!(f["range"]["start_column"], 1);
    assert!(f["related"].is_array());
    let s = &files[0]["sourcing"];
    assert_eq!(
        (s["quotes"].as_u64(), s["unattributed"].as_u64()),
        (Some(1), Some(1))
    );
    // The unclosed quote sits after multi-byte text on line 3; bytes and columns differ there.
    let unclosed = files[1]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "unclosed-quote")
        .expect("unclosed-quote");
    assert_eq!(unclosed["severity"], "error");
    assert_eq!(unclosed["range"]["start_line"], 3);
    assert_eq!(
        unclosed["range"]["byte_start"],
        UNCLOSED.find("\"We").expect("mark")
    );
    assert_eq!(v["errors"][0]["path"], "bad.txt");
    assert_eq!(v["errors"][0]["message"], "not valid UTF-8 (byte 0)");
    assert_eq!(v["totals"]["files"], 2);
    assert_eq!(v["totals"]["unreadable"], 1);
    assert_eq!(v["totals"]["error"], 1);
}

/// The parts of SARIF 2.1.0 a consumer relies on, checked as the schema states them.
fn assert_sarif_2_1_0(v: &Value) {
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("sarif-schema-2.1.0")));
    let runs = v["runs"].as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "saidso");
    let rules = driver["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    for id in ["unattributed-quote", "unclosed-quote"] {
        assert!(ids.contains(&id), "{ids:?}");
    }
    for r in rules {
        assert!(r["shortDescription"]["text"].is_string(), "{r}");
        let level = r["defaultConfiguration"]["level"].as_str().expect("level");
        assert!(["none", "note", "warning", "error"].contains(&level));
    }
    for result in run["results"].as_array().expect("results") {
        // message is the one required property of a result.
        assert!(result["message"]["text"].is_string(), "{result}");
        let rule_id = result["ruleId"].as_str().expect("ruleId");
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], rule_id);
        let level = result["level"].as_str().expect("level");
        assert!(
            ["none", "note", "warning", "error"].contains(&level),
            "{level}"
        );
        for loc in result["locations"].as_array().expect("locations") {
            let pl = &loc["physicalLocation"];
            assert!(pl["artifactLocation"]["uri"].is_string(), "{pl}");
            let region = &pl["region"];
            for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(
                    region[key].as_u64().is_some_and(|n| n >= 1),
                    "{key}: {region}"
                );
            }
            let start = (region["startLine"].as_u64(), region["startColumn"].as_u64());
            let end = (region["endLine"].as_u64(), region["endColumn"].as_u64());
            assert!(start <= end, "{region}");
        }
    }
}

#[test]
fn sarif_log() {
    let (code, out, _) = check(
        &files(),
        &["--format", "sarif", "orphan.md", "my draft.txt", "bad.txt"],
    );
    assert_eq!(code, 2);
    let v: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    assert_sarif_2_1_0(&v);
    let run = &v["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().expect("results");
    let orphan = &results[0];
    assert_eq!(orphan["ruleId"], "unattributed-quote");
    assert_eq!(orphan["level"], "warning");
    let pl = &orphan["locations"][0]["physicalLocation"];
    assert_eq!(pl["artifactLocation"]["uri"], "orphan.md");
    assert_eq!(pl["region"]["startLine"], 3);
    assert_eq!(pl["region"]["startColumn"], 1);
    let unclosed = results
        .iter()
        .find(|r| r["ruleId"] == "unclosed-quote")
        .expect("unclosed-quote");
    assert_eq!(unclosed["level"], "error");
    assert_eq!(
        unclosed["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "my%20draft.txt"
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn sarif_with_no_findings_is_still_a_valid_log() {
    let (code, out, _) = check(
        &[("ok.md", b"\"We will win,\" Smith said.\n")],
        &["--format", "sarif", "ok.md"],
    );
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_sarif_2_1_0(&v);
    assert_eq!(v["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn github_annotations() {
    let (code, out, _) = check(
        &files(),
        &["--format", "github", "orphan.md", "my draft.txt"],
    );
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(
            "::warning file=orphan.md,line=3,col=1,endLine=3,endColumn=32,title=saidso unattributed-quote::"
        ),
        "{}",
        lines[0]
    );
    let unclosed = lines
        .iter()
        .find(|l| l.contains("title=saidso unclosed-quote"))
        .expect("unclosed annotation");
    assert!(
        unclosed.starts_with("::error file=my draft.txt,line=3,col=1,"),
        "{unclosed}"
    );
    // Every command line has the `::cmd props::message` shape with nothing unescaped.
    for l in lines.iter().filter(|l| l.starts_with("::")) {
        let (_, message) = l[2..].split_once("::").expect("two parts");
        assert!(!message.contains('\r'));
    }
    assert!(lines.last().is_some_and(|l| l.contains("2 files checked")));
    let (_, quiet, _) = check(&files(), &["--format", "github", "--quiet", "orphan.md"]);
    assert!(quiet.lines().all(|l| l.starts_with("::")), "{quiet}");
}
