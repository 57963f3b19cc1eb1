//! The transcripts and notes the open drafts are verified against, held between messages.
//!
//! - Each source file is read and indexed once per version (its modification time and size),
//!   shared by every draft that names it, and forgotten when the editor reports it changed
//!   (`workspace/didChangeWatchedFiles`).
//! - Placements of quotes are cached by quote text per set of sources ([`verify::Cache`]), so
//!   a keystroke re-verifies only the quote it edits.
//! - The files in use are what the server asks the client to watch (`watch_list`), under its
//!   own registration id, so an edited transcript re-verifies the drafts at once.
//!
//! Sources are read from disk: an unsaved change to a transcript counts when it is saved.

use super::documents::Snapshot;
use crate::config::sources;
use crate::config::suppress;
use crate::verify::{self, Cache, Source};
use std::collections::{BTreeSet, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

/// The registration id of the server's watchers for source files (`.saidso.toml` has its own).
pub const REGISTRATION_ID: &str = "saidso-sources";

/// How long a draft's list of source files is trusted before globs are expanded again (new
/// notes in `notes/*.txt` are noticed after this long, or at once by a watched change).
const RESOLVE_TTL: Duration = Duration::from_secs(2);
/// Source sets whose caches are kept; past this they start over.
const MAX_SETS: usize = 64;

/// A source file as read: its stamp and the indexed source, or why it cannot be used.
struct Entry {
    stamp: (Option<SystemTime>, u64),
    source: Result<Arc<Source>, String>,
}

type Resolution = (Instant, sources::Resolved);

#[derive(Default)]
pub struct SourceStore {
    files: Mutex<HashMap<PathBuf, Entry>>,
    caches: Mutex<HashMap<Vec<u64>, Cache>>,
    resolved: Mutex<HashMap<(PathBuf, Vec<String>), Resolution>>,
    /// Every source file a draft has used, and what the client was last asked to watch.
    watched: Mutex<(BTreeSet<PathBuf>, BTreeSet<PathBuf>)>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // The data behind these locks is replaced whole, never left half-written.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl SourceStore {
    pub fn new() -> SourceStore {
        SourceStore::default()
    }

    /// Verifies the snapshot's quotes against its draft's sources, adding the findings (less
    /// those `saidso-disable` comments switch off) and the report to it. Does nothing for a
    /// draft without sources or without a file path.
    pub fn verify(&self, snap: &mut Snapshot) {
        let Some(path) = snap
            .uri
            .to_file_path()
            .filter(|_| snap.uri.scheme().as_str() == "file")
            .map(|p| p.into_owned())
        else {
            return;
        };
        let resolved = self.resolve(&path, &snap.text, &snap.project);
        snap.source_errors = resolved
            .problems
            .iter()
            .map(|p| format!("Source {p}"))
            .collect();
        let mut found = Vec::new();
        for file in &resolved.files {
            match self.load(file) {
                Ok(source) => found.push(source),
                Err(why) => snap
                    .source_errors
                    .push(format!("Source {} cannot be read: {why}", file.display())),
            }
        }
        if found.is_empty() {
            return;
        }
        lock(&self.watched).0.extend(resolved.files.iter().cloned());
        let key: Vec<u64> = found.iter().map(|s| s.id()).collect();
        let refs: Vec<&Source> = found.iter().map(Arc::as_ref).collect();
        let report = {
            let mut caches = lock(&self.caches);
            if caches.len() > MAX_SETS && !caches.contains_key(&key) {
                caches.clear();
            }
            let cache = caches.entry(key).or_default();
            let analysis = &snap.analysis;
            let text = &snap.text;
            catch_unwind(AssertUnwindSafe(|| {
                verify::verify(text, analysis, &refs, cache)
            }))
        };
        let Ok(mut report) = report else {
            tracing::error!("verifying {} panicked", path.display());
            return;
        };
        let suppressions = suppress::parse(&snap.text, snap.kind);
        let findings = std::mem::take(&mut report.findings);
        snap.analysis
            .findings
            .extend(findings.into_iter().filter(|f| !suppressions.suppresses(f)));
        snap.analysis
            .findings
            .sort_by_key(|f| (f.span.start, f.rule));
        snap.verified = Some(Arc::new(report));
    }

    /// The source files of a draft, from a recent resolution when there is one.
    fn resolve(
        &self,
        draft: &Path,
        text: &str,
        project: &crate::config::Loaded,
    ) -> sources::Resolved {
        let key = (draft.to_path_buf(), sources::front_matter(text));
        if let Some((at, r)) = lock(&self.resolved).get(&key) {
            if at.elapsed() < RESOLVE_TTL {
                return r.clone();
            }
        }
        let r = sources::for_draft(Some(draft), text, project, &[]);
        let mut resolved = lock(&self.resolved);
        if resolved.len() > 1_000 {
            resolved.clear();
        }
        resolved.insert(key, (Instant::now(), r.clone()));
        r
    }

    /// A source, read and indexed again only when the file changed.
    fn load(&self, path: &Path) -> Result<Arc<Source>, String> {
        let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
        let stamp = (meta.modified().ok(), meta.len());
        if let Some(e) = lock(&self.files).get(path) {
            if e.stamp == stamp && stamp.0.is_some() {
                return e.source.clone();
            }
        }
        // Read and indexed outside the lock: a long transcript must not hold up other drafts.
        let source = sources::read(path).map(|text| {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            Arc::new(Source::new(name, text))
        });
        lock(&self.files).insert(
            path.to_path_buf(),
            Entry {
                stamp,
                source: source.clone(),
            },
        );
        source
    }

    /// Forgets what is known of `paths` (changed on disk). True when one was a source in use,
    /// so the open drafts need verifying again.
    pub fn changed(&self, paths: &[PathBuf]) -> bool {
        let in_use = {
            let watched = lock(&self.watched);
            paths.iter().any(|p| watched.0.contains(p))
        };
        let mut files = lock(&self.files);
        let known = paths.iter().any(|p| files.remove(p).is_some());
        drop(files);
        if in_use || known {
            // A created or deleted file can change what a glob finds.
            lock(&self.resolved).clear();
        }
        in_use || known
    }

    /// Whether the source files in use differ from what the client was last asked to watch;
    /// when they do, they count as asked from now on.
    pub fn watch_list_changed(&self) -> bool {
        let mut w = lock(&self.watched);
        if w.0 == w.1 {
            return false;
        }
        w.1 = w.0.clone();
        true
    }

    /// Every source file a draft has used, sorted.
    pub fn watched_paths(&self) -> Vec<PathBuf> {
        lock(&self.watched).0.iter().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::DocKind;
    use ropey::Rope;
    use tower_lsp_server::ls_types::Uri;

    #[test]
    fn drafts_are_verified_and_sources_indexed_once_per_version() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let transcript = root.join("t.txt");
        std::fs::write(&transcript, "LOPEZ: We will not raise taxes.\nQ: Thanks.\n").unwrap();
        let draft = root.join("d.md");
        let text = "---\nsources: [t.txt]\n---\n\n\"We won't raise taxes,\" Maria Lopez said.\n";
        let store = SourceStore::new();
        let snap = |store: &SourceStore| {
            let uri = Uri::from_file_path(&draft).unwrap();
            let mut s = Snapshot::new(uri, Some(1), DocKind::Markdown, Rope::from_str(text));
            store.verify(&mut s);
            s
        };
        let first = snap(&store);
        let rules: Vec<&str> = first
            .analysis
            .findings
            .iter()
            .map(|f| f.rule.id())
            .collect();
        assert_eq!(rules, ["quote-altered"]);
        assert!(first.verified.is_some());
        assert!(store.watch_list_changed());
        assert!(!store.watch_list_changed());
        assert_eq!(store.watched_paths(), std::slice::from_ref(&transcript));
        let source = store.load(&transcript).unwrap();
        assert!(Arc::ptr_eq(&source, &store.load(&transcript).unwrap()));
        // The transcript changes: forgotten, read again.
        assert!(store.changed(std::slice::from_ref(&transcript)));
        assert!(!store.changed(&[root.join("other.txt")]));
        std::fs::write(&transcript, "LOPEZ: We won't raise taxes.\n\nQ: Thanks.\n").unwrap();
        assert!(!Arc::ptr_eq(&source, &store.load(&transcript).unwrap()));
        let again = snap(&store);
        assert!(
            again.analysis.findings.is_empty(),
            "{:?}",
            again.analysis.findings
        );
    }
}
