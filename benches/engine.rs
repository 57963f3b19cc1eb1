//! Engine throughput: one long article, and the whole dev corpus when `../shared` is there.
//!
//! Also the engine's share of a keystroke: re-analysing the long article after a one-character
//! edit with `Incremental`, as the language server does.
//!
//! `cargo bench --bench engine`; criterion reports bytes per second (the MB/s).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use saidso::analysis::{analyze, DocKind};
use std::hint::black_box;

mod common;
use common::{dev_corpus, long_article, Typist};

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

    let mut typist = Typist::new(&article);
    c.bench_function("engine/keystroke in long article (incremental)", |b| {
        b.iter(|| black_box(typist.keystroke()))
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
