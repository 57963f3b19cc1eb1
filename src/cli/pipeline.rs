//! An ordered, bounded, parallel map over the lines of a stream: what lets `saidso extract` use
//! every core and still write its output in input order, in constant memory.
//!
//! ```text
//! reader thread ──chunks──▶ worker 1..N ──results──▶ caller's thread (reorder, sink)
//! ```
//!
//! - The reader cuts the input into chunks of whole lines (a few hundred KB or a few dozen
//!   lines), numbered in order. Chunks, not lines, are the unit of work so that a corpus of
//!   tiny documents does not spend its time on channel traffic.
//! - Workers take chunks from a shared queue and map `work` over their lines.
//! - The caller's thread puts results back in order (a reorder buffer keyed by chunk number)
//!   and hands each chunk to `sink`.
//!
//! Memory is bounded by a window: the reader never starts chunk `n` before chunk
//! `n - WINDOW` has been handed to the sink, so at most `WINDOW` chunks are alive at once,
//! whatever the length of the input and however slow one document is. With one job the same
//! chunking runs on the caller's thread alone, which is the sequential reference the parallel
//! path must match byte for byte.

use std::collections::BTreeMap;
use std::io::{self, BufRead};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

/// A chunk ends after this many lines…
const CHUNK_LINES: usize = 32;
/// …or once it holds this many bytes.
const CHUNK_BYTES: usize = 256 * 1024;
/// Chunks alive at once, per job.
const WINDOW_PER_JOB: usize = 4;

/// One chunk's results: the work's output per line, and the input bytes it covered.
pub struct Done<T> {
    pub results: Vec<T>,
    pub bytes: usize,
}

/// Why a run stopped early.
#[derive(Debug)]
pub enum Stop {
    /// Reading the input failed; everything before the failure was processed.
    Read(io::Error),
    /// The sink failed (writing the output); the run stopped at once.
    Sink(io::Error),
    /// A worker died without delivering its chunk (a panic outside the guarded work).
    Lost,
}

struct Chunk {
    seq: usize,
    first_line: usize,
    lines: Vec<Vec<u8>>,
    bytes: usize,
}

/// Reads the next chunk (empty at end of input). On a read error the lines read before it are
/// still returned, with the error, so they are processed like in a line-by-line loop.
fn read_chunk(
    reader: &mut impl BufRead,
    seq: usize,
    first_line: usize,
) -> (Chunk, Option<io::Error>) {
    let mut chunk = Chunk {
        seq,
        first_line,
        lines: Vec::new(),
        bytes: 0,
    };
    while chunk.lines.len() < CHUNK_LINES && chunk.bytes < CHUNK_BYTES {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(n) => chunk.bytes += n,
            Err(e) => return (chunk, Some(e)),
        }
        chunk.lines.push(line);
    }
    (chunk, None)
}

fn map_chunk<T>(chunk: &Chunk, work: &(impl Fn(usize, &[u8]) -> T + Sync)) -> Done<T> {
    Done {
        results: chunk
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| work(chunk.first_line + i, line))
            .collect(),
        bytes: chunk.bytes,
    }
}

/// Maps `work(line_number, line)` (1-based numbers, lines with their `\n`) over every line of
/// `reader` on `jobs` threads and hands the results to `sink` chunk by chunk, in input order.
pub fn run<R, T, W, S>(mut reader: R, jobs: usize, work: W, mut sink: S) -> Result<(), Stop>
where
    R: BufRead + Send,
    T: Send,
    W: Fn(usize, &[u8]) -> T + Sync,
    S: FnMut(Done<T>) -> io::Result<()>,
{
    if jobs <= 1 {
        let (mut seq, mut line) = (0, 1);
        loop {
            let (chunk, error) = read_chunk(&mut reader, seq, line);
            if !chunk.lines.is_empty() {
                sink(map_chunk(&chunk, &work)).map_err(Stop::Sink)?;
            }
            match error {
                Some(e) => return Err(Stop::Read(e)),
                None if chunk.lines.is_empty() => return Ok(()),
                None => (seq, line) = (seq + 1, line + chunk.lines.len()),
            }
        }
    }
    let window = jobs * WINDOW_PER_JOB;
    // How many chunks the sink has taken; the reader waits on it to stay inside the window.
    let written = (Mutex::new(0usize), Condvar::new());
    let abort = AtomicBool::new(false);
    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<Chunk>(jobs * 2);
    // Shared by the workers and dropped with the last of them, so a reader blocked on a full
    // queue is released when the workers stop early.
    let chunk_rx = Arc::new(Mutex::new(chunk_rx));
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Done<T>)>(jobs * 2);
    std::thread::scope(|scope| {
        let (written_ref, abort_ref) = (&written, &abort);
        // `move`, so that the chunk sender is dropped when the reader ends: that is what tells
        // the workers, and through them the reorder loop, that the input is done.
        let reader_thread = scope.spawn(move || {
            let (written, abort) = (written_ref, abort_ref);
            let (mut seq, mut line) = (0, 1);
            loop {
                {
                    let (count, wake) = written;
                    let mut count = count.lock().unwrap_or_else(PoisonError::into_inner);
                    while seq >= *count + window && !abort.load(Ordering::SeqCst) {
                        count = wake.wait(count).unwrap_or_else(PoisonError::into_inner);
                    }
                }
                if abort.load(Ordering::SeqCst) {
                    return Ok(seq);
                }
                let (chunk, error) = read_chunk(&mut reader, seq, line);
                let at_end = chunk.lines.is_empty();
                if !at_end {
                    line += chunk.lines.len();
                    seq += 1;
                    if chunk_tx.send(chunk).is_err() {
                        return Ok(seq); // every worker is gone; the sink side reports why
                    }
                }
                match error {
                    Some(e) => return Err((seq, e)),
                    None if at_end => return Ok(seq),
                    None => {}
                }
            }
        });
        for _ in 0..jobs {
            let (done_tx, chunk_rx, work) = (done_tx.clone(), chunk_rx.clone(), &work);
            scope.spawn(move || loop {
                // The lock is held only while waiting for the next chunk, not while working.
                let next = chunk_rx
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .recv();
                let Ok(chunk) = next else { return };
                if done_tx.send((chunk.seq, map_chunk(&chunk, work))).is_err() {
                    return;
                }
            });
        }
        drop((done_tx, chunk_rx));
        let delivered = reorder(done_rx, &mut sink, &written);
        if delivered.is_err() {
            abort.store(true, Ordering::SeqCst);
            written.1.notify_all();
        }
        let read = reader_thread.join().unwrap_or(Ok(0));
        match (delivered, read) {
            (Err(e), _) => Err(Stop::Sink(e)),
            (Ok(n), Ok(sent) | Err((sent, _))) if n < sent => Err(Stop::Lost),
            (Ok(_), Ok(_)) => Ok(()),
            (Ok(_), Err((_, e))) => Err(Stop::Read(e)),
        }
    })
}

/// Puts chunks back in order and feeds them to `sink`; returns how many it delivered. Ends
/// when every worker has finished (the channel closes) or the sink fails; on failure the
/// receiver is dropped here, which stops the workers.
fn reorder<T>(
    done: Receiver<(usize, Done<T>)>,
    sink: &mut impl FnMut(Done<T>) -> io::Result<()>,
    written: &(Mutex<usize>, Condvar),
) -> io::Result<usize> {
    let mut pending = BTreeMap::new();
    let mut next = 0usize;
    for (seq, chunk) in done {
        pending.insert(seq, chunk);
        while let Some(chunk) = pending.remove(&next) {
            sink(chunk)?;
            next += 1;
            let (count, wake) = written;
            *count.lock().unwrap_or_else(PoisonError::into_inner) = next;
            wake.notify_all();
        }
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &[u8], jobs: usize) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        run(
            input,
            jobs,
            |n, line| {
                // Uneven work, so chunks finish out of order.
                if n % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                (n, String::from_utf8_lossy(line).into_owned())
            },
            |done| {
                out.extend(done.results);
                Ok(())
            },
        )
        .expect("runs");
        out
    }

    #[test]
    fn results_come_back_in_input_order_whatever_the_job_count() {
        let input: String = (0..1000).map(|i| format!("line {i}\n")).collect();
        let one = collect(input.as_bytes(), 1);
        assert_eq!(one.len(), 1000);
        assert_eq!(one[999], (1000, "line 999\n".to_string()));
        for jobs in [2, 3, 8] {
            assert_eq!(collect(input.as_bytes(), jobs), one, "jobs {jobs}");
        }
        assert!(collect(b"", 4).is_empty());
        assert_eq!(collect(b"no newline", 4), vec![(1, "no newline".into())]);
    }

    #[test]
    fn a_failing_sink_stops_the_run() {
        let input: String = (0..10_000).map(|i| format!("{i}\n")).collect();
        let mut calls = 0;
        let r = run(
            input.as_bytes(),
            4,
            |_, _| (),
            |_| {
                calls += 1;
                if calls == 3 {
                    Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
                } else {
                    Ok(())
                }
            },
        );
        assert!(matches!(r, Err(Stop::Sink(_))));
        assert_eq!(calls, 3);
    }

    #[test]
    fn read_errors_come_after_what_was_read() {
        struct Failing(usize);
        impl io::Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0 == 0 {
                    return Err(io::Error::other("disk on fire"));
                }
                self.0 -= 1;
                buf[..2].copy_from_slice(b"x\n");
                Ok(2)
            }
        }
        for jobs in [1, 4] {
            let mut lines = 0;
            let r = run(
                io::BufReader::with_capacity(2, Failing(100)),
                jobs,
                |_, _| (),
                |d| {
                    lines += d.results.len();
                    Ok(())
                },
            );
            assert!(matches!(r, Err(Stop::Read(_))), "jobs {jobs}");
            // Every line before the failure was processed, as in a line-by-line loop.
            assert_eq!(lines, 100, "jobs {jobs}");
        }
    }
}
