//! Quote verification speed: a two-hour transcript (20,000 words) against a 2,000-word draft
//! quoting it (issue 12 asks for under 20 ms once the transcript is indexed).
//!
//! - `verify/index 20k-word transcript`: reading the transcript into turns and indexing it,
//!   done once per version of the file;
//! - `verify/2k-word draft, cold`: every quote of the draft placed from scratch (an empty
//!   per-quote cache) — the figure;
//! - `verify/2k-word draft, warm`: the same with the cache of the previous version, as the
//!   language server runs it after a keystroke outside the quotes;
//! - `verify/analyse the draft`: the engine on the same draft, to compare with (machines differ,
//!   ratios travel).
//!
//! Texts are generated here (a fixed seed): turns of five speakers, and a draft whose quotes
//! are copied from them — most verbatim, some with a word changed, a few made up.
//! `cargo bench --bench verify`.

use criterion::{criterion_group, criterion_main, Criterion};
use saidso::analysis::{analyze, DocKind};
use saidso::verify::{verify, Cache, Source};
use std::hint::black_box;

/// A plain xorshift generator, so every run sees the same texts.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards the start of a list, as word frequencies are.
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a * b / n
    }
}

const WORDS: &str = "the of and to a in that is we it for on was with as be this have not are at \
    by they will but from or an our had has were would there their what so if about which when \
    all can more one no people been who them year city budget council taxes money school schools \
    plan vote state county road roads water police fire park housing rent jobs business mayor \
    members residents families children parents teachers workers streets bridge river downtown \
    project projects cost costs million percent next last week month months time question answer \
    think know believe want need make made going get got see said told asked look work working \
    clear simple honest fair right wrong good bad better best long short hard easy new old same \
    different public private open closed early late often never always again still already just \
    really very quite about around across after before during under over between against because \
    although however therefore meanwhile everyone nobody somebody something nothing everything \
    support oppose agree disagree change keep raise cut spend save build repair fix close open \
    meeting hearing report study review audit contract contracts vendor bid bids grant grants";

const SPEAKERS: &[(&str, &str)] = &[
    ("MARIA LOPEZ", "Maria Lopez"),
    ("TOM COLE", "Tom Cole"),
    ("ANNA KESSLER", "Anna Kessler"),
    ("DALE BROOKS", "Dale Brooks"),
    ("REPORTER", "a reporter"),
];

/// A transcript of about `words` words: timestamped turns of 20 to 200 words.
fn transcript(rng: &mut Rng, words: usize) -> String {
    let vocab: Vec<&str> = WORDS.split_whitespace().collect();
    let mut out = String::new();
    let mut count = 0;
    let mut minute = 0;
    while count < words {
        let (label, _) = SPEAKERS[rng.below(SPEAKERS.len())];
        minute += 1;
        out.push_str(&format!(
            "[{:02}:{:02}:00] {label}: ",
            minute / 60,
            minute % 60
        ));
        let len = 20 + rng.below(180);
        for i in 0..len {
            let w = vocab[rng.skewed(vocab.len())];
            if i % 12 == 0 {
                let mut c = w.chars();
                let first = c.next().map(|f| f.to_uppercase().collect::<String>());
                out.push_str(&first.unwrap_or_default());
                out.push_str(c.as_str());
            } else {
                out.push_str(w);
            }
            out.push_str(if i % 12 == 11 { ". " } else { " " });
        }
        out.push('\n');
        count += len;
    }
    out
}

/// A draft of about `words` words quoting `source`: each paragraph a sentence of the writer's
/// and a 12-to-30-word quote from a speaker's turn — verbatim, with a word changed (1 in 5),
/// or made up (1 in 10).
fn draft(rng: &mut Rng, source: &Source, words: usize) -> String {
    let vocab: Vec<&str> = WORDS.split_whitespace().collect();
    let toks = &source.index.toks;
    let mut out = String::from("Council weighs the budget\n\n");
    let mut count = 0;
    while count < words {
        out.push_str("The council met again on Monday to discuss the plan for the city. ");
        let start = rng.below(toks.len() - 40);
        let len = 12 + rng.below(18);
        let turn = toks[start].turn;
        let end = (start..start + len)
            .take_while(|&i| toks[i].turn == turn)
            .last()
            .unwrap_or(start);
        let mut quote = source.text[toks[start].span.start..toks[end].span.end].to_owned();
        match rng.below(10) {
            0 => {
                quote = (0..len)
                    .map(|_| vocab[rng.below(vocab.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            1 | 2 => quote = quote.replacen(' ', " really ", 1),
            _ => {}
        }
        let label = &source.turns[turn as usize].label;
        let name = SPEAKERS
            .iter()
            .find(|(l, _)| l == label)
            .map_or("Maria Lopez", |(_, n)| n);
        out.push_str(&format!("\"{quote},\" {name} said.\n\n"));
        count += 13 + quote.split_whitespace().count() + 2;
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let text = transcript(&mut rng, 20_000);
    let source = Source::new("hearing.txt", text.clone());
    let draft = draft(&mut rng, &source, 2_000);
    let analysis = analyze(&draft, DocKind::Text);
    eprintln!(
        "verify bench: transcript {} words in {} turns; draft {} words, {} quotes",
        text.split_whitespace().count(),
        source.turns.len(),
        draft.split_whitespace().count(),
        analysis.quotes.len()
    );
    let mut group = c.benchmark_group("verify");
    group.bench_function("index 20k-word transcript", |b| {
        b.iter(|| Source::new("hearing.txt", black_box(text.as_str())))
    });
    group.bench_function("2k-word draft, cold", |b| {
        b.iter(|| verify(black_box(&draft), &analysis, &[&source], &mut Cache::new()))
    });
    let mut cache = Cache::new();
    verify(&draft, &analysis, &[&source], &mut cache);
    group.bench_function("2k-word draft, warm", |b| {
        b.iter(|| verify(black_box(&draft), &analysis, &[&source], &mut cache))
    });
    group.bench_function("analyse the draft", |b| {
        b.iter(|| analyze(black_box(&draft), DocKind::Text))
    });
    group.finish();

    // CPU time per run (utime + stime of this process over many runs), which a busy machine
    // disturbs less than wall-clock time.
    let runs = 200;
    let cold = cpu_per_run(runs, || {
        black_box(verify(&draft, &analysis, &[&source], &mut Cache::new()));
    });
    let engine = cpu_per_run(runs, || {
        black_box(analyze(&draft, DocKind::Text));
    });
    if let (Some(cold), Some(engine)) = (cold, engine) {
        eprintln!(
            "verify bench: CPU per run: verify (cold) {cold:.2} ms, analyse {engine:.2} ms, ratio {:.2}",
            cold / engine
        );
    }
}

/// Milliseconds of CPU time per call of `f`, from /proc/self/stat (Linux; `None` elsewhere).
fn cpu_per_run(runs: u32, mut f: impl FnMut()) -> Option<f64> {
    fn ticks() -> Option<u64> {
        let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        let after = stat.rsplit_once(')')?.1;
        let fields: Vec<&str> = after.split_whitespace().collect();
        // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    }
    let before = ticks()?;
    for _ in 0..runs {
        f();
    }
    let spent = ticks()?.checked_sub(before)?;
    // Clock ticks are 1/100 s on Linux.
    Some(spent as f64 * 10.0 / f64::from(runs))
}

criterion_group!(benches, bench);
criterion_main!(benches);
