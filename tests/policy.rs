//! The sourcing policy of `[policy]`: the engine's `policy-*` findings (data-driven: a draft
//! and a policy in, every policy finding out as `! rule-id "text at the span"`), then the same
//! findings through `saidso check` (text and SARIF) with a `.saidso.toml`, and `saidso explain`.

use assert_cmd::Command;
use saidso::analysis::{analyze_with, DocKind, Options, Policy, RecordScope};
use serde_json::Value;
use std::fs;

/// A story with two named sources and one anonymous quote in the lede: 5 quotes (the running
/// quote over two paragraphs counts once), 1 of them anonymous.
const STORY: &str = "Council splits over bridge budget\n\n\
The council voted 5-4 on Tuesday to delay repairs to the bridge.\n\n\
\"The bridge is safe for now,\" a city engineer said.\n\n\
\"We will rebuild the bridge by spring,\" Mayor Ana Ortiz said. \"The engineers told us.\n\n\
\"And I will not take that risk.\"\n\n\
Councilman Dale Brooks said the city could not afford it. \"The money is not there,\" he said.\n\n\
\"Nobody asked the people who cross that bridge.\"\n";

fn policy_findings(text: &str, policy: Policy) -> String {
    let options = Options {
        policy,
        ..Options::default()
    };
    let a = analyze_with(text, DocKind::Text, &options);
    a.findings
        .iter()
        .filter(|f| f.rule.id().starts_with("policy-"))
        .map(|f| format!("! {} \"{}\"", f.rule.id(), f.span.text(text)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[track_caller]
fn check(text: &str, policy: Policy, expect: &str) {
    let want: Vec<&str> = expect
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        policy_findings(text, policy),
        want.join("\n"),
        "\n--- input ---\n{text}\n"
    );
}

#[test]
fn off_by_default() {
    check(STORY, Policy::default(), "");
}

#[test]
fn anonymous_share_counts_running_quotes_once() {
    // 1 anonymous quote of 5 is exactly a fifth: allowed at 0.2, not at 0.15.
    let at = |max| Policy {
        max_anonymous_share: Some(max),
        ..Policy::default()
    };
    check(STORY, at(0.2), "");
    check(
        STORY,
        at(0.15),
        r#"! policy-anonymous-share ""The bridge is safe for now,"""#,
    );
}

#[test]
fn named_sources_are_distinct_people_and_organisations() {
    let at = |min| Policy {
        min_named_sources: Some(min),
        ..Policy::default()
    };
    check(STORY, at(2), "");
    check(
        STORY,
        at(3),
        r#"! policy-named-sources "Council splits over bridge budget""#,
    );
    // A draft with no source at all breaks any minimum.
    check(
        "Residents packed the gallery.\n\nThe vote was close.\n",
        at(1),
        r#"! policy-named-sources "Residents packed the gallery.""#,
    );
}

#[test]
fn on_the_record_in_the_lede_or_everywhere() {
    let lede = Policy {
        require_on_the_record: vec![RecordScope::Lede],
        ..Policy::default()
    };
    check(
        STORY,
        lede.clone(),
        r#"! policy-on-the-record ""The bridge is safe for now,"""#,
    );
    // The same anonymous quote four paragraphs down is outside the lede.
    let later = STORY.replacen(
        "\"The bridge is safe for now,\" a city engineer said.\n\n",
        "",
        1,
    ) + "\n\"The bridge is safe for now,\" a city engineer said.\n";
    check(&later, lede, "");
    let all = Policy {
        require_on_the_record: vec![RecordScope::Lede, RecordScope::All],
        ..Policy::default()
    };
    check(
        &later,
        all,
        r#"! policy-on-the-record ""The bridge is safe for now,"""#,
    );
}

/// `saidso ARGS` in a folder holding `story.txt` and a `.saidso.toml` with `policy`.
fn saidso(policy: &str, args: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("story.txt"), STORY).expect("write");
    fs::write(dir.path().join(".saidso.toml"), policy).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_saidso"))
        .current_dir(dir.path())
        .args(args)
        .output()
        .expect("saidso runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

const HOUSE: &str = "[policy]\nmax-anonymous-share = 0.15\nmin-named-sources = 3\n\
                     require-on-the-record = [\"lede\"]\n\
                     [rules]\nunattributed-quote = \"off\"\n";

#[test]
fn check_reports_policy_findings_from_the_project_configuration() {
    let (status, out) = saidso(HOUSE, &["check", "story.txt"]);
    for rule in [
        "policy-anonymous-share",
        "policy-named-sources",
        "policy-on-the-record",
    ] {
        assert!(out.contains(&format!("warning[{rule}]")), "{rule}:\n{out}");
    }
    assert!(
        out.contains("1 of 5 quotes (20%) are from sources the story does not name"),
        "{out}"
    );
    assert_eq!(status, 1, "{out}");
    // Without a policy the same story passes those rules.
    let (_, out) = saidso("", &["check", "story.txt"]);
    assert!(!out.contains("policy-"), "{out}");
}

#[test]
fn sarif_lists_the_policy_rules_and_results() {
    let (_, out) = saidso(HOUSE, &["check", "--format", "sarif", "story.txt"]);
    let v: Value = serde_json::from_str(&out).expect("sarif json");
    let run = &v["runs"][0];
    let ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    let results: Vec<&str> = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["ruleId"].as_str())
        .filter(|id| id.starts_with("policy-"))
        .collect();
    for rule in [
        "policy-anonymous-share",
        "policy-named-sources",
        "policy-on-the-record",
    ] {
        assert!(ids.contains(&rule), "{rule} not in {ids:?}");
        assert!(results.contains(&rule), "{rule} not in {results:?}");
    }
}

#[test]
fn explain_documents_the_policy_rules() {
    for (rule, key) in [
        ("policy-anonymous-share", "max-anonymous-share"),
        ("policy-named-sources", "min-named-sources"),
        ("policy-on-the-record", "require-on-the-record"),
    ] {
        let (status, out) = saidso("", &["explain", rule]);
        assert_eq!(status, 0, "{rule}");
        assert!(out.contains(key), "{rule}:\n{out}");
    }
    let (_, rules) = saidso("", &["rules"]);
    assert!(rules.contains("policy-on-the-record"), "{rules}");
}
