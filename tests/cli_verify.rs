//! `saidso verify` and `saidso check` with sources, end to end: the per-quote table, JSON, exit
//! statuses, sources from `.saidso.toml`, front matter and `--source`, bad sources, SARIF,
//! inline suppression, and the catalogue (`saidso rules`, `saidso explain`).

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

const TRANSCRIPT: &str =
    "[00:01:05] MARIA LOPEZ: Good evening. We will not raise taxes this year.\n\
[00:02:10] REPORTER: Will you run again in the spring?\n\
[00:02:15] MARIA LOPEZ: I have not decided.\n";

/// One quote verbatim, one altered, one the reporter's question.
const DRAFT: &str = "Mayor Maria Lopez spoke on Monday.\n\n\
\"We will not raise taxes this year,\" Lopez said.\n\n\
\"I haven't decided,\" she said.\n\n\
\"Will you run again in the spring?\" Lopez said.\n";

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    dir
}

fn saidso(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_saidso"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("saidso runs");
    (
        o.status.code().expect("exit code"),
        String::from_utf8(o.stdout).expect("utf8"),
        String::from_utf8(o.stderr).expect("utf8"),
    )
}

#[test]
fn verify_prints_a_table_per_quote() {
    let d = tree(&[("story.txt", DRAFT), ("notes/lopez.txt", TRANSCRIPT)]);
    let (code, out, err) = saidso(
        d.path(),
        &["verify", "story.txt", "--source", "notes/lopez.txt"],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        out,
        "story.txt (sources: notes/lopez.txt)\n\
         \x20 where     words    speaker    quoted as           quote                               source\n\
         \x20 3:1       found    ok         Maria Lopez         \"We will not raise taxes this…\"     notes/lopez.txt:1 (MARIA LOPEZ)\n\
         \x20 5:1       ALTERED  ok         Maria Lopez         \"I haven't decided,\"                notes/lopez.txt:3 (MARIA LOPEZ)\n\
         \x20           source: *have not* — draft: *haven't*\n\
         \x20 7:1       found    MISMATCH   Maria Lopez         \"Will you run again in the…\"        notes/lopez.txt:2 (REPORTER)\n\
         3 quotes verified: 2 found, 1 altered, 0 missing; 1 speaker mismatch, 0 ambiguous\n"
    );
}

#[test]
fn verify_json_names_the_verdicts_and_the_findings() {
    let d = tree(&[("story.txt", DRAFT), ("lopez.txt", TRANSCRIPT)]);
    let (code, out, err) = saidso(
        d.path(),
        &["verify", "story.txt", "-s", "lopez.txt", "--format", "json"],
    );
    assert_eq!(code, 1, "{out}{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    let quotes = v["files"][0]["quotes"].as_array().expect("quotes");
    let verdicts: Vec<(&str, &str, &str)> = quotes
        .iter()
        .map(|q| {
            (
                q["words"].as_str().unwrap(),
                q["speaker_check"].as_str().unwrap(),
                q["findings"][0].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            ("found", "same", "-"),
            ("altered", "same", "quote-altered"),
            ("found", "mismatch", "quote-speaker-mismatch"),
        ]
    );
    assert_eq!(quotes[1]["changes"][0]["source"], "have not");
    assert_eq!(quotes[1]["changes"][0]["draft"], "haven't");
    assert_eq!(quotes[2]["source"]["speakers"][0], "REPORTER");
    assert_eq!(quotes[2]["source"]["line"], 2);
    assert_eq!(v["errors"], serde_json::json!([]));
}

#[test]
fn a_draft_without_sources_or_with_a_missing_one_is_an_error() {
    let d = tree(&[("story.txt", DRAFT)]);
    let (code, _, err) = saidso(d.path(), &["verify", "story.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("story.txt: no sources to verify against"),
        "{err}"
    );
    let (code, _, err) = saidso(d.path(), &["verify", "story.txt", "--source", "gone.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("story.txt: source gone.txt: no such file"),
        "{err}"
    );
    fs::write(d.path().join("bad.txt"), b"PUTIN: \xff\n").expect("write");
    let (code, _, err) = saidso(d.path(), &["verify", "story.txt", "--source", "bad.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.txt: cannot read this source: not valid UTF-8 (byte 7)"),
        "{err}"
    );
}

#[test]
fn check_includes_the_verify_rules_for_drafts_with_sources() {
    let d = tree(&[
        (
            ".saidso.toml",
            "[sources]\n\"drafts/*.txt\" = [\"notes/*.txt\"]\n",
        ),
        ("drafts/story.txt", DRAFT),
        ("notes/lopez.txt", TRANSCRIPT),
        ("other/story.txt", DRAFT),
    ]);
    let (code, out, err) = saidso(d.path(), &["check", "drafts/story.txt", "other/story.txt"]);
    assert_eq!(code, 1, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "drafts/story.txt:5:1: warning[quote-altered] The quote differs from the source (notes/lopez.txt:3, MARIA LOPEZ): source: *have not* — draft: *haven't*.",
            "  fix: Use the source's words",
            "drafts/story.txt:7:1: error[quote-speaker-mismatch] The source gives these words to REPORTER, not to Maria Lopez (notes/lopez.txt:2).",
            "2 files checked: 1 error, 1 warning, 0 info",
        ]
    );
}

#[test]
fn front_matter_names_sources_next_to_the_draft_and_comments_silence_findings() {
    let draft = format!(
        "---\nsources: [lopez.txt]\n---\n\n{}",
        DRAFT.replace(
            "\"Will you run",
            "<!-- saidso-disable-next-line quote-speaker-mismatch -->\n\"Will you run"
        )
    );
    let d = tree(&[("news/story.md", &draft), ("news/lopez.txt", TRANSCRIPT)]);
    let (code, out, err) = saidso(d.path(), &["check", "--format", "json", "news/story.md"]);
    assert_eq!(code, 1, "{out}{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    let rules: Vec<&str> = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["quote-altered"]);
    let fix = &v["files"][0]["findings"][0]["fix"];
    assert_eq!(fix["edits"][0]["replacement"], "have not");
}

#[test]
fn sarif_and_configuration_know_the_new_rules() {
    let d = tree(&[
        (
            ".saidso.toml",
            "[rules]\nquote-altered = \"error\"\n[sources]\n\"*.txt\" = [\"notes/lopez.txt\"]\n",
        ),
        ("story.txt", DRAFT),
        ("notes/lopez.txt", TRANSCRIPT),
    ]);
    let (code, out, err) = saidso(d.path(), &["check", "--format", "sarif", "story.txt"]);
    assert_eq!(code, 1, "{out}{err}");
    let v: Value = serde_json::from_str(&out).expect("sarif");
    let run = &v["runs"][0];
    let ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in [
        "quote-not-in-source",
        "quote-altered",
        "quote-speaker-mismatch",
        "headline-quote-unsupported",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    let results: Vec<(&str, &str)> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["ruleId"].as_str().unwrap(), r["level"].as_str().unwrap()))
        .collect();
    assert_eq!(
        results,
        [
            ("quote-altered", "error"),
            ("quote-speaker-mismatch", "error")
        ]
    );
    let (_, config, _) = saidso(d.path(), &["config", "story.txt"]);
    assert!(
        config.contains("[sources]\n\"*.txt\" = [\"notes/lopez.txt\"]"),
        "{config}"
    );
}

#[test]
fn rules_and_explain_list_the_verify_rules() {
    let d = tree(&[]);
    let (code, out, _) = saidso(d.path(), &["rules"]);
    assert_eq!(code, 0);
    for line in [
        "quote-not-in-source         warning  A quote whose words are in none of the draft's sources.",
        "quote-speaker-mismatch      error    The source gives the quoted words to someone other than the draft does.",
    ] {
        assert!(out.contains(line), "{out}");
    }
    let (code, out, _) = saidso(d.path(), &["explain", "quote-altered"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("quote-altered (default: warning)"), "{out}");
    assert!(out.contains("`we won't` for `we will not`"), "{out}");
}
