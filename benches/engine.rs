//! Engine throughput: one long article, and the whole dev corpus when `../shared` is there.
//!
//! `cargo bench --bench engine`; criterion reports bytes per second (the MB/s).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use saidso::analysis::{analyze, DocKind};
use std::hint::black_box;

const SEED: &str = include_str!("../examples/putin-press-conference.txt");

/// About 10,000 words: the seed article's paragraphs over and over, as one document.
fn long_article() -> String {
    let mut text = String::new();
    while text.split_whitespace().count() < 10_000 {
        text.push_str(SEED);
        text.push_str("\n\n");
    }
    text
}

/// The texts of the dev corpus, if the shared folder is beside the repository.
fn dev_corpus() -> Option<Vec<String>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(root).ok()? {
        let path = entry.ok()?.path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            for line in std::fs::read_to_string(&path).ok()?.lines() {
                let doc: serde_json::Value = serde_json::from_str(line).ok()?;
                texts.push(doc["text"].as_str()?.to_string());
            }
        }
    }
    Some(texts)
}

fn engine(c: &mut Criterion) {
    let article = long_article();
    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Bytes(article.len() as u64));
    group.bench_function("long article (10k words)", |b| {
        b.iter(|| analyze(black_box(&article), DocKind::Text))
    });
    if let Some(texts) = dev_corpus() {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        group.bench_function("dev corpus", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(analyze(t, DocKind::Text));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
