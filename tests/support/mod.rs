//! A test client for `saidso lsp`: spawns the real binary and speaks JSON-RPC over its stdio.
//!
//! Every message the server sends must be read by the test: anything still unread when the
//! client is dropped (a stray diagnostics notification, an unexpected request to the client)
//! fails the test, so tests state everything the server says.

#![allow(dead_code)] // each test binary uses part of the harness

pub mod drafts;

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a test waits for any one message before failing.
pub const TIMEOUT: Duration = Duration::from_secs(10);

pub const SEED: &str = include_str!("../../examples/putin-press-conference.txt");

pub fn uri(name: &str) -> String {
    format!("file:///tmp/saidso-lsp-tests/{name}")
}

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    unread: VecDeque<Value>,
    next_id: i64,
    stderr: Arc<Mutex<String>>,
    finished: bool,
}

impl Client {
    /// Starts the server without initializing it.
    pub fn spawn() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_saidso"))
            .arg("lsp")
            .env("SAIDSO_LOG", "debug")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn saidso lsp");
        let stdout = child.stdout.take().expect("stdout");
        let stderr_pipe = child.stderr.take().expect("stderr");
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stderr_pipe);
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                sink.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            incoming,
            unread: VecDeque::new(),
            next_id: 1,
            stderr,
            finished: false,
        }
    }

    /// Starts and initializes the server with the given client capabilities and options;
    /// returns the client and the `initialize` result.
    pub fn start(capabilities: Value, options: Value) -> (Client, Value) {
        Client::start_with(json!({
            "processId": null,
            "rootUri": null,
            "capabilities": capabilities,
            "initializationOptions": options,
        }))
    }

    /// Starts and initializes the server with these `initialize` params.
    pub fn start_with(params: Value) -> (Client, Value) {
        let mut client = Client::spawn();
        let result = client.request("initialize", params);
        client.notify("initialized", json!({}));
        (client, result)
    }

    /// A UTF-16 client that takes pushed diagnostics, with saidso's debounce at zero.
    pub fn default_started() -> Client {
        Client::start(json!({}), json!({"debounceMs": 0})).0
    }

    /// The server's process id, to read its memory from /proc.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Closes the server's standard input, as a client that goes away does.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// The exit status once the process has ended by itself; the harness then stops watching
    /// for unread messages.
    pub fn try_wait(&mut self) -> Option<ExitStatus> {
        let status = self.child.try_wait().expect("wait")?;
        self.finished = true;
        Some(status)
    }

    /// Everything the server said that the test has not read, now; the harness forgets it.
    pub fn take_unread(&mut self) -> Vec<Value> {
        while let Ok(m) = self.incoming.try_recv() {
            self.unread.push_back(m);
        }
        self.unread.drain(..).collect()
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write to server");
        stdin.flush().expect("flush");
    }

    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its whole response; notifications that arrive meanwhile
    /// are kept for the test to read.
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(&json!(id))
    }

    /// Waits for the response with this id (one that already arrived first).
    pub fn response(&mut self, id: &Value) -> Value {
        let is_it = |m: &Value| m.get("method").is_none() && m.get("id") == Some(id);
        if let Some(i) = self.unread.iter().position(is_it) {
            return self.unread.remove(i).expect("index in range");
        }
        loop {
            let message = self.recv();
            if message.get("method").is_none() && message.get("id") == Some(id) {
                return message;
            }
            self.unread.push_back(message);
        }
    }

    /// Sends a request and returns its result, failing on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        match response.get("result") {
            Some(result) => result.clone(),
            None => panic!(
                "{method} failed: {response}\n--- server log ---\n{}",
                self.stderr()
            ),
        }
    }

    fn recv(&mut self) -> Value {
        match self.incoming.recv_timeout(TIMEOUT) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!(
                "no message from the server in {TIMEOUT:?}; unread: {:?}\n--- server log ---\n{}",
                self.unread,
                self.stderr()
            ),
            Err(RecvTimeoutError::Disconnected) => panic!(
                "the server closed its output\n--- server log ---\n{}",
                self.stderr()
            ),
        }
    }

    /// The params of the next notification `method` (earlier unread ones first).
    pub fn notification(&mut self, method: &str) -> Value {
        if let Some(i) = self.unread.iter().position(|m| m["method"] == method) {
            let message = self.unread.remove(i).expect("index in range");
            return message["params"].clone();
        }
        loop {
            let message = self.recv();
            if message["method"] == method && message.get("id").is_none() {
                return message["params"].clone();
            }
            self.unread.push_back(message);
        }
    }

    /// The next request the server sends to the client with this method: `(id, params)`.
    pub fn server_request(&mut self, method: &str) -> (Value, Value) {
        let is_it = |m: &Value| m["method"] == method && m.get("id").is_some();
        if let Some(i) = self.unread.iter().position(is_it) {
            let m = self.unread.remove(i).expect("index in range");
            return (m["id"].clone(), m["params"].clone());
        }
        loop {
            let m = self.recv();
            if is_it(&m) {
                return (m["id"].clone(), m["params"].clone());
            }
            self.unread.push_back(m);
        }
    }

    /// Answers a request of the server's.
    pub fn reply(&mut self, id: Value, result: Value) {
        self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
    }

    /// The next diagnostics published for `uri`, skipping none: earlier publications for the
    /// same document must be read first.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        let params = self.notification("textDocument/publishDiagnostics");
        assert_eq!(
            params["uri"], uri,
            "diagnostics for another document: {params}"
        );
        params
    }

    /// Waits for diagnostics of `uri` at `version`, dropping publications for older versions
    /// (which rapid edits may or may not produce, depending on timing).
    pub fn diagnostics_for_version(&mut self, uri: &str, version: i64) -> Value {
        loop {
            let params = self.diagnostics(uri);
            if params["version"] == version {
                return params;
            }
            let seen = params["version"].as_i64().unwrap_or(i64::MAX);
            assert!(
                seen < version,
                "diagnostics of a newer version than {version}: {params}"
            );
        }
    }

    /// Drops unread notifications of `method` that the test does not care about (the
    /// diagnostics published during a burst of edits).
    pub fn discard(&mut self, method: &str) {
        self.unread.retain(|m| m["method"] != method);
        while let Ok(m) = self.incoming.try_recv() {
            if m["method"] != method {
                self.unread.push_back(m);
            }
        }
    }

    /// Waits `quiet` and fails if the server said anything.
    pub fn expect_silence(&mut self, quiet: Duration) {
        if let Ok(m) = self.incoming.recv_timeout(quiet) {
            panic!("unexpected message from the server: {m}");
        }
        assert!(self.unread.is_empty(), "unread messages: {:?}", self.unread);
    }

    pub fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// Applies a code action's text edits as an editor does: one `didChange` carrying them.
    pub fn change_by_edits(&mut self, uri: &str, version: i64, edits: &[Value]) {
        let changes: Vec<Value> = edits
            .iter()
            .map(|e| json!({"range": e["range"], "text": e["newText"]}))
            .collect();
        self.change(uri, version, json!(changes));
    }

    pub fn hover(&mut self, uri: &str, line: u32, character: u32) -> Value {
        self.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )
    }

    /// `shutdown` then `exit`, keeping stdin open; returns the exit status and how long the
    /// server took to go after `exit`.
    pub fn shutdown_and_exit(mut self) -> (ExitStatus, Duration) {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.exit()
    }

    /// Sends `exit` (stdin stays open) and waits for the process.
    pub fn exit(mut self) -> (ExitStatus, Duration) {
        self.notify("exit", Value::Null);
        let sent = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            assert!(
                sent.elapsed() < Duration::from_secs(5),
                "server still running 5 s after exit\n--- server log ---\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        let took = sent.elapsed();
        self.finished = true;
        // Messages sent before exit must still have been read.
        self.check_unread();
        (status, took)
    }

    fn check_unread(&mut self) {
        while let Ok(m) = self.incoming.try_recv() {
            self.unread.push_back(m);
        }
        if !self.unread.is_empty() && !std::thread::panicking() {
            panic!(
                "the test left {} server message(s) unread:\n{}",
                self.unread.len(),
                self.unread
                    .iter()
                    .map(Value::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if !self.finished {
            // Give in-flight messages a moment to arrive, so a stray one is caught.
            std::thread::sleep(Duration::from_millis(100));
            self.check_unread_on_drop();
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Client {
    fn check_unread_on_drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        self.check_unread();
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A small deterministic generator (xorshift): the same generated input on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// A position in `text` in the given encoding ("utf-8" or "utf-16"), computed independently
/// of the server: the line of `offset` and the units before it on that line.
pub fn position(text: &str, offset: usize, encoding: &str) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = match encoding {
        "utf-8" => offset - line_start,
        _ => text[line_start..offset].encode_utf16().count(),
    };
    json!({"line": line, "character": column})
}

/// The byte offset of a UTF-16 position in `text` (text with `\n` line ends).
pub fn offset(text: &str, pos: &Value) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let character = pos["character"].as_u64().unwrap() as usize;
    let line_start = if line == 0 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 1)
            .map(|(i, _)| i + 1)
            .unwrap()
    };
    let mut units = 0;
    for (i, c) in text[line_start..].char_indices() {
        if units >= character || c == '\n' {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Applies LSP text edits (UTF-16 positions) to `text`, as an editor would.
/// The text edits a code action makes to `uri` (none when it edits nothing there).
pub fn action_edits(action: &Value, uri: &str) -> Vec<Value> {
    action["edit"]["changes"][uri]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}
