//! The transcripts and notes of a run's drafts, each read and indexed once per run however
//! many drafts use it, and the verification of a draft against its own.
//!
//! A source that is named but cannot be used (missing, not UTF-8) is a [`Failure`] of the run,
//! reported once: the draft is still checked against its other sources, and the exit status
//! says something could not be checked.

use super::input::{Failure, Input};
use crate::analysis::Analysis;
use crate::config::{sources, Loaded};
use crate::verify::{self, Cache, Report, Source};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A draft's usable sources.
pub struct DraftSources {
    pub sources: Vec<Arc<Source>>,
    /// Whether the draft names any source at all (found or not).
    pub named: bool,
}

#[derive(Default)]
pub struct SourceFiles {
    read: HashMap<PathBuf, Option<Arc<Source>>>,
    /// Placements by quote text, per set of sources: drafts sharing a transcript share them.
    caches: HashMap<Vec<PathBuf>, Cache>,
    reported: Vec<PathBuf>,
}

impl SourceFiles {
    pub fn new() -> SourceFiles {
        SourceFiles::default()
    }

    /// The sources of the draft `input` (text `text`, configuration `loaded`) plus `extra`
    /// files from the command line. Problems are added to `failures`, once per file.
    pub fn for_draft(
        &mut self,
        input: &Input,
        stdin_name: Option<&Path>,
        text: &str,
        loaded: &Loaded,
        extra: &[PathBuf],
        failures: &mut Vec<Failure>,
    ) -> DraftSources {
        let path = match input {
            Input::File { path, .. } => Some(path.as_path()),
            Input::Stdin { .. } => stdin_name,
        };
        let resolved = sources::for_draft(path, text, loaded, extra);
        for problem in &resolved.problems {
            failures.push(Failure {
                at: None,
                path: input.display(),
                message: format!("source {problem}"),
            });
        }
        let mut out = DraftSources {
            sources: Vec::new(),
            named: resolved.any(),
        };
        for file in resolved.files {
            if let Some(source) = self.load(&file, failures) {
                out.sources.push(source);
            }
        }
        out
    }

    fn load(&mut self, file: &Path, failures: &mut Vec<Failure>) -> Option<Arc<Source>> {
        let key = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        if let Some(known) = self.read.get(&key) {
            return known.clone();
        }
        let name = sources::shown(file, Path::new("."));
        let loaded = match sources::read(file) {
            Ok(text) => Some(Arc::new(Source::new(name, text))),
            Err(message) => {
                if !self.reported.contains(&key) {
                    self.reported.push(key.clone());
                    failures.push(Failure {
                        at: None,
                        path: name,
                        message: format!("cannot read this source: {message}"),
                    });
                }
                None
            }
        };
        self.read.insert(key, loaded.clone());
        loaded
    }

    /// Verifies a draft against its sources. The engine promises never to panic, and so does
    /// the matcher; if it does, the draft is reported as not verified.
    pub fn verify(
        &mut self,
        text: &str,
        analysis: &Analysis,
        sources: &[Arc<Source>],
    ) -> Option<Report> {
        let key: Vec<PathBuf> = sources.iter().map(|s| PathBuf::from(&s.name)).collect();
        let cache = self.caches.entry(key).or_default();
        let refs: Vec<&Source> = sources.iter().map(Arc::as_ref).collect();
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            verify::verify(text, analysis, &refs, cache)
        }))
        .ok()
    }
}
