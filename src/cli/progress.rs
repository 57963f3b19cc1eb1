//! A one-line progress display on standard error for long `saidso extract` and `saidso report`
//! runs: documents done, documents per second, MB per second, and the share of the input when
//! its size is known.
//!
//! Shown only when stderr is a terminal, so logs and pipelines never see it; stdout (the data)
//! is never touched. Redrawn at most a few times a second, which keeps its cost out of the
//! throughput it reports. Hand-rolled: one line of `\r` and an erase sequence does not need a
//! dependency.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

const REDRAW: Duration = Duration::from_millis(200);
/// Carriage return and "erase the whole line".
const CLEAR: &str = "\r\x1b[2K";

pub struct Progress {
    /// The command, at the start of the line (`saidso extract`).
    label: &'static str,
    enabled: bool,
    start: Instant,
    last_draw: Instant,
    docs: u64,
    bytes: u64,
    /// Input size, when reading a file.
    total: Option<u64>,
}

impl Progress {
    /// A display that draws only when stderr is a terminal.
    pub fn on_terminal(label: &'static str, total: Option<u64>) -> Progress {
        Progress::new(label, std::io::stderr().is_terminal(), total)
    }

    pub fn new(label: &'static str, enabled: bool, total: Option<u64>) -> Progress {
        let now = Instant::now();
        Progress {
            label,
            enabled,
            start: now,
            last_draw: now,
            docs: 0,
            bytes: 0,
            total,
        }
    }

    /// Counts work done and redraws when it is time.
    pub fn add(&mut self, docs: u64, bytes: u64) {
        self.docs += docs;
        self.bytes += bytes;
        if self.enabled && self.last_draw.elapsed() >= REDRAW {
            self.last_draw = Instant::now();
            let line = self.line(self.start.elapsed());
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "{CLEAR}{line}");
            let _ = err.flush();
        }
    }

    /// Erases the display before something else is written to stderr; the next redraw brings
    /// it back.
    pub fn clear(&self) {
        if self.enabled {
            eprint!("{CLEAR}");
        }
    }

    /// Erases the display for good at the end of the run.
    pub fn finish(&self) {
        self.clear();
    }

    /// The text of the display after `elapsed`.
    fn line(&self, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64().max(1e-3);
        let mb = self.bytes as f64 / 1e6;
        let mut line = format!(
            "{}: {} documents, {:.0} docs/s, {:.1} MB/s",
            self.label,
            self.docs,
            self.docs as f64 / secs,
            mb / secs
        );
        if let Some(total) = self.total.filter(|t| *t > 0) {
            let share = (self.bytes as f64 / total as f64 * 100.0).min(100.0);
            line.push_str(&format!(", {share:.0}% of {:.0} MB", total as f64 / 1e6));
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_reports_rates_and_share() {
        let mut p = Progress::new("saidso extract", false, Some(200_000_000));
        p.add(1000, 50_000_000);
        assert_eq!(
            p.line(Duration::from_secs(2)),
            "saidso extract: 1000 documents, 500 docs/s, 25.0 MB/s, 25% of 200 MB"
        );
        let mut p = Progress::new("saidso report", false, None);
        p.add(3, 1_000_000);
        assert_eq!(
            p.line(Duration::from_secs(1)),
            "saidso report: 3 documents, 3 docs/s, 1.0 MB/s"
        );
    }
}
