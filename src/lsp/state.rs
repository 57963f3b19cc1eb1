//! What the server holds between messages — open documents, settings, what the client can
//! do, workspace folders — and [`blocking`], the one way request work is run: off the async
//! threads and under `catch_unwind`, so a slow analysis does not stall the protocol and a
//! panic costs one request an error response instead of the session.

use super::config::Settings;
use super::documents::{DocumentStore, Snapshot};
use super::engine;
use super::position::Encoding;
use super::sources::SourceStore;
use super::workspace::{self, DiskCache};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::Uri;

/// What the client said it can do, fixed at `initialize`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientFlags {
    pub encoding: Encoding,
    /// The client pulls diagnostics, so pushing them too would show each one twice.
    pub pull_diagnostics: bool,
    /// It answers `workspace/configuration`.
    pub configuration: bool,
    pub inlay_refresh: bool,
    pub code_lens_refresh: bool,
    pub diagnostic_refresh: bool,
    /// It takes versioned `documentChanges` in workspace edits.
    pub document_changes: bool,
    /// It lets the server register file watchers (`workspace/didChangeWatchedFiles`).
    pub watch_files: bool,
    /// Its watchers take relative patterns (a folder and a name) besides glob strings.
    pub relative_patterns: bool,
}

/// State shared by the handlers and the background analysis tasks.
pub struct State {
    pub docs: DocumentStore,
    settings: RwLock<Arc<Settings>>,
    /// Bumped whenever the results for the same text may change (settings, `.saidso.toml`);
    /// part of pulled diagnostics' `resultId`.
    generation: AtomicU64,
    flags: OnceLock<ClientFlags>,
    roots: RwLock<Vec<PathBuf>>,
    pub disk: DiskCache,
    /// The drafts' transcripts and notes (also held by `docs` and `disk`).
    pub sources: Arc<SourceStore>,
    /// Whether the client holds a registration of source watchers; the lock keeps one
    /// (re-)registration at a time (`source_watch`).
    pub source_watch: tokio::sync::Mutex<bool>,
    /// Serialises "is this still the current version? then publish" against `didClose`'s
    /// clearing, so a late result can never be published after the clear.
    pub publish: tokio::sync::Mutex<()>,
    pub shutdown_requested: Arc<AtomicBool>,
}

impl State {
    pub fn new(shutdown_requested: Arc<AtomicBool>) -> State {
        let sources = Arc::new(SourceStore::new());
        State {
            docs: DocumentStore::with_sources(sources.clone()),
            settings: RwLock::new(Arc::new(Settings::default())),
            generation: AtomicU64::new(0),
            flags: OnceLock::new(),
            roots: RwLock::new(Vec::new()),
            disk: DiskCache::with_sources(sources.clone()),
            sources,
            source_watch: tokio::sync::Mutex::new(false),
            publish: tokio::sync::Mutex::new(()),
            shutdown_requested,
        }
    }

    pub fn settings(&self) -> Arc<Settings> {
        self.settings
            .read()
            .map_or_else(|p| p.into_inner().clone(), |s| s.clone())
    }

    pub fn set_settings(&self, settings: Settings) {
        match self.settings.write() {
            Ok(mut s) => *s = Arc::new(settings),
            Err(p) => *p.into_inner() = Arc::new(settings),
        }
        self.bump_generation();
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Marks every earlier result as possibly stale.
    pub fn bump_generation(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    pub fn flags(&self) -> ClientFlags {
        self.flags.get().copied().unwrap_or_default()
    }

    /// Records the client's capabilities; false if they were already recorded.
    pub fn set_flags(&self, flags: ClientFlags) -> bool {
        self.flags.set(flags).is_ok()
    }

    pub fn roots(&self) -> Vec<PathBuf> {
        self.roots
            .read()
            .map_or_else(|p| p.into_inner().clone(), |r| r.clone())
    }

    pub fn update_roots(&self, f: impl FnOnce(&mut Vec<PathBuf>)) {
        match self.roots.write() {
            Ok(mut roots) => f(&mut roots),
            Err(p) => f(&mut p.into_inner()),
        }
    }

    /// The open document's snapshot, or the article on disk for a URI that is not open, with
    /// the hash of its text (0 for open documents, whose version says the same).
    pub fn snapshot_anywhere(&self, uri: &Uri) -> Option<(Arc<Snapshot>, u64)> {
        if let Some(s) = self.docs.snapshot(uri) {
            return Some((s, 0));
        }
        let path = uri.to_file_path()?;
        if !engine::has_extension(&path.to_string_lossy(), workspace::EXTENSIONS) {
            return None;
        }
        self.disk.load(&path).map(|d| (d.snapshot, d.hash))
    }
}

/// Runs request work on the blocking pool under `catch_unwind`; a panic or a lost task becomes
/// an internal error response for this request only.
pub async fn blocking<T, F>(name: &'static str, f: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let job = tokio::task::spawn_blocking(move || {
        catch_unwind(AssertUnwindSafe(f)).map_err(|p| engine::panic_message(&p).to_owned())
    });
    match job.await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(message)) => Err(internal_error(name, &message)),
        Err(join) => Err(internal_error(name, &join.to_string())),
    }
}

fn internal_error(name: &str, message: &str) -> Error {
    tracing::error!("{name} failed: {message}");
    Error {
        code: ErrorCode::InternalError,
        message: format!("saidso: {name} failed: {message}").into(),
        data: None,
    }
}
