//! The server's only door into the engine and the shared configuration: which [`DocKind`] a
//! document is, an [`analyze`] that cannot take the server down, the inline `saidso-disable`
//! comments, and the `.saidso.toml` that governs a file — the same answers `saidso check` gives.
//!
//! The engine promises never to panic, but it is young and changing under us; a panic in one
//! keystroke's analysis must cost that keystroke's results, not the writer's session.

use crate::analysis::{self, Analysis, DocKind, Incremental, Options};
use crate::config::{self, suppress, Loaded};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

/// The kind of text the engine should read: Markdown for the `markdown` language id or a
/// `.md`/`.markdown` file, plain text for everything else (`plaintext`, `text`, …).
pub fn doc_kind(language_id: Option<&str>, path: &str) -> DocKind {
    if language_id.is_some_and(|id| id.eq_ignore_ascii_case("markdown")) {
        return DocKind::Markdown;
    }
    if has_extension(path, &["md", "markdown"]) {
        return DocKind::Markdown;
    }
    DocKind::Text
}

/// Whether `path` (a file path or a URI) ends in one of `exts`, ignoring case.
pub fn has_extension(path: &str, exts: &[&str]) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => exts.iter().any(|e| ext.eq_ignore_ascii_case(e)),
        _ => false,
    }
}

/// Runs the engine with the house style of `options`, reusing the work of the document's
/// previous versions kept in `memo` when there is one; a panic inside it is logged and yields
/// an empty analysis (and a fresh memo: a half-updated one could serve wrong work).
pub fn analyze(
    text: &str,
    kind: DocKind,
    options: &Options,
    memo: Option<&mut Incremental>,
) -> Analysis {
    let mut memo = memo;
    let run = catch_unwind(AssertUnwindSafe(|| match memo.as_deref_mut() {
        Some(memo) => memo.analyze(text, kind, options),
        None => analysis::analyze_with(text, kind, options),
    }));
    match run {
        Ok(analysis) => analysis,
        Err(panic) => {
            if let Some(memo) = memo {
                *memo = Incremental::new();
            }
            tracing::error!(
                "the engine panicked on a {}-byte document: {}",
                text.len(),
                panic_message(&panic)
            );
            Analysis {
                kind,
                ..Analysis::default()
            }
        }
    }
}

/// Analyses a document under a house style (`[style]` of its `.saidso.toml`) and drops the
/// findings its `saidso-disable` comments switch off. Returns the analysis and the directives
/// that name rules that do not exist.
pub fn analyze_document(
    text: &str,
    kind: DocKind,
    options: &Options,
    memo: Option<&mut Incremental>,
) -> (Analysis, Vec<suppress::UnknownId>) {
    let mut analysis = analyze(text, kind, options, memo);
    match catch_unwind(AssertUnwindSafe(|| suppress::parse(text, kind))) {
        Ok(suppressions) => {
            analysis.findings.retain(|f| !suppressions.suppresses(f));
            (analysis, suppressions.unknown)
        }
        Err(panic) => {
            tracing::error!(
                "reading saidso comments panicked: {}",
                panic_message(&panic)
            );
            (analysis, Vec::new())
        }
    }
}

/// The `.saidso.toml` governing a file (the defaults for a document with no file), and the
/// error that made it unusable, if any (then the defaults apply).
pub fn project_config(file: Option<&Path>) -> (Arc<Loaded>, Option<String>) {
    let Some(dir) = file.and_then(Path::parent) else {
        return (Arc::default(), None);
    };
    match config::discover(dir) {
        Ok(loaded) => (Arc::new(loaded), None),
        Err(e) => {
            tracing::warn!("{e}");
            (Arc::default(), Some(e.to_string()))
        }
    }
}

/// The message of a caught panic, for the log.
pub fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> &str {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s
    } else {
        "(no message)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_language_id_and_extension() {
        assert_eq!(
            doc_kind(Some("markdown"), "file:///a.txt"),
            DocKind::Markdown
        );
        assert_eq!(
            doc_kind(Some("plaintext"), "file:///a.md"),
            DocKind::Markdown
        );
        assert_eq!(doc_kind(None, "/x/notes.MARKDOWN"), DocKind::Markdown);
        assert_eq!(doc_kind(Some("text"), "file:///a.txt"), DocKind::Text);
        assert_eq!(doc_kind(None, "file:///.md"), DocKind::Text);
    }
}
