//! The sourcing features of `saidso lsp` over stdio: the code lens with the article's counts,
//! the two commands behind it (`saidso.speakerTable`, `saidso.sourcingReport`), and the
//! `[policy]` of a project's `.saidso.toml` as diagnostics.

mod support;

use serde_json::{json, Value};
use std::time::Duration;
use support::{uri, Client, SEED};

/// The seed with an orphan quote after a paragraph that is not a quote.
fn seed_with_orphan() -> String {
    format!("{SEED}\n\nThe weather in Moscow was cold.\n\n\"Nobody knows.\"\n")
}

fn open(client: &mut Client, doc: &str, text: &str) {
    client.open(doc, "plaintext", 1, text);
    client.diagnostics_for_version(doc, 1);
}

#[test]
fn the_server_offers_lenses_and_the_sourcing_commands() {
    let (client, init) = Client::start(json!({}), json!({}));
    let caps = &init["capabilities"];
    assert_eq!(caps["codeLensProvider"], json!({"resolveProvider": false}));
    assert_eq!(
        caps["executeCommandProvider"]["commands"],
        json!(["saidso.speakerTable", "saidso.sourcingReport"])
    );
    client.shutdown_and_exit();
}

#[test]
fn a_lens_at_the_top_counts_quotes_speakers_and_orphans() {
    let mut client = Client::default_started();
    let doc = uri("lens.txt");
    open(&mut client, &doc, &seed_with_orphan());
    let lenses = client.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": doc}}),
    );
    assert_eq!(lenses.as_array().map(Vec::len), Some(1), "{lenses}");
    let lens = &lenses[0];
    assert_eq!(lens["range"]["start"], json!({"line": 0, "character": 0}));
    assert_eq!(
        lens["command"]["title"],
        "10 quotes · 1 speaker · 1 unattributed"
    );
    assert_eq!(lens["command"]["command"], "saidso.speakerTable");
    assert_eq!(lens["command"]["arguments"], json!([doc]));
    client.shutdown_and_exit();
}

#[test]
fn the_lens_command_shows_the_speaker_table() {
    let mut client = Client::default_started();
    let doc = uri("table.txt");
    open(&mut client, &doc, &seed_with_orphan());
    // As a client with no saidso extension runs it: the server shows the table itself.
    let table = client.request(
        "workspace/executeCommand",
        json!({"command": "saidso.speakerTable", "arguments": [doc]}),
    );
    let putin = &table["speakers"][0];
    assert_eq!(putin["name"], "Vladimir Putin");
    assert_eq!(putin["kind"], "person");
    assert_eq!(putin["quotes"], 9);
    assert!(putin["firstQuote"]["start"]["line"].is_u64(), "{table}");
    assert!(
        table["markdown"]
            .as_str()
            .is_some_and(|m| m.contains("| Vladimir Putin (Russian President) | person |")),
        "{table}"
    );
    let shown = client.notification("window/showMessage");
    assert_eq!(shown["type"], 3);
    assert!(
        shown["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("saidso: 10 quotes") && m.contains("Vladimir Putin")),
        "{shown}"
    );
    // A saidso client displays it and says so: no message then.
    client.request(
        "workspace/executeCommand",
        json!({"command": "saidso.speakerTable", "arguments": [doc, {"display": "client"}]}),
    );
    client.expect_silence(Duration::from_millis(300));
    client.shutdown_and_exit();
}

#[test]
fn the_report_command_returns_the_page_saidso_report_writes() {
    let mut client = Client::default_started();
    let doc = uri("page.txt");
    open(&mut client, &doc, &seed_with_orphan());
    let report = client.request(
        "workspace/executeCommand",
        json!({"command": "saidso.sourcingReport", "arguments": [doc]}),
    );
    assert_eq!(report["title"], "Sourcing: page.txt");
    let html = report["html"].as_str().expect("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<article class=\"story\"").count(), 1);
    assert!(html.contains("class=\"q orphan\""));
    assert!(html.contains("<span class=\"q s0\" data-s=\"0\" title=\"Vladimir Putin"));
    client.shutdown_and_exit();
}

#[test]
fn bad_command_arguments_are_errors() {
    let mut client = Client::default_started();
    for params in [
        json!({"command": "saidso.speakerTable", "arguments": []}),
        json!({"command": "saidso.noSuchCommand", "arguments": ["file:///x.md"]}),
        json!({"command": "saidso.sourcingReport", "arguments": ["file:///nowhere/x.md"]}),
    ] {
        let response = client.request_raw("workspace/executeCommand", params.clone());
        assert_eq!(response["error"]["code"], -32602, "{params}: {response}");
    }
    client.shutdown_and_exit();
}

#[test]
fn the_house_policy_is_a_diagnostic_in_the_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join(".saidso.toml"),
        "[policy]\nmin-named-sources = 4\n",
    )
    .expect("write");
    let path = dir.path().join("draft.txt");
    std::fs::write(&path, SEED).expect("write");
    let doc = format!("file://{}", path.display());
    let mut client = Client::default_started();
    client.open(&doc, "plaintext", 1, SEED);
    let diags = client.diagnostics_for_version(&doc, 1);
    let policy: Vec<&Value> = diags["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["code"] == "policy-named-sources")
        .collect();
    assert_eq!(policy.len(), 1, "{diags}");
    assert!(
        policy[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("at least 4")),
        "{diags}"
    );
    // The report in the editor carries the same policy note.
    let report = client.request(
        "workspace/executeCommand",
        json!({"command": "saidso.sourcingReport", "arguments": [doc]}),
    );
    assert!(report["html"]
        .as_str()
        .is_some_and(|h| h.contains("class=\"policy\"") && h.contains("at least 4")));
    client.shutdown_and_exit();
}
