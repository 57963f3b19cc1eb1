//! What `saidso check` reads: command-line paths expanded into files, and their text.
//!
//! A run never stops at a bad path. Files that cannot be read, are not UTF-8, or sit behind a
//! dangling link become [`Failure`]s (reported, exit status 2) and the rest are still checked.
//! Symlink loops are skipped with a notice: a loop is a property of the tree, not of a file the
//! user asked for, and walkdir's loop detection keeps the walk finite.

use crate::analysis::DocKind;
use std::io::Read;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Extensions a directory walk picks up when no `[files] include` says otherwise.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// One document to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input, with the name to report it under and its kind.
    Stdin {
        name: String,
        kind: DocKind,
    },
    File {
        path: PathBuf,
        kind: DocKind,
    },
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::Stdin { name, .. } => name.clone(),
            Input::File { path, .. } => path.display().to_string(),
        }
    }

    pub fn kind(&self) -> DocKind {
        match self {
            Input::Stdin { kind, .. } | Input::File { kind, .. } => *kind,
        }
    }
}

/// A path that could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub path: String,
    /// Line and column in the file, for errors that have a place (configuration errors).
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl std::fmt::Display for Failure {
    /// `path: message`, or `path:line:col: message` like a compiler.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Markdown for `.md`/`.markdown`, plain text for anything else.
pub fn kind_of(path: &Path) -> DocKind {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown") => {
            DocKind::Markdown
        }
        _ => DocKind::Text,
    }
}

pub fn has_checked_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Expands the command-line paths. `-` is standard input; a directory is walked recursively
/// (hidden entries skipped, links followed) and `accept` decides which walked files count;
/// any other path is a file, checked whatever its extension. Notices (skipped loops) go to
/// `notices`, unusable paths to `failures`.
pub fn collect(
    paths: &[PathBuf],
    stdin: (&str, DocKind),
    accept: &mut dyn FnMut(&Path) -> bool,
    failures: &mut Vec<Failure>,
    notices: &mut Vec<String>,
) -> Vec<Input> {
    let mut out = Vec::new();
    let mut stdin_taken = false;
    for path in paths {
        if path.as_os_str() == "-" {
            // Standard input can be read once; a second `-` would silently be empty.
            if !stdin_taken {
                out.push(Input::Stdin {
                    name: stdin.0.to_string(),
                    kind: stdin.1,
                });
                stdin_taken = true;
            }
        } else if path.is_dir() {
            walk(path, accept, &mut out, failures, notices);
        } else {
            // Not checked for existence here: reading reports the error with the real cause.
            out.push(Input::File {
                path: path.clone(),
                kind: kind_of(path),
            });
        }
    }
    out
}

fn walk(
    root: &Path,
    accept: &mut dyn FnMut(&Path) -> bool,
    out: &mut Vec<Input>,
    failures: &mut Vec<Failure>,
    notices: &mut Vec<String>,
) {
    let entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        match entry {
            Ok(e) => {
                let path = e.path();
                if e.file_type().is_dir() {
                    continue;
                }
                if !accept(path) {
                    continue;
                }
                if !e.file_type().is_file() {
                    // A FIFO or device named like a draft: reading it could block forever.
                    failures.push(Failure {
                        at: None,
                        path: path.display().to_string(),
                        message: "not a regular file".into(),
                    });
                    continue;
                }
                out.push(Input::File {
                    path: path.to_path_buf(),
                    kind: kind_of(path),
                });
            }
            Err(err) => {
                let path = err.path().map(Path::to_path_buf);
                if let Some(ancestor) = err.loop_ancestor() {
                    notices.push(format!(
                        "{}: symlink loop (back to {}), skipped",
                        path.as_deref().unwrap_or(root).display(),
                        ancestor.display()
                    ));
                    continue;
                }
                let Some(path) = path else {
                    failures.push(Failure {
                        at: None,
                        path: root.display().to_string(),
                        message: err.to_string(),
                    });
                    continue;
                };
                // A dangling link or an unreadable entry: an error when it would have been
                // checked (or may hold files that would), silence for other files.
                let is_dir = path.symlink_metadata().is_ok_and(|m| m.is_dir());
                if is_dir || accept(&path) {
                    let message = err.io_error().map_or_else(|| err.to_string(), io_message);
                    failures.push(Failure {
                        at: None,
                        path: path.display().to_string(),
                        message,
                    });
                }
            }
        }
    }
}

/// Reads a document as UTF-8, or says why it cannot be checked.
pub fn read(input: &Input) -> Result<String, Failure> {
    let fail = |message: String| Failure {
        at: None,
        path: input.display(),
        message,
    };
    let bytes = match input {
        Input::Stdin { .. } => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| fail(e.to_string()))?;
            buf
        }
        Input::File { path, .. } => {
            if path.is_dir() {
                return Err(fail("is a directory".into()));
            }
            std::fs::read(path).map_err(|e| fail(io_message(&e)))?
        }
    };
    // A NUL byte never occurs in prose: this is an image, an archive or a word processor's
    // file, and analysing it would only produce noise (git decides the same way).
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(fail(format!("binary file, not text (NUL byte at {at})")));
    }
    String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not valid UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// An I/O error without Rust's "(os error 2)" suffix, which means nothing to a writer.
fn io_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_extensions() {
        assert_eq!(kind_of(Path::new("a.md")), DocKind::Markdown);
        assert_eq!(kind_of(Path::new("a.MARKDOWN")), DocKind::Markdown);
        assert_eq!(kind_of(Path::new("a.txt")), DocKind::Text);
        assert_eq!(kind_of(Path::new("README")), DocKind::Text);
        assert!(has_checked_extension(Path::new("x/y.Md")));
        assert!(!has_checked_extension(Path::new("x/y.rs")));
    }

    #[test]
    fn walk_is_sorted_skips_hidden_and_survives_loops_and_dangling_links() {
        let root = tempfile::tempdir().expect("tempdir");
        let r = root.path();
        std::fs::create_dir_all(r.join("sub/.git")).expect("mkdir");
        std::fs::write(r.join("b.md"), "x").expect("write");
        std::fs::write(r.join("a.txt"), "x").expect("write");
        std::fs::write(r.join("c.rs"), "x").expect("write");
        std::fs::write(r.join("sub/.git/h.md"), "x").expect("write");
        std::fs::write(r.join("sub/d.markdown"), "x").expect("write");
        std::os::unix::fs::symlink(r, r.join("sub/loop")).expect("symlink");
        std::os::unix::fs::symlink(r.join("nowhere.md"), r.join("dangling.md")).expect("symlink");
        std::os::unix::fs::symlink(r.join("nowhere.rs"), r.join("dangling.rs")).expect("symlink");
        let (mut failures, mut notices) = (vec![], vec![]);
        let inputs = collect(
            &[r.to_path_buf()],
            ("<stdin>", DocKind::Text),
            &mut |p| has_checked_extension(p),
            &mut failures,
            &mut notices,
        );
        let names: Vec<_> = inputs
            .iter()
            .map(|i| match i {
                Input::File { path, .. } => path
                    .strip_prefix(r)
                    .expect("under root")
                    .display()
                    .to_string(),
                Input::Stdin { .. } => "-".into(),
            })
            .collect();
        assert_eq!(names, vec!["a.txt", "b.md", "sub/d.markdown"]);
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(failures[0].path.ends_with("dangling.md"));
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(notices[0].contains("loop"));
    }

    #[test]
    fn read_reports_utf8_position_and_directories() {
        let root = tempfile::tempdir().expect("tempdir");
        let bad = root.path().join("bad.txt");
        std::fs::write(&bad, b"abc\xffdef").expect("write");
        let input = Input::File {
            path: bad,
            kind: DocKind::Text,
        };
        let e = read(&input).expect_err("not UTF-8");
        assert_eq!(e.message, "not valid UTF-8 (byte 3)");
        let dir = Input::File {
            path: root.path().to_path_buf(),
            kind: DocKind::Text,
        };
        assert_eq!(read(&dir).expect_err("dir").message, "is a directory");
        let binary = root.path().join("photo.md");
        std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0").expect("write");
        let input = Input::File {
            path: binary,
            kind: DocKind::Markdown,
        };
        assert_eq!(
            read(&input).expect_err("binary").message,
            "binary file, not text (NUL byte at 8)"
        );
    }
}
