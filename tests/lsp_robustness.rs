//! The real `saidso lsp` binary under abuse, standing in for fuzzing (no nightly toolchain):
//!
//! - property test: random sequences of JSON-RPC traffic — edits with out-of-range positions,
//!   unknown methods, wrong parameter types, invalid JSON, garbage headers, Content-Lengths that
//!   are too short or too long — never crash or hang the server: every request is answered
//!   (result or error), every malformed frame gets its `-32700`, and afterwards a well-formed
//!   hover still answers. 32 cases of up to 40 messages; the harness fails any wait over 10 s.
//! - a body larger than the server accepts, and a message cut off by the end of input, end the
//!   session cleanly instead of buffering or hanging.
//!
//! The 10,000-edit soak test is in `lsp_soak.rs`.

mod support;

use proptest::prelude::*;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::{uri, Client, SEED};

#[derive(Debug, Clone)]
enum Op {
    /// An incremental edit; positions may lie far outside the document.
    Edit(u32, u32, u32, u32, String),
    Replace(String),
    Hover(u32, u32),
    Symbols,
    Stats,
    UnknownRequest(String),
    UnknownNotification(String),
    /// A known method with parameters of the wrong shape.
    WrongParams(usize),
    /// A framed body that is not JSON.
    InvalidJson(Vec<u8>),
    GarbageHeader(String),
    /// A request whose Content-Length stops `cut` bytes early; the rest follows as junk.
    TooShort(usize),
    /// A request whose Content-Length runs `extra` bytes past it, filled with junk.
    TooLong(usize),
    CloseAndReopen,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\n".to_string()),
        Just("\"We will win,\" Smith said.".to_string()),
        Just("“Ça va 😀,” she said.\r\n\n".to_string()),
        "[a-z “”\"'\n.,é😀]{0,40}",
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..60u32, 0..300u32, 0..60u32, 0..300u32, text())
            .prop_map(|(a, b, c, d, t)| Op::Edit(a, b, c, d, t)),
        1 => text().prop_map(Op::Replace),
        3 => (0..80u32, 0..400u32).prop_map(|(l, c)| Op::Hover(l, c)),
        1 => Just(Op::Symbols),
        1 => Just(Op::Stats),
        1 => "[a-z/$]{1,20}".prop_map(Op::UnknownRequest),
        1 => "[a-z/$]{1,20}".prop_map(Op::UnknownNotification),
        1 => (0..6usize).prop_map(Op::WrongParams),
        1 => prop::collection::vec(any::<u8>(), 0..64).prop_map(Op::InvalidJson),
        1 => "[ -~]{1,40}".prop_map(Op::GarbageHeader),
        1 => (1..30usize).prop_map(Op::TooShort),
        1 => (1..30usize).prop_map(Op::TooLong),
        1 => Just(Op::CloseAndReopen),
    ]
}

fn frame(body: &[u8], length: usize) -> Vec<u8> {
    let mut out = format!("Content-Length: {length}\r\n\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

/// What the test expects back: one response per id, and how many id-less `-32700`s.
#[derive(Default)]
struct Expect {
    ids: Vec<i64>,
    parse_errors: usize,
}

fn hover_request(id: i64, doc: &str) -> Vec<u8> {
    let body = json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": doc}, "position": {"line": 0, "character": 1}}});
    body.to_string().into_bytes()
}

fn play(client: &mut Client, ops: &[Op]) {
    let doc = uri("fuzz.md");
    let mut version = 1;
    let mut next_id = 1000i64;
    let mut expect = Expect::default();
    client.open(&doc, "markdown", version, SEED);
    let mut request = |client: &mut Client, expect: &mut Expect, method: &str, params: Value| {
        next_id += 1;
        expect.ids.push(next_id);
        client.send(&json!({"jsonrpc": "2.0", "id": next_id, "method": method, "params": params}));
        next_id
    };
    for op in ops {
        match op {
            Op::Edit(l1, c1, l2, c2, t) => {
                version += 1;
                let range = json!({"start": {"line": l1, "character": c1},
                                   "end": {"line": l2, "character": c2}});
                client.change(&doc, version, json!([{"range": range, "text": t}]));
            }
            Op::Replace(t) => {
                version += 1;
                client.change(&doc, version, json!([{"text": t}]));
            }
            Op::Hover(l, c) => {
                let params = json!({"textDocument": {"uri": doc},
                                    "position": {"line": l, "character": c}});
                request(client, &mut expect, "textDocument/hover", params);
            }
            Op::Symbols => {
                let params = json!({"textDocument": {"uri": doc}});
                request(client, &mut expect, "textDocument/documentSymbol", params);
            }
            Op::Stats => {
                let params = json!({"textDocument": {"uri": doc}});
                request(client, &mut expect, "saidso/documentStats", params);
            }
            Op::UnknownRequest(m) => {
                request(client, &mut expect, &format!("x/{m}"), json!({}));
            }
            Op::UnknownNotification(m) => client.notify(&format!("x/{m}"), json!({"a": 1})),
            Op::WrongParams(i) => {
                let (method, params) = [
                    ("textDocument/hover", json!({"textDocument": 5})),
                    ("textDocument/hover", json!([1, 2, 3])),
                    ("textDocument/documentSymbol", json!("nope")),
                    (
                        "textDocument/inlayHint",
                        json!({"textDocument": {"uri": doc}}),
                    ),
                    ("saidso/documentStats", json!(null)),
                    ("textDocument/codeAction", json!({"range": -1})),
                ][*i]
                    .clone();
                request(client, &mut expect, method, params);
                // And a notification with the wrong shape: no answer, no harm.
                client.notify("textDocument/didChange", json!({"contentChanges": "x"}));
            }
            Op::InvalidJson(bytes) => {
                if serde_json::from_slice::<Value>(bytes).is_ok() {
                    continue; // rare, but then it is no invalid JSON
                }
                client.send_raw(&frame(bytes, bytes.len()));
                expect.parse_errors += 1;
            }
            Op::GarbageHeader(h) => {
                // A header block without a Content-Length.
                client.send_raw(format!("{h}\r\n\r\n").as_bytes());
                expect.parse_errors += 1;
            }
            Op::TooShort(cut) => {
                let body = hover_request(1, &doc);
                let length = body.len().saturating_sub(*cut).max(1);
                // The body is cut (not JSON); the rest of it reads as a header block, which the
                // client ends with a blank line, as a resynchronising client would.
                client.send_raw(&frame(&body, length));
                client.send_raw(b"\r\n\r\n");
                expect.parse_errors += 2;
            }
            Op::TooLong(extra) => {
                let mut body = hover_request(1, &doc);
                let length = body.len() + extra;
                body.extend(std::iter::repeat_n(b'x', *extra));
                client.send_raw(&frame(&body, length));
                expect.parse_errors += 1;
            }
            Op::CloseAndReopen => {
                client.notify(
                    "textDocument/didClose",
                    json!({"textDocument": {"uri": doc}}),
                );
                version += 1;
                client.open(&doc, "markdown", version, SEED);
            }
        }
    }
    for id in &expect.ids {
        let response = client.response(&json!(id));
        assert!(
            response.get("result").is_some() || response["error"]["code"].is_i64(),
            "{response}"
        );
    }
    for _ in 0..expect.parse_errors {
        let response = client.response(&Value::Null);
        assert_eq!(response["error"]["code"], -32700, "{response}");
    }
    // The session still works: a fresh document answers a hover on a quote.
    let fresh = uri("fresh.txt");
    client.open(&fresh, "plaintext", 1, "\"We will win,\" Smith said.\n");
    let hover = client.hover(&fresh, 0, 3);
    assert!(
        hover["contents"].to_string().contains("Smith"),
        "{hover}\n--- server log ---\n{}",
        client.stderr()
    );
    // Whatever else it said (diagnostics, log messages) is not under test here.
    client.take_unread();
    std::thread::sleep(Duration::from_millis(50));
    client.take_unread();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        max_shrink_iters: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_traffic_never_crashes_or_hangs_the_server(
        ops in prop::collection::vec(op(), 1..40)
    ) {
        let mut client = Client::default_started();
        play(&mut client, &ops);
        let (status, _) = client.shutdown_and_exit();
        prop_assert!(status.success());
    }
}

/// Waits for the process to end by itself; panics after `limit`.
fn wait_exit(client: Client, limit: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    let mut client = client;
    loop {
        if let Some(status) = client.try_wait() {
            return status;
        }
        assert!(started.elapsed() < limit, "the server did not end");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_oversized_content_length_is_refused_without_buffering() {
    let mut client = Client::default_started();
    // 1 MiB of junk is read and answered…
    let junk = vec![b'x'; 1 << 20];
    client.send_raw(&frame(&junk, junk.len()));
    assert_eq!(client.response(&Value::Null)["error"]["code"], -32700);
    let doc = uri("big.txt");
    client.open(&doc, "plaintext", 1, "\"We will win,\" Smith said.\n");
    assert!(client.hover(&doc, 0, 3)["contents"]
        .to_string()
        .contains("Smith"));
    client.take_unread();
    // …and a length of 3 GB followed by the end of input ends the session: no allocation of
    // that size, no wait for bytes that never come.
    client.send_raw(b"Content-Length: 3000000000\r\n\r\n{\"jsonrpc\":");
    client.close_stdin();
    let status = wait_exit(client, Duration::from_secs(10));
    assert!(status.code().is_some(), "killed by a signal: {status:?}");
}

#[test]
fn a_message_cut_off_by_the_end_of_input_ends_the_session_cleanly() {
    let mut client = Client::default_started();
    client.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 1, \"meth");
    client.close_stdin();
    let status = wait_exit(client, Duration::from_secs(10));
    assert!(status.code().is_some(), "killed by a signal: {status:?}");
}
