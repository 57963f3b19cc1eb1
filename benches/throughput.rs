//! Engine throughput in MB/s for `scripts/bench.sh`: one long article and the dev corpus (when
//! `../shared` is beside the repository), each analysed repeatedly on one thread.
//!
//! The machine is shared (2 cores, several engineers): wall time then mostly measures the
//! other processes. Each round is timed by this thread's own CPU time (Linux
//! `/proc/thread-self/schedstat`, nanoseconds on a CPU) when it is readable, by wall time
//! otherwise; the best and the median round are printed.
//! `cargo bench --bench throughput [-- ROUNDS]`.

use saidso::analysis::{analyze, DocKind};
use std::hint::black_box;
use std::time::{Duration, Instant};

mod common;
use common::{dev_corpus, long_article, Typist};

/// Nanoseconds this thread has spent on a CPU, if Linux says.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Times `f` by this thread's CPU time, or by the wall clock where that is unavailable.
fn time(f: impl FnOnce()) -> Duration {
    let (wall, cpu) = (Instant::now(), cpu_ns());
    f();
    match (cpu, cpu_ns()) {
        (Some(a), Some(b)) => Duration::from_nanos(b.saturating_sub(a)),
        _ => wall.elapsed(),
    }
}

/// Runs `texts` through the engine `rounds` times; prints best and median MB/s.
fn measure(name: &str, texts: &[String], rounds: usize) {
    let bytes: usize = texts.iter().map(String::len).sum();
    // Enough work per timing that a scheduler tick does not dominate it.
    let reps = (4_000_000 / bytes.max(1)).max(1);
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            time(|| {
                for _ in 0..reps {
                    for text in texts {
                        black_box(analyze(black_box(text), DocKind::Text));
                    }
                }
            }) / reps as u32
        })
        .collect();
    times.sort();
    let mbs = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    println!(
        "engine {name}: {:.2} MB, best {:.1} MB/s, median {:.1} MB/s ({rounds} rounds, {})",
        bytes as f64 / 1e6,
        mbs(times[0]),
        mbs(times[times.len() / 2]),
        if cpu_ns().is_some() {
            "CPU time"
        } else {
            "wall time"
        },
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a bare number is the round count.
    let rounds = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(15);
    measure("long article (10k words)", &[long_article()], rounds);
    match dev_corpus() {
        Some(texts) => measure(
            &format!("dev corpus ({} docs)", texts.len()),
            &texts,
            rounds,
        ),
        None => println!("engine dev corpus: skipped (../shared/corpus/dev is not here)"),
    }
    keystrokes(&long_article(), rounds);
}

/// The engine's share of a keystroke in the language server: one character typed into (then
/// deleted from) the middle of the long article, re-analysed with `Incremental`.
fn keystrokes(article: &str, rounds: usize) {
    let mut typist = Typist::new(article);
    let per_round = 50;
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            time(|| {
                for _ in 0..per_round {
                    black_box(typist.keystroke());
                }
            }) / per_round
        })
        .collect();
    times.sort();
    println!(
        "engine keystroke, long article (incremental): best {:.2} ms, median {:.2} ms (full analysis: see MB/s above)",
        times[0].as_secs_f64() * 1e3,
        times[times.len() / 2].as_secs_f64() * 1e3,
    );
}
