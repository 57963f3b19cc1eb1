//! The sources of a draft — the transcripts and notes its quotes are checked against — found
//! and read. The only I/O of verification ([`crate::verify`] itself is pure).
//!
//! A draft's sources come from three places, all used together:
//! - its front matter: `sources: [interview-lopez.txt]` (YAML, also as a `- item` list) or
//!   `sources = ["interview-lopez.txt"]` (TOML), paths relative to the draft's directory;
//! - `[sources]` of its `.saidso.toml`: `"drafts/*.md" = ["notes/*.txt"]`, both sides globs
//!   relative to the configuration's directory;
//! - the command line: `saidso verify draft.md --source transcript.txt`.
//!
//! A file named outright that does not exist is a problem to report; a glob that matches
//! nothing is not (a new draft may have no notes yet).

use super::Loaded;
use globset::GlobBuilder;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A glob expands to at most this many files.
const MAX_FILES: usize = 1_000;

/// The source files of a draft, and what could not be found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    /// Existing files, each once, in the order they were named.
    pub files: Vec<PathBuf>,
    /// Files named outright that do not exist, as `path: why`.
    pub problems: Vec<String>,
}

impl Resolved {
    /// Whether the draft has any sources named, found or not.
    pub fn any(&self) -> bool {
        !self.files.is_empty() || !self.problems.is_empty()
    }

    fn add(&mut self, path: PathBuf) {
        let key = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
        let known = self
            .files
            .iter()
            .any(|f| std::path::absolute(f).unwrap_or_else(|_| f.clone()) == key);
        if !known {
            self.files.push(path);
        }
    }

    /// Adds `pattern` (relative to `base`): a glob's matches, or the one file it names.
    fn add_pattern(&mut self, base: &Path, pattern: &str) {
        if !has_glob_chars(pattern) {
            let path = base.join(pattern);
            if path.is_file() {
                self.add(path);
            } else {
                let why = if path.exists() {
                    "not a file"
                } else {
                    "no such file"
                };
                self.problems.push(format!("{}: {why}", path.display()));
            }
            return;
        }
        for path in expand(base, pattern) {
            self.add(path);
        }
    }
}

fn has_glob_chars(pattern: &str) -> bool {
    pattern.contains(['*', '?', '[', '{'])
}

/// The files under `base` matching the glob `pattern` (relative to `base`), sorted.
pub fn expand(base: &Path, pattern: &str) -> Vec<PathBuf> {
    let Ok(glob) = GlobBuilder::new(pattern).literal_separator(true).build() else {
        return Vec::new();
    };
    let matcher = glob.compile_matcher();
    // Walk only below the pattern's literal directories, and no deeper than it reaches.
    let parts: Vec<&str> = pattern.split('/').collect();
    let literal = parts.iter().take_while(|p| !has_glob_chars(p)).count();
    let root = parts[..literal.min(parts.len().saturating_sub(1))]
        .iter()
        .fold(base.to_path_buf(), |acc, p| acc.join(p));
    let depth = if pattern.contains("**") {
        usize::MAX
    } else {
        parts.len() - literal.min(parts.len().saturating_sub(1))
    };
    let mut out: Vec<PathBuf> = WalkDir::new(&root)
        .max_depth(depth)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .strip_prefix(base)
                .is_ok_and(|rel| matcher.is_match(rel))
        })
        .take(MAX_FILES)
        .map(walkdir::DirEntry::into_path)
        .collect();
    out.sort();
    out
}

/// The `sources` listed in a draft's front matter, as written.
pub fn front_matter(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    let fence = match lines.next().map(str::trim_end) {
        Some("---") => "---",
        Some("+++") => "+++",
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    let mut in_list = false;
    for line in lines {
        let trimmed = line.trim_end();
        if trimmed == fence || (fence == "---" && trimmed == "...") {
            break;
        }
        if in_list {
            if let Some(item) = line.trim_start().strip_prefix("- ") {
                out.extend(unquote(item));
                continue;
            }
            if line.starts_with([' ', '\t']) || trimmed.is_empty() {
                continue;
            }
            in_list = false;
        }
        let value = if fence == "---" {
            line.strip_prefix("sources:")
        } else {
            line.strip_prefix("sources")
                .map(str::trim_start)
                .and_then(|rest| rest.strip_prefix('='))
        };
        let Some(value) = value.map(str::trim) else {
            continue;
        };
        match value.strip_prefix('[') {
            Some(list) => {
                let list = list.trim_end().strip_suffix(']').unwrap_or(list);
                out.extend(list.split(',').filter_map(unquote));
            }
            None if value.is_empty() => in_list = true,
            None => out.extend(unquote(value)),
        }
    }
    out
}

/// A YAML or TOML scalar without its quotes and trailing comment; `None` when empty.
fn unquote(item: &str) -> Option<String> {
    let item = item.trim();
    let item = match item.chars().next() {
        Some(q @ ('"' | '\'')) => item[1..].split(q).next().unwrap_or(""),
        _ => item.split(" #").next().unwrap_or(item).trim(),
    };
    (!item.is_empty()).then(|| item.to_owned())
}

/// The sources of the draft at `draft` (its path, when it has one) with text `text`, under
/// the configuration `loaded`, plus `extra` files named on the command line.
pub fn for_draft(draft: Option<&Path>, text: &str, loaded: &Loaded, extra: &[PathBuf]) -> Resolved {
    let mut out = Resolved::default();
    let draft_dir = draft.and_then(Path::parent).map(|d| {
        if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        }
    });
    for entry in front_matter(text) {
        let base = draft_dir.unwrap_or(Path::new("."));
        out.add_pattern(base, &entry);
    }
    if let (Some(base), Some(draft)) = (loaded.base_dir(), draft) {
        if !loaded.config.sources.is_empty() {
            let abs = std::path::absolute(draft).unwrap_or_else(|_| draft.to_path_buf());
            if let Ok(relative) = abs.strip_prefix(base) {
                for pattern in loaded.config.sources.patterns_for(relative) {
                    out.add_pattern(base, pattern);
                }
            }
        }
    }
    for path in extra {
        if path.is_file() {
            out.add(path.clone());
        } else {
            let why = if path.exists() {
                "not a file"
            } else {
                "no such file"
            };
            out.problems.push(format!("{}: {why}", path.display()));
        }
    }
    out
}

/// A source's text, or why it cannot be used (`not valid UTF-8 (byte 12)`).
pub fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| {
        let s = e.to_string();
        s.split(" (os error").next().unwrap_or(&s).to_owned()
    })?;
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("binary file, not text (NUL byte at {at})"));
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))
}

/// How to name a source in messages: relative to `base` when it lies under it.
pub fn shown(path: &Path, base: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let base = std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf());
    abs.strip_prefix(&base).map_or_else(
        |_| path.display().to_string(),
        |rel| rel.display().to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn front_matter_lists_in_yaml_and_toml() {
        assert_eq!(
            front_matter(
                "---\ntitle: x\nsources: [interview-lopez.txt, \"notes/a b.txt\"]\n---\nBody"
            ),
            ["interview-lopez.txt", "notes/a b.txt"]
        );
        assert_eq!(
            front_matter("---\nsources:\n  - a.txt  # the mayor\n  - 'b.txt'\nauthor: me\n---\n"),
            ["a.txt", "b.txt"]
        );
        assert_eq!(front_matter("---\nsources: one.txt\n---\n"), ["one.txt"]);
        assert_eq!(front_matter("+++\nsources = [\"t.txt\"]\n+++\n"), ["t.txt"]);
        assert!(front_matter("sources: [a.txt]\n").is_empty());
        assert!(front_matter("---\ntitle: x\n---\nsources: [a.txt]\n").is_empty());
    }

    #[test]
    fn drafts_get_sources_from_front_matter_config_and_command_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for f in [
            "drafts/a.md",
            "drafts/lopez.txt",
            "notes/1.txt",
            "notes/2.txt",
            "notes/x/3.txt",
            "t.txt",
        ] {
            std::fs::create_dir_all(root.join(f).parent().expect("parent")).expect("mkdir");
            std::fs::write(root.join(f), "x").expect("write");
        }
        let config =
            Config::from_toml("[sources]\n\"drafts/*.md\" = [\"notes/*.txt\", \"gone.txt\"]\n")
                .expect("valid");
        let loaded = Loaded {
            config,
            path: Some(root.join(".saidso.toml")),
        };
        let draft = root.join("drafts/a.md");
        let r = for_draft(
            Some(&draft),
            "---\nsources: [lopez.txt, missing.txt]\n---\n",
            &loaded,
            &[root.join("t.txt"), root.join("notes/1.txt")],
        );
        let names: Vec<String> = r.files.iter().map(|f| shown(f, root)).collect();
        assert_eq!(
            names,
            ["drafts/lopez.txt", "notes/1.txt", "notes/2.txt", "t.txt"]
        );
        assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
        assert!(
            r.problems[0].ends_with("missing.txt: no such file"),
            "{:?}",
            r.problems
        );
        assert!(
            r.problems[1].ends_with("gone.txt: no such file"),
            "{:?}",
            r.problems
        );
        assert_eq!(expand(root, "notes/**/*.txt").len(), 3);
        assert!(expand(root, "nowhere/*.txt").is_empty());
    }

    #[test]
    fn reading_says_why_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, b"ab\xffc").expect("write");
        assert_eq!(read(&bad), Err("not valid UTF-8 (byte 2)".into()));
        std::fs::write(&bad, b"ab\0c").expect("write");
        assert_eq!(
            read(&bad),
            Err("binary file, not text (NUL byte at 2)".into())
        );
        assert_eq!(
            read(&dir.path().join("none")),
            Err("No such file or directory".into())
        );
    }
}
