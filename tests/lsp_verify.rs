//! Quotes checked against their sources in the editor: diagnostics, the hover's diff, the
//! "Use the source's words" quick fix, and the file watchers the server registers for the
//! sources, which re-verify the drafts when a transcript changes on disk.

mod support;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use support::{position, Client};

const TRANSCRIPT: &str =
    "[00:01:05] MARIA LOPEZ: Good evening. We will not raise taxes this year.\n\
[00:02:10] REPORTER: Will you run again in the spring?\n\
[00:02:15] MARIA LOPEZ: I have not decided.\n";

const DRAFT: &str = "---\nsources: [lopez.txt]\n---\n\nMayor Maria Lopez spoke on Monday.\n\n\
\"We will not raise taxes this year,\" Lopez said.\n\n\
\"I haven't decided,\" she said.\n\n\
\"Will you run again in the spring?\" Lopez said.\n";

/// A folder with the transcript, and the draft's URI in it.
fn newsroom() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("lopez.txt"), TRANSCRIPT).unwrap();
    let doc = format!("file://{}/story.md", root.display());
    (dir, root, doc)
}

fn codes(diags: &Value) -> Vec<String> {
    diags["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("-").to_owned())
        .collect()
}

fn diagnostic(diags: &Value, code: &str) -> Value {
    diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diags}"))
        .clone()
}

fn hover_at(client: &mut Client, doc: &str, text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap() + 2;
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": position(text, at, "utf-16")}),
    );
    hover["contents"]["value"].as_str().unwrap().to_owned()
}

#[test]
fn altered_and_misattributed_quotes_are_diagnosed_with_a_diff_in_the_hover() {
    let (_dir, _root, doc) = newsroom();
    let mut client = Client::default_started();
    client.open(&doc, "markdown", 1, DRAFT);
    let diags = client.diagnostics(&doc);
    assert_eq!(
        codes(&diags),
        ["quote-altered", "quote-speaker-mismatch"],
        "{diags}"
    );
    let mismatch = diagnostic(&diags, "quote-speaker-mismatch");
    assert_eq!(mismatch["severity"], 1);
    assert_eq!(
        mismatch["message"],
        "The source gives these words to REPORTER, not to Maria Lopez (lopez.txt:2)."
    );

    let altered = hover_at(&mut client, &doc, DRAFT, "I haven't");
    assert!(
        altered.contains("**Altered** — differs from lopez.txt:3 (MARIA LOPEZ)"),
        "{altered}"
    );
    assert!(
        altered.contains("- source: *have not* — draft: *haven't*"),
        "{altered}"
    );
    assert!(altered.contains("> I have not decided"), "{altered}");

    let found = hover_at(&mut client, &doc, DRAFT, "We will not");
    assert!(
        found.contains("**In the source** — lopez.txt:1 (MARIA LOPEZ)"),
        "{found}"
    );

    let question = hover_at(&mut client, &doc, DRAFT, "Will you run");
    assert!(question.contains("**Speaker mismatch**"), "{question}");
}

#[test]
fn the_quick_fix_uses_the_source_words() {
    let (_dir, _root, doc) = newsroom();
    let mut client = Client::default_started();
    client.open(&doc, "markdown", 1, DRAFT);
    let diags = client.diagnostics(&doc);
    let altered = diagnostic(&diags, "quote-altered");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": doc},
            "range": altered["range"],
            "context": {"diagnostics": [altered.clone()]}
        }),
    );
    let first = &actions[0];
    assert_eq!(first["title"], "Use the source's words", "{actions}");
    assert_eq!(first["isPreferred"], true);
    let edits = support::action_edits(first, &doc);
    let fixed = support::apply_edits(DRAFT, &edits);
    assert!(
        fixed.contains("\"I have not decided,\" she said."),
        "{fixed}"
    );
    client.change_by_edits(&doc, 2, &edits);
    let diags = client.diagnostics_for_version(&doc, 2);
    assert_eq!(codes(&diags), ["quote-speaker-mismatch"], "{diags}");
}

/// Reads the server's registration of source watchers, answers it, and returns the watchers.
fn registered_watchers(client: &mut Client) -> Value {
    let (id, params) = client.server_request("client/registerCapability");
    client.reply(id, Value::Null);
    let registration = &params["registrations"][0];
    assert_eq!(registration["id"], "saidso-sources", "{params}");
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    registration["registerOptions"]["watchers"].clone()
}

fn changed(client: &mut Client, path: &Path) {
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", path.display()), "type": 2}]}),
    );
}

#[test]
fn the_server_watches_the_sources_and_verifies_again_when_they_change() {
    let (_dir, root, doc) = newsroom();
    let caps = json!({"workspace": {"didChangeWatchedFiles": {
        "dynamicRegistration": true, "relativePatternSupport": true}}});
    let (mut client, _) = Client::start(caps, json!({"debounceMs": 0}));
    client.open(&doc, "markdown", 1, DRAFT);
    assert_eq!(
        codes(&client.diagnostics(&doc)),
        ["quote-altered", "quote-speaker-mismatch"]
    );
    let watchers = registered_watchers(&mut client);
    assert_eq!(
        watchers,
        json!([{"globPattern": {"baseUri": format!("file://{}", root.display()), "pattern": "lopez.txt"}}])
    );

    // The transcript is corrected on disk: the reporter's question was Lopez's own words,
    // and she said "haven't".
    let transcript = root.join("lopez.txt");
    std::fs::write(
        &transcript,
        "MARIA LOPEZ: We will not raise taxes this year. Will you run again in the spring? \
         I haven't decided.\nREPORTER: Thank you.\n",
    )
    .unwrap();
    changed(&mut client, &transcript);
    let diags = client.diagnostics(&doc);
    assert_eq!(diags["version"], 1);
    assert_eq!(codes(&diags), Vec::<String>::new(), "{diags}");

    // A change to a file that is no source changes nothing.
    changed(&mut client, &root.join("unrelated.txt"));
    client.expect_silence(std::time::Duration::from_millis(300));
}

#[test]
fn a_missing_source_is_reported_on_the_draft() {
    let (_dir, _root, doc) = newsroom();
    let mut client = Client::default_started();
    let text = DRAFT.replace("[lopez.txt]", "[lopez.txt, gone.txt]");
    client.open(&doc, "markdown", 1, &text);
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
            .any(|m| m.contains("gone.txt: no such file; quotes are not checked against it.")),
        "{diags}"
    );
    // The other source still counts.
    assert!(
        codes(&diags).contains(&"quote-altered".to_owned()),
        "{diags}"
    );
}

#[test]
fn pulled_workspace_diagnostics_verify_drafts_that_are_not_open() {
    let (_dir, root, _) = newsroom();
    std::fs::write(root.join("story.md"), DRAFT).unwrap();
    let (mut client, _) = Client::start_with(json!({
        "processId": null,
        "rootUri": null,
        "workspaceFolders": [{"uri": format!("file://{}", root.display()), "name": "news"}],
        "capabilities": {"textDocument": {"diagnostic": {"dynamicRegistration": false}}},
        "initializationOptions": {"debounceMs": 0}
    }));
    let workspace = client.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let story = workspace["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["uri"].as_str().unwrap().ends_with("/story.md"))
        .unwrap_or_else(|| panic!("story.md not reported: {workspace}"))
        .clone();
    assert_eq!(
        codes(&json!({"diagnostics": story["items"]})),
        ["quote-altered", "quote-speaker-mismatch"],
        "{story}"
    );
}
