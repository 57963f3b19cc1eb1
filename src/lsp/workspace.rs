//! Files of the workspace folders that are not open in the editor, for `workspace/diagnostic`
//! and `workspace/symbol`: which ones count, and their analyses, cached by modification time
//! and size so a repeated pull does not re-read the whole tree.
//!
//! Which files count is what `saidso check DIR` would walk: `.md`, `.markdown` and `.txt`, or the
//! `[files] include` patterns of the governing `.saidso.toml`, less its `exclude` patterns.

use super::documents::Snapshot;
use super::engine;
use super::sources::SourceStore;
use crate::config::discover::ConfigCache;
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

/// Whether a walked file is one `saidso check` would check.
fn wanted(configs: &mut ConfigCache, path: &Path) -> bool {
    let by_extension = engine::has_extension(&path.to_string_lossy(), EXTENSIONS);
    let Some(dir) = path.parent() else {
        return by_extension;
    };
    let Ok(loaded) = configs.for_dir(dir) else {
        return by_extension; // an unusable config is reported on the open document
    };
    let files = &loaded.config.files;
    let relative = loaded
        .base_dir()
        .and_then(|base| path.strip_prefix(base).ok());
    let included = match relative {
        Some(rel) if files.has_include() => files.included(rel),
        _ => by_extension,
    };
    included && !relative.is_some_and(|rel| files.excluded(rel))
}

/// The article files under `roots`, sorted, without following symlinks or hidden folders.
pub fn files(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut configs = ConfigCache::new(None);
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
            } else if file_type.is_file() && !name.starts_with('.') && wanted(&mut configs, &path) {
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
    /// The drafts' sources, to verify files with sources like open documents.
    sources: Option<Arc<SourceStore>>,
}

impl DiskCache {
    pub fn with_sources(sources: Arc<SourceStore>) -> DiskCache {
        DiskCache {
            sources: Some(sources),
            ..DiskCache::default()
        }
    }

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
        let mut snapshot = Snapshot::new(uri, None, kind, Rope::from_str(&text));
        if let Some(sources) = &self.sources {
            sources.verify(&mut snapshot);
        }
        let doc = DiskDoc {
            snapshot: Arc::new(snapshot),
            hash: hasher.finish(),
        };
        self.lock()
            .insert(path.to_path_buf(), (key.0, key.1, doc.clone()));
        Some(doc)
    }

    /// Forgets every analysis (a `.saidso.toml` changed).
    pub fn clear(&self) {
        self.lock().clear();
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

    #[test]
    fn project_files_patterns_choose_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for p in ["a.md", "b.txt", "drafts/c.md", "story.mdx"] {
            let path = root.join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "text").unwrap();
        }
        std::fs::write(
            root.join(".saidso.toml"),
            "[files]\ninclude = [\"**/*.md\", \"**/*.mdx\"]\nexclude = [\"drafts/**\"]\n",
        )
        .unwrap();
        let names: Vec<_> = files(&[root.to_path_buf()])
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.md", "story.mdx"]);
    }
}
