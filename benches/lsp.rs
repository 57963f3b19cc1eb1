//! What a keystroke costs the language server, debounce excluded: apply one incremental edit
//! to the document store, re-analyse, and convert the findings to LSP diagnostics — the work
//! between a `didChange` and its `publishDiagnostics`.
//!
//! Two sizes: a 10,000-word article (target: under 5 ms) and a 1 MB document. Run with
//! `cargo bench --bench lsp`; CI only builds it (`cargo bench --no-run`).

use criterion::{criterion_group, criterion_main, Criterion};
use saidso::analysis::DocKind;
use saidso::lsp::config::Settings;
use saidso::lsp::documents::DocumentStore;
use saidso::lsp::handlers::{diagnostics, Ctx};
use saidso::lsp::position::{offset_to_position, Encoding};
use std::hint::black_box;
use std::str::FromStr;
use tower_lsp_server::ls_types::{Range, TextDocumentContentChangeEvent, Uri};

const SEED: &str = include_str!("../examples/putin-press-conference.txt");

/// The seed article repeated, with the last paragraph's orphan quote, until it is `min_words`
/// words or `min_bytes` bytes long.
fn article(min_words: usize, min_bytes: usize) -> String {
    let mut text = String::new();
    while text.split_whitespace().count() < min_words || text.len() < min_bytes {
        text.push_str(SEED);
        text.push_str("\n\nThe weather in Moscow was cold.\n\n\"Nobody knows.\"\n\n");
    }
    text
}

/// Types and deletes one character in the middle of the document, alternately, so the size
/// stays the same across iterations. Returns the number of diagnostics (kept alive).
fn keystroke(store: &DocumentStore, uri: &Uri, version: &mut i32, at: usize) -> usize {
    let settings = Settings::default();
    let enc = Encoding::Utf16;
    *version += 1;
    // The previous keystroke's snapshot, already cached: only used to place this one.
    let snapshot = store.snapshot(uri).expect("open");
    let pos = offset_to_position(&snapshot.rope, at, enc);
    let change = if *version % 2 == 0 {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(pos, pos)),
            range_length: None,
            text: "x".into(),
        }
    } else {
        let mut end = pos;
        end.character += 1;
        TextDocumentContentChangeEvent {
            range: Some(Range::new(pos, end)),
            range_length: None,
            text: String::new(),
        }
    };
    store.change(uri, *version, &[change], enc).expect("open");
    let snapshot = store.snapshot(uri).expect("open");
    let ctx = Ctx {
        snap: &snapshot,
        enc,
        settings: &settings,
    };
    diagnostics::diagnostics(&ctx).len()
}

fn bench_keystroke(c: &mut Criterion, name: &str, text: &str, samples: usize) {
    let uri = Uri::from_str("file:///bench/article.txt").expect("uri");
    let store = DocumentStore::new();
    store.open(uri.clone(), DocKind::Text, 0, text);
    // Just after a space in the middle, so typing there keeps words intact.
    let at = text[..text.len() / 2].rfind(' ').map_or(0, |i| i + 1);
    let mut version = 0;
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(samples);
    group.bench_function(name, |b| {
        b.iter(|| black_box(keystroke(&store, &uri, &mut version, at)))
    });
    group.finish();
}

/// The server's own share of a keystroke on the 1 MB document, without the engine: applying
/// the edit to the rope, and converting the cached analysis's findings to diagnostics.
fn bench_overhead(c: &mut Criterion, text: &str) {
    let uri = Uri::from_str("file:///bench/overhead.txt").expect("uri");
    let store = DocumentStore::new();
    store.open(uri.clone(), DocKind::Text, 0, text);
    let snapshot = store.snapshot(&uri).expect("open");
    let settings = Settings::default();
    let mid = offset_to_position(&snapshot.rope, text.len() / 2, Encoding::Utf16);
    let mut group = c.benchmark_group("server_only_1MB");
    group.sample_size(20);
    let mut version = 0;
    group.bench_function("apply_edit", |b| {
        b.iter(|| {
            version += 1;
            let (range, new) = if version % 2 == 0 {
                (Range::new(mid, mid), "x")
            } else {
                let mut end = mid;
                end.character += 1;
                (Range::new(mid, end), "")
            };
            let change = TextDocumentContentChangeEvent {
                range: Some(range),
                range_length: None,
                text: new.into(),
            };
            store.change(&uri, version, &[change], Encoding::Utf16)
        })
    });
    group.bench_function("diagnostics_conversion", |b| {
        b.iter(|| {
            let ctx = Ctx {
                snap: &snapshot,
                enc: Encoding::Utf16,
                settings: &settings,
            };
            black_box(diagnostics::diagnostics(&ctx))
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let words = article(10_000, 0);
    bench_keystroke(c, "10k_words", &words, 50);
    let megabyte = article(0, 1 << 20);
    bench_keystroke(c, "1MB", &megabyte, 10);
    bench_overhead(c, &megabyte);
}

criterion_group!(lsp, benches);
criterion_main!(lsp);
