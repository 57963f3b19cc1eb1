//! Soak test of `saidso lsp`: 10,000 random incremental edits to one open document (UTF-16
//! positions over text with accents, curly quotes and emoji), with a hover every 25 edits and an
//! outline (documentSymbol) every 100.
//!
//! At the end the server's text must equal the client's. Without adding protocol surface, the
//! test reveals the server's text through what it computes from it: the outline, the
//! `saidso/documentStats` counts and the diagnostics of the edited document must equal those
//! of a fresh document opened with the client's text. Every outline and diagnostic carries
//! positions, so a text that differs anywhere before a quote shows. The server's resident memory
//! (VmRSS from /proc) after the run must stay within slack of what it was after the first 1,000
//! edits. The document's size is kept steady (edits delete about as much as they insert), so
//! growth would be a leak, not content.
//!
//! 10,000 edits take about 15 s against a debug build on 2 cores.

mod support;

use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::{position, uri, Client, Rng, SEED};

const EDITS: usize = 10_000;

const PIECES: &[&str] = &[
    "\"We will win,\" Smith said. ",
    "“Ça va,” said Ana Núñez. ",
    "😀",
    "é",
    "\n\n",
    " ",
    "he said",
    "”",
    "“",
    "The council met. ",
];

/// A char boundary at or before `i`.
fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// What the server computed from a document: outline, stats and latest diagnostics.
fn views(client: &mut Client, doc: &str, version: i64) -> (Value, Value, Value) {
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc}}),
    );
    let stats = client.request(
        "saidso/documentStats",
        json!({"textDocument": {"uri": doc}}),
    );
    let diagnostics = client.diagnostics_for_version(doc, version)["diagnostics"].clone();
    (symbols, stats, diagnostics)
}

#[test]
fn ten_thousand_edits_keep_the_server_text_equal_and_memory_flat() {
    let started = Instant::now();
    let mut client = Client::default_started();
    let doc = uri("soak.txt");
    let mut text = SEED.replace("\r\n", "\n");
    let target_len = text.len();
    let mut version = 1i64;
    client.open(&doc, "plaintext", version, &text);
    let mut rng = Rng(0x50a6_2026);
    let mut rss_warm = 0;
    for n in 1..=EDITS {
        // Delete more when the document has grown, insert more when it has shrunk.
        let start = floor(&text, rng.below(text.len() + 1));
        let max_delete = if text.len() > target_len { 40 } else { 8 };
        let end = floor(&text, (start + rng.below(max_delete)).min(text.len())).max(start);
        let insert = PIECES[rng.below(PIECES.len())];
        let range = json!({"start": position(&text, start, "utf-16"),
                           "end": position(&text, end, "utf-16")});
        text.replace_range(start..end, insert);
        version += 1;
        client.change(&doc, version, json!([{"range": range, "text": insert}]));
        if n % 25 == 0 {
            let at = floor(&text, rng.below(text.len() + 1));
            let p = position(&text, at, "utf-16");
            let line = p["line"].as_u64().unwrap_or(0) as u32;
            let character = p["character"].as_u64().unwrap_or(0) as u32;
            client.hover(&doc, line, character);
            // Never after the last edit: its diagnostics, which the end of the test waits
            // for, may already have arrived and would be thrown away (a flaky timeout).
            if n < EDITS {
                client.discard("textDocument/publishDiagnostics");
            }
        }
        if n % 100 == 0 {
            let symbols = client.request(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": doc}}),
            );
            assert!(symbols.is_array() || symbols.is_null(), "{symbols}");
        }
        if n == 1_000 {
            rss_warm = rss_kb(client.pid());
        }
    }
    // Diagnostics of the last version come after all others: wait for them.
    let (symbols, stats, diagnostics) = views(&mut client, &doc, version);
    let fresh = uri("fresh.txt");
    client.open(&fresh, "plaintext", 1, &text);
    let (f_symbols, f_stats, f_diagnostics) = views(&mut client, &fresh, 1);
    assert_eq!(
        stats, f_stats,
        "the server's counts differ from the client's text"
    );
    assert_eq!(
        symbols.to_string().replace(&fresh, &doc),
        f_symbols.to_string().replace(&fresh, &doc),
        "the outline differs"
    );
    assert_eq!(
        diagnostics.to_string().replace(&fresh, &doc),
        f_diagnostics.to_string().replace(&fresh, &doc),
        "the diagnostics differ"
    );
    assert!(
        stats["quotes"].as_u64().unwrap_or(0) > 10,
        "the final text should still hold quotes: {stats}"
    );
    let rss_end = rss_kb(client.pid());
    eprintln!(
        "{EDITS} edits in {:?}; server RSS {rss_warm} KB after 1,000 edits, {rss_end} KB at the end; document {} bytes",
        started.elapsed(),
        text.len()
    );
    assert!(rss_warm > 0, "could not read the server's memory");
    // Allocator slack and caches: 50% plus 16 MB. A leak of one text copy per edit would be
    // hundreds of MB.
    assert!(
        rss_end < rss_warm * 3 / 2 + 16_000,
        "server memory grew from {rss_warm} KB to {rss_end} KB"
    );
    client.discard("textDocument/publishDiagnostics");
    let (status, _) = client.shutdown_and_exit();
    assert!(status.success());
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "took {:?}",
        started.elapsed()
    );
}
