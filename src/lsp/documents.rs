//! Open documents: their text as a rope, their version, and the analysis of that version.
//!
//! Why a plain `std::sync::Mutex` and synchronous methods: tower-lsp runs up to four handlers
//! at once, so a `didChange` that awaited anything before applying its edit would let the next
//! `hover` read the old text. Every edit here is applied completely inside one call that never
//! awaits; the server calls it first thing in its notification handler.
//!
//! Analyses are cached per version and computed outside the lock ([`DocumentStore::snapshot`]),
//! so a long analysis of a big document never blocks an edit; a result computed for a version
//! that has since changed is handed to whoever asked but never cached.

use super::engine;
use super::position::{self, Encoding, LineIndex};
use super::sources::SourceStore;
use crate::analysis::{Analysis, DocKind, Incremental, Span};
use crate::config::{suppress::UnknownId, Loaded};
use ropey::Rope;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

/// One version of a document with its analysis: what every request handler reads.
#[derive(Debug)]
pub struct Snapshot {
    pub uri: Uri,
    /// The editor's version, or `None` for a file read from disk.
    pub version: Option<i32>,
    pub kind: DocKind,
    pub rope: Rope,
    pub text: String,
    /// The engine's analysis, less the findings that `saidso-disable` comments switch off.
    pub analysis: Analysis,
    /// The `.saidso.toml` governing the file (defaults when there is none).
    pub project: Arc<Loaded>,
    /// Why that file could not be used, if it could not.
    pub project_error: Option<String>,
    /// `saidso-disable` comments naming rules that do not exist.
    pub unknown_directives: Vec<UnknownId>,
    /// The quotes checked against the draft's sources, when it has any (their findings are
    /// in `analysis` with the engine's).
    pub verified: Option<Arc<crate::verify::Report>>,
    /// Sources the draft names that cannot be used (missing, unreadable).
    pub source_errors: Vec<String>,
    /// Line starts of `text`, built on the first range asked for (a request that converts
    /// none, such as a hover off any quote, does not pay for it).
    pub lines: OnceLock<LineIndex>,
}

impl Snapshot {
    /// Analyses `rope` (guarded against engine panics) under the file's project configuration.
    pub fn new(uri: Uri, version: Option<i32>, kind: DocKind, rope: Rope) -> Snapshot {
        Snapshot::with_memo(uri, version, kind, rope, None)
    }

    /// [`Snapshot::new`], reusing the work of the document's earlier versions in `memo`.
    pub fn with_memo(
        uri: Uri,
        version: Option<i32>,
        kind: DocKind,
        rope: Rope,
        memo: Option<&mut Incremental>,
    ) -> Snapshot {
        let text = rope.to_string();
        let path = uri
            .to_file_path()
            .filter(|_| uri.scheme().as_str() == "file");
        // The project's `[style]` and `[policy]` shape the analysis itself (house tense, loaded
        // verbs, anonymity phrases, sourcing policy), so the configuration comes first.
        let (project, project_error) = engine::project_config(path.as_deref());
        let options = project.config.options();
        let (analysis, unknown_directives) = engine::analyze_document(&text, kind, &options, memo);
        Snapshot {
            uri,
            version,
            kind,
            rope,
            text,
            analysis,
            project,
            project_error,
            unknown_directives,
            verified: None,
            source_errors: Vec::new(),
            lines: OnceLock::new(),
        }
    }

    pub fn range(&self, span: Span, enc: Encoding) -> Range {
        self.lines
            .get_or_init(|| LineIndex::new(&self.text))
            .range(&self.text, &self.rope, span, enc)
    }

    pub fn offset(&self, pos: Position, enc: Encoding) -> usize {
        position::position_to_offset(&self.rope, pos, enc)
    }

    pub fn span(&self, range: Range, enc: Encoding) -> Span {
        position::range_to_span(&self.rope, range, enc)
    }
}

/// Why an edit was not applied. The server logs it and carries on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    UnknownDocument(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::UnknownDocument(uri) => {
                write!(f, "change to a document that is not open: {uri}")
            }
        }
    }
}

struct Document {
    rope: Rope,
    version: i32,
    kind: DocKind,
    cache: Option<Arc<Snapshot>>,
    /// The engine's work on earlier versions, reused by the next analysis: a keystroke costs
    /// the sentence it touches plus the document-wide reading, not a fresh analysis.
    memo: Arc<Mutex<Incremental>>,
}

/// The open documents, keyed by URI.
#[derive(Default)]
pub struct DocumentStore {
    docs: Mutex<HashMap<Uri, Document>>,
    /// The drafts' transcripts and notes; each new snapshot is verified against its own.
    sources: Option<Arc<SourceStore>>,
}

impl DocumentStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store whose snapshots are verified against their sources.
    pub fn with_sources(sources: Arc<SourceStore>) -> Self {
        DocumentStore {
            sources: Some(sources),
            ..Self::default()
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<Uri, Document>> {
        // A panic while holding the lock leaves consistent data (every edit is applied whole
        // to a fresh rope before it is stored), so a poisoned lock is still usable.
        self.docs
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Opens (or reopens) a document.
    pub fn open(&self, uri: Uri, kind: DocKind, version: i32, text: &str) {
        let doc = Document {
            rope: Rope::from_str(text),
            version,
            kind,
            cache: None,
            memo: Arc::default(),
        };
        self.lock().insert(uri, doc);
    }

    /// Applies content changes in order. Each range is read against the text as left by the
    /// change before it (the protocol's rule). The whole batch is applied to a copy first, so
    /// the stored text is never half-edited.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        enc: Encoding,
    ) -> Result<(), EditError> {
        let mut docs = self.lock();
        let doc = docs
            .get_mut(uri)
            .ok_or_else(|| EditError::UnknownDocument(uri.as_str().to_owned()))?;
        let mut rope = doc.rope.clone();
        for change in changes {
            apply_change(&mut rope, change, enc);
        }
        if version <= doc.version {
            tracing::warn!(
                "{}: version {version} does not follow {}; applying it anyway",
                uri.as_str(),
                doc.version
            );
        }
        doc.rope = rope;
        doc.version = version;
        doc.cache = None;
        Ok(())
    }

    /// Forgets a document; false when it was not open.
    pub fn close(&self, uri: &Uri) -> bool {
        self.lock().remove(uri).is_some()
    }

    pub fn version(&self, uri: &Uri) -> Option<i32> {
        self.lock().get(uri).map(|d| d.version)
    }

    pub fn text(&self, uri: &Uri) -> Option<String> {
        self.lock().get(uri).map(|d| d.rope.to_string())
    }

    pub fn is_open(&self, uri: &Uri) -> bool {
        self.lock().contains_key(uri)
    }

    /// The URIs of the open documents, in no particular order.
    pub fn uris(&self) -> Vec<Uri> {
        self.lock().keys().cloned().collect()
    }

    /// The current version of a document with its analysis, computing the analysis if this
    /// version has none yet. The lock is not held while the engine runs.
    pub fn snapshot(&self, uri: &Uri) -> Option<Arc<Snapshot>> {
        let (rope, version, kind, memo) = {
            let docs = self.lock();
            let doc = docs.get(uri)?;
            if let Some(cached) = &doc.cache {
                return Some(cached.clone());
            }
            // Cloning a rope is O(1): it shares the tree.
            (doc.rope.clone(), doc.version, doc.kind, doc.memo.clone())
        };
        // Two analyses of one document at once (a hover racing the diagnostics of the same
        // version) do not queue for the memo: the second runs without it, at full cost.
        let mut guard = match memo.try_lock() {
            Ok(guard) => Some(guard),
            // A panic mid-analysis may have left the memo half-updated: start it afresh.
            Err(std::sync::TryLockError::Poisoned(poisoned)) => {
                let mut fresh = poisoned.into_inner();
                *fresh = Incremental::new();
                memo.clear_poison();
                Some(fresh)
            }
            Err(std::sync::TryLockError::WouldBlock) => None,
        };
        let mut snapshot =
            Snapshot::with_memo(uri.clone(), Some(version), kind, rope, guard.as_deref_mut());
        drop(guard);
        if let Some(sources) = &self.sources {
            sources.verify(&mut snapshot);
        }
        let snapshot = Arc::new(snapshot);
        let mut docs = self.lock();
        if let Some(doc) = docs.get_mut(uri) {
            if doc.version == version && doc.cache.is_none() {
                doc.cache = Some(snapshot.clone());
            }
        }
        Some(snapshot)
    }

    /// Drops cached analyses (after a configuration change, say).
    pub fn invalidate_all(&self) {
        for doc in self.lock().values_mut() {
            doc.cache = None;
        }
    }
}

/// Applies one content change to a rope; a change without a range replaces the whole text.
pub fn apply_change(rope: &mut Rope, change: &TextDocumentContentChangeEvent, enc: Encoding) {
    match change.range {
        None => *rope = Rope::from_str(&change.text),
        Some(range) => {
            let a = position::position_to_char(rope, range.start, enc);
            let b = position::position_to_char(rope, range.end, enc);
            let (start, end) = (a.min(b), a.max(b));
            rope.remove(start..end);
            rope.insert(start, &change.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn uri() -> Uri {
        Uri::from_str("file:///tmp/a.txt").unwrap()
    }

    fn edit(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn batched_changes_apply_in_order() {
        let store = DocumentStore::new();
        store.open(uri(), DocKind::Text, 1, "“Hi 😀,” she said.\n");
        let changes = [edit(0, 6, 0, 6, "!"), edit(0, 0, 0, 0, "A: ")];
        store.change(&uri(), 2, &changes, Encoding::Utf16).unwrap();
        assert_eq!(store.text(&uri()).unwrap(), "A: “Hi 😀!,” she said.\n");
        assert_eq!(store.version(&uri()), Some(2));
    }

    #[test]
    fn unknown_documents_are_refused_not_fatal() {
        let store = DocumentStore::new();
        let err = store.change(&uri(), 2, &[edit(0, 0, 0, 0, "x")], Encoding::Utf8);
        assert!(matches!(err, Err(EditError::UnknownDocument(_))));
    }

    #[test]
    fn snapshots_follow_versions() {
        let store = DocumentStore::new();
        store.open(uri(), DocKind::Text, 1, "one");
        let s1 = store.snapshot(&uri()).unwrap();
        assert!(Arc::ptr_eq(&s1, &store.snapshot(&uri()).unwrap()));
        store
            .change(&uri(), 2, &[edit(0, 3, 0, 3, " two")], Encoding::Utf8)
            .unwrap();
        let s2 = store.snapshot(&uri()).unwrap();
        assert_eq!((s2.version, s2.text.as_str()), (Some(2), "one two"));
    }

    #[test]
    fn analyses_after_edits_equal_fresh_ones() {
        let store = DocumentStore::new();
        let text = "Putin spoke on Monday.\n\n\"We will win,\" he said.\n\n\"Nobody knows.\"\n";
        store.open(uri(), DocKind::Text, 1, text);
        store.snapshot(&uri()).unwrap();
        let edits = [
            edit(2, 0, 2, 0, "Peskov said: "),
            edit(0, 0, 0, 5, "Dmitry Peskov"),
            edit(4, 1, 4, 7, "Somebody"),
        ];
        for (n, e) in edits.iter().enumerate() {
            let version = n as i32 + 2;
            store
                .change(&uri(), version, std::slice::from_ref(e), Encoding::Utf8)
                .unwrap();
            let kept = store.snapshot(&uri()).unwrap();
            let fresh = Snapshot::new(uri(), Some(version), DocKind::Text, kept.rope.clone());
            assert_eq!(
                kept.analysis, fresh.analysis,
                "after edit {n}: {}",
                kept.text
            );
        }
    }
}
