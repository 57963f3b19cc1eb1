//! Configuration end to end: inline `saidso-disable` comments, the project's `.saidso.toml`
//! (and its changes), settings the server asks the client for, and the language id.

mod support;

use serde_json::{json, Value};
use support::{uri, Client};

const ORPHAN: &str = "The weather in Moscow was cold.\n\n\"Nobody knows.\"\n";

fn codes(diags: &Value) -> Vec<String> {
    diags["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("-").to_owned())
        .collect()
}

#[test]
fn inline_comments_suppress_findings_like_the_cli() {
    let mut client = Client::default_started();
    let doc = uri("suppressed.md");
    let text = "The weather in Moscow was cold.\n\n<!-- saidso-disable-next-line unattributed-quote -->\n\"Nobody knows.\"\n";
    client.open(&doc, "markdown", 1, text);
    assert_eq!(codes(&client.diagnostics(&doc)), Vec::<String>::new());

    let typo = uri("typo.md");
    let text = "The weather in Moscow was cold.\n\n<!-- saidso-disable-next-line unatributed-quote -->\n\"Nobody knows.\"\n";
    client.open(&typo, "markdown", 1, text);
    let diags = client.diagnostics(&typo);
    let messages: Vec<&str> = diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("Unknown rule id `unatributed-quote`")),
        "{diags}"
    );
    assert!(
        codes(&diags).contains(&"unattributed-quote".to_owned()),
        "{diags}"
    );
}

#[test]
fn project_config_sets_severities_and_editor_settings_win() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let config = root.join(".saidso.toml");
    std::fs::write(&config, "[rules]\nunattributed-quote = \"error\"\n").unwrap();
    let doc = format!("file://{}/story.txt", root.display());
    let (mut client, _) = Client::start(json!({}), json!({"debounceMs": 0}));
    client.open(&doc, "plaintext", 1, ORPHAN);
    let diags = client.diagnostics(&doc);
    assert_eq!(
        diags["diagnostics"][0]["code"], "unattributed-quote",
        "{diags}"
    );
    assert_eq!(diags["diagnostics"][0]["severity"], 1, "{diags}");

    // The file changes; the editor tells us; the open document is re-checked.
    std::fs::write(&config, "[rules]\nunattributed-quote = \"off\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", config.display()), "type": 2}]}),
    );
    assert_eq!(client.diagnostics(&doc)["diagnostics"], json!([]));

    // An editor setting for the rule wins over the file.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"saidso": {"rules": {"unattributed-quote": "hint"}, "debounceMs": 0}}}),
    );
    let diags = client.diagnostics(&doc);
    assert_eq!(diags["diagnostics"][0]["severity"], 4, "{diags}");

    // A broken file is reported on the document, and the defaults apply.
    std::fs::write(&config, "[rules]\nno-such-rule = \"error\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", config.display()), "type": 2}]}),
    );
    let diags = client.diagnostics(&doc);
    let messages: Vec<&str> = diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains(".saidso.toml for this file is unusable")),
        "{diags}"
    );
}

#[test]
fn empty_configuration_change_makes_the_server_ask() {
    let (mut client, _) = Client::start(
        json!({"workspace": {"configuration": true}}),
        json!({"debounceMs": 0}),
    );
    let doc = uri("asked.txt");
    client.open(&doc, "plaintext", 1, ORPHAN);
    let diags = client.diagnostics(&doc);
    assert_eq!(diags["diagnostics"][0]["severity"], 2);

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let (id, params) = client.server_request("workspace/configuration");
    assert_eq!(params, json!({"items": [{"section": "saidso"}]}));
    client.reply(
        id,
        json!([{"rules": {"unattributed-quote": "error"}, "debounceMs": 0}]),
    );
    let diags = client.diagnostics(&doc);
    assert_eq!(diags["diagnostics"][0]["severity"], 1, "{diags}");
}

#[test]
fn settings_changes_ask_capable_clients_to_refresh_hints() {
    let (mut client, _) = Client::start(
        json!({"workspace": {"inlayHint": {"refreshSupport": true}}}),
        json!({"debounceMs": 0}),
    );
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"saidso": {"inlayHints": false}}}),
    );
    let (id, _) = client.server_request("workspace/inlayHint/refresh");
    client.reply(id, Value::Null);
}

#[test]
fn the_language_id_decides_markdown() {
    // A quote inside a Markdown code block is not prose; in plain text it is.
    let text = "Intro.\n\n```\n\"Nobody knows.\"\n```\n";
    let mut client = Client::default_started();
    let stats = |client: &mut Client, doc: &str| {
        client.request(
            "saidso/documentStats",
            json!({"textDocument": {"uri": doc}}),
        )["quotes"]
            .clone()
    };
    let md = uri("code.md");
    client.open(&md, "markdown", 1, text);
    client.diagnostics(&md);
    assert_eq!(stats(&mut client, &md), 0);
    let txt = uri("code.txt");
    client.open(&txt, "plaintext", 1, text);
    client.diagnostics(&txt);
    assert_ne!(stats(&mut client, &txt), 0);
    // The extension decides when the language id says nothing useful.
    let by_ext = uri("other.markdown");
    client.open(&by_ext, "text", 1, text);
    client.diagnostics(&by_ext);
    assert_eq!(stats(&mut client, &by_ext), 0);
}
