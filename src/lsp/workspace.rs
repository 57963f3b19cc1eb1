//! Files of the workspace folders that are not open in the editor, for `workspace/diagnostic`
//! and `workspace/symbol`: which ones count (`.md`, `.markdown`, `.txt`), and their analyses,
//! cached by modification time and size so a repeated pull does not re-read the whole tree.

use super::documents::Snapshot;
use super::engine;
use ropey::Rope;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;
use tower_lsp_server::ls_types::Uri;

pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];
/// A workspace can be a home directory: stop walking somewhere.
const MAX_FILES: usize = 5_000;
/// Bigger files are not articles (logs, dumps); skip them.
const MAX_BYTES: u64 = 8 * 1024 * 1024;
/// Folders that hold no writing.
const SKIP_DIRS: &[&str] = &["node_modules", "target", "vendor", "dist", "build"];

/// The article files under `roots`, sorted, without following symlinks or hidden folders.
pub fn files(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = roots.to_vec();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if file_type.is_dir() {
                if !name.starts_with('.') && !SKIP_DIRS.contains(&name.as_ref()) {
                    stack.push(path);
                }
            } else if file_type.is_file() && engine::has_extension(&name, EXTENSIONS) {
                out.push(path);
                if out.len() >= MAX_FILES {
                    tracing::warn!("stopped listing workspace files at {MAX_FILES}");
                    out.sort();
                    return out;
                }
            }
        }
    }
    out.sort();
    out
}

/// A file's analysis and a hash of its text (the `resultId` of its diagnostics).
#[derive(Clone)]
pub struct DiskDoc {
    pub snapshot: Arc<Snapshot>,
    pub hash: u64,
}

/// Modification time and size the entry was read at, and what was read.
type Entry = (Option<SystemTime>, u64, DiskDoc);

#[derive(Default)]
pub struct DiskCache {
    entries: Mutex<HashMap<PathBuf, Entry>>,
}

impl DiskCache {
    /// The analysis of a file on disk, from the cache while the file is unchanged.
    pub fn load(&self, path: &Path) -> Option<DiskDoc> {
        let meta = std::fs::metadata(path).ok()?;
        if meta.len() > MAX_BYTES {
            return None;
        }
        let modified = meta.modified().ok();
        let key = (modified, meta.len());
        if let Some((m, len, doc)) = self.lock().get(path) {
            if (*m, *len) == key && m.is_some() {
                return Some(doc.clone());
            }
        }
        let bytes = std::fs::read(path).ok()?;
        let text = String::from_utf8_lossy(&bytes);
        let uri = Uri::from_file_path(path)?;
        let kind = engine::doc_kind(None, &path.to_string_lossy());
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        let doc = DiskDoc {
            snapshot: Arc::new(Snapshot::new(uri, None, kind, Rope::from_str(&text))),
            hash: hasher.finish(),
        };
        self.lock()
            .insert(path.to_path_buf(), (key.0, key.1, doc.clone()));
        Some(doc)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Entry>> {
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_articles_and_skips_hidden_and_build_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for p in [
            "a.md",
            "b.txt",
            "c.rs",
            "sub/d.markdown",
            ".git/e.md",
            "node_modules/f.md",
        ] {
            let path = root.join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "\"Hi,\" she said.").unwrap();
        }
        let names: Vec<_> = files(&[root.to_path_buf()])
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "sub/d.markdown"]);
        let cache = DiskCache::default();
        let a = cache.load(&root.join("a.md")).unwrap();
        let again = cache.load(&root.join("a.md")).unwrap();
        assert!(Arc::ptr_eq(&a.snapshot, &again.snapshot));
        assert_eq!(a.snapshot.kind, crate::analysis::DocKind::Markdown);
    }
}
