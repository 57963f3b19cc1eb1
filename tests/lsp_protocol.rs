//! The protocol itself, end to end over stdio: capabilities, encodings, lifecycle, bad input.
//! None of these depend on what the engine finds.

mod support;

use serde_json::{json, Value};
use std::time::Duration;
use support::{uri, Client};

fn capabilities_json(encoding: &str) -> Value {
    json!({
        "positionEncoding": encoding,
        "textDocumentSync": {"openClose": true, "change": 2},
        "hoverProvider": true,
        "definitionProvider": true,
        "referencesProvider": true,
        "documentHighlightProvider": true,
        "documentSymbolProvider": true,
        "workspaceSymbolProvider": true,
        "codeActionProvider": {"codeActionKinds": ["quickfix"]},
        "inlayHintProvider": true,
        "codeLensProvider": {"resolveProvider": false},
        "executeCommandProvider": {"commands": ["saidso.speakerTable", "saidso.sourcingReport"]},
        "diagnosticProvider": {
            "identifier": "saidso",
            "interFileDependencies": false,
            "workspaceDiagnostics": true
        },
        "workspace": {"workspaceFolders": {"supported": true, "changeNotifications": true}}
    })
}

#[test]
fn initialize_answers_with_the_whole_capability_set() {
    let (client, result) = Client::start(json!({}), Value::Null);
    assert_eq!(
        result,
        json!({
            "capabilities": capabilities_json("utf-16"),
            "serverInfo": {"name": "saidso", "version": env!("CARGO_PKG_VERSION")}
        })
    );
    let (status, _) = client.shutdown_and_exit();
    assert!(status.success());
}

#[test]
fn utf8_is_chosen_only_when_offered() {
    let offered = json!({"general": {"positionEncodings": ["utf-16", "utf-8"]}});
    let (_, result) = Client::start(offered, Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let utf32_only = json!({"general": {"positionEncodings": ["utf-32"]}});
    let (_, result) = Client::start(utf32_only, Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
}

#[test]
fn shutdown_then_exit_ends_the_process_promptly_with_stdin_open() {
    let client = Client::default_started();
    let (status, took) = client.shutdown_and_exit();
    assert_eq!(status.code(), Some(0));
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let client = Client::default_started();
    let (status, took) = client.exit();
    assert_eq!(status.code(), Some(1));
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[test]
fn malformed_messages_are_answered_and_not_fatal() {
    let mut client = Client::default_started();
    // Not JSON at all.
    let garbage = b"{this is not json";
    client.send_raw(format!("Content-Length: {}\r\n\r\n", garbage.len()).as_bytes());
    client.send_raw(garbage);
    let response = client.response(&Value::Null);
    assert_eq!(response["error"]["code"], -32700, "{response}");
    // JSON, but the params do not fit the method.
    let response = client.request_raw("textDocument/hover", json!({"textDocument": 42}));
    assert_eq!(response["error"]["code"], -32602, "{response}");
    // A method nobody implements.
    let response = client.request_raw("saidso/noSuchThing", json!({}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
    // Still serving.
    let doc = uri("alive.txt");
    client.open(&doc, "plaintext", 1, "nothing quoted here.");
    let diags = client.diagnostics(&doc);
    assert_eq!(diags["diagnostics"], json!([]));
    assert_eq!(client.hover(&doc, 0, 3), Value::Null);
    let (status, _) = client.shutdown_and_exit();
    assert!(status.success());
}

#[test]
fn unknown_documents_and_wild_positions_are_harmless() {
    let mut client = Client::default_started();
    let ghost = uri("never-opened.txt");
    client.change(
        &ghost,
        2,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]),
    );
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": ghost}}),
    );
    assert_eq!(client.hover(&ghost, 0, 0), Value::Null);

    let doc = uri("short.txt");
    client.open(&doc, "plaintext", 1, "“Hi,” she said.");
    client.diagnostics(&doc);
    assert_eq!(client.hover(&doc, 999, 999), Value::Null);
    // An edit far past the end clamps to the end instead of failing.
    client.change(
        &doc,
        2,
        json!([{"range": {"start": {"line": 40, "character": 9}, "end": {"line": 50, "character": 0}}, "text": " Bye."}]),
    );
    client.diagnostics_for_version(&doc, 2);
    let stats = client.request(
        "saidso/documentStats",
        json!({"textDocument": {"uri": doc}}),
    );
    assert_eq!(
        stats
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(vec![
            "claims".into(),
            "quotes".into(),
            "speakers".into(),
            "unattributed".into()
        ])
    );
    assert!(client.stderr().contains("not open"), "{}", client.stderr());
    let (status, _) = client.shutdown_and_exit();
    assert!(status.success());
}

#[test]
fn closing_clears_diagnostics() {
    let mut client = Client::default_started();
    let doc = uri("closing.txt");
    client.open(&doc, "plaintext", 1, "Plain.");
    client.diagnostics(&doc);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": doc}}),
    );
    let cleared = client.diagnostics(&doc);
    assert_eq!(cleared["diagnostics"], json!([]));
    assert_eq!(cleared.get("version"), None);
}

#[test]
fn stats_of_an_unknown_document_are_zero() {
    let mut client = Client::default_started();
    let stats = client.request(
        "saidso/documentStats",
        json!({"textDocument": {"uri": uri("nowhere.txt")}}),
    );
    assert_eq!(
        stats,
        json!({"quotes": 0, "speakers": 0, "unattributed": 0, "claims": 0})
    );
}

#[test]
#[should_panic(expected = "server message(s) unread")]
fn the_harness_fails_a_test_that_leaves_messages_unread() {
    let mut client = Client::default_started();
    client.open(&uri("unread.txt"), "plaintext", 1, "Plain words.");
    // The diagnostics published for the open are never read: dropping the client must fail.
    std::thread::sleep(Duration::from_millis(200));
}
