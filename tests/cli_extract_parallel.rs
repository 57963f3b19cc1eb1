//! `saidso extract --jobs N`: the parallel pipeline writes exactly what the sequential one
//! writes (bytes, stderr, exit status), on a few hundred generated documents with bad and blank
//! lines mixed in; no progress text leaks when stderr is not a terminal; a reader that goes
//! away early ends the run quietly.

use assert_cmd::Command;
use serde_json::json;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

mod support;
use support::Rng;

fn document(rng: &mut Rng) -> String {
    let names = [
        "Maria Lopez",
        "Sen. John Hill",
        "the mayor",
        "a White House official",
        "Ana Ñúñez",
    ];
    let verbs = ["said", "told reporters", "added", "wrote on Twitter"];
    let quotes = [
        "We will win",
        "Nobody asked us",
        "It is “a defeat” for them",
        "Ça va 🎉",
    ];
    let mut text = String::new();
    for _ in 0..(1 + rng.next() % 12) {
        let paragraph = match rng.next() % 5 {
            0 => format!(
                "“{},” {} {}.",
                rng.pick(&quotes),
                rng.pick(&names),
                rng.pick(&verbs)
            ),
            1 => format!(
                "{} {}: \"{}.\"",
                rng.pick(&names),
                rng.pick(&verbs),
                rng.pick(&quotes)
            ),
            2 => format!("\"{}.\"", rng.pick(&quotes)),
            3 => format!("He {} that the vote was close.", rng.pick(&verbs)),
            _ => format!(
                "The council met on Tuesday; {} was there.",
                rng.pick(&names)
            ),
        };
        text.push_str(&paragraph);
        text.push_str("\n\n");
    }
    text
}

/// Input lines: mostly documents, with blank lines, broken JSON and bad fields mixed in.
fn corpus(docs: usize) -> String {
    let mut rng = Rng(0x5eed_cafe);
    let mut out = String::new();
    for i in 0..docs {
        let line = match rng.next() % 40 {
            0 => String::new(),
            1 => "{broken".to_string(),
            2 => json!({"id": i, "text": 12}).to_string(),
            3 => json!({"id": i, "format": "html", "text": "x"}).to_string(),
            n => {
                let format = if n % 2 == 0 { "markdown" } else { "text" };
                json!({"id": format!("doc-{i}"), "format": format, "text": document(&mut rng)})
                    .to_string()
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn run(jobs: &str, input: &str) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let o = Command::new(env!("CARGO_BIN_EXE_saidso"))
        .args(["extract", "--jobs", jobs])
        .write_stdin(input)
        .timeout(Duration::from_secs(120))
        .output()
        .expect("runs");
    (o.status.code(), o.stdout, o.stderr)
}

#[test]
fn parallel_output_is_byte_identical_to_sequential() {
    let input = corpus(400);
    let (code, out, err) = run("1", &input);
    let lines = out.split(|b| *b == b'\n').filter(|l| !l.is_empty()).count();
    let blank = input.lines().filter(|l| l.is_empty()).count();
    assert_eq!(
        lines,
        400 - blank,
        "one output line per non-blank input line"
    );
    assert_eq!(code, Some(1), "the corpus has bad lines");
    assert!(!err.is_empty());
    for jobs in ["2", "4", "7"] {
        let (c, o, e) = run(jobs, &input);
        assert_eq!(c, code, "exit status with --jobs {jobs}");
        assert!(o == out, "stdout differs with --jobs {jobs}");
        assert!(
            e == err,
            "stderr differs with --jobs {jobs}:\n{}",
            String::from_utf8_lossy(&e)
        );
    }
}

#[test]
fn no_progress_text_when_stderr_is_not_a_terminal() {
    let input = corpus(60)
        .replace("{broken", "")
        .replace("\"html\"", "\"text\"");
    let input: String = input
        .lines()
        .filter(|l| !l.contains("\"text\":12"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (code, out, err) = run("3", &input);
    assert_eq!(code, Some(0), "{}", String::from_utf8_lossy(&err));
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
    assert!(!out.is_empty());
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    let line = json!({"id": 1, "text": "“We will win,” Maria Lopez said."}).to_string() + "\n";
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_saidso"))
        .args(["extract", "--jobs", "4"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    // Feed far more than the pipes hold, from another thread, until the pipe breaks.
    let feeder = std::thread::spawn(move || {
        for _ in 0..200_000 {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    stdout.read_line(&mut first).expect("a line");
    assert!(first.starts_with("{\"id\":1"), "{first}");
    drop(stdout);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "still running after its reader left"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = feeder.join();
    let mut err = String::new();
    let _ = std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut err);
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}
