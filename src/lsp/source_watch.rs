//! File watchers for the drafts' sources, registered with the client dynamically
//! (`client/registerCapability` for `workspace/didChangeWatchedFiles`) under the id
//! [`REGISTRATION_ID`], so that saving a transcript re-verifies the drafts quoting it.
//!
//! The set grows as drafts name new sources; each change replaces the registration (unregister,
//! then register the whole set) — one registration of the server's own, separate from any
//! other watcher the server or the client's extension sets up.

use super::sources::REGISTRATION_ID;
use super::state::State;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_lsp_server::ls_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, OneOf, Registration,
    RelativePattern, Unregistration, Uri,
};
use tower_lsp_server::Client;

const METHOD: &str = "workspace/didChangeWatchedFiles";
/// How long to wait for the client to accept a registration.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

/// One watcher per file: a relative pattern (its folder and its name) when the client takes
/// them, else the absolute path as a glob.
pub fn watchers(paths: &[PathBuf], relative: bool) -> Vec<FileSystemWatcher> {
    paths
        .iter()
        .filter_map(|path| {
            let glob_pattern = match (relative, path.parent(), path.file_name()) {
                (true, Some(dir), Some(name)) => GlobPattern::Relative(RelativePattern {
                    base_uri: OneOf::Right(Uri::from_file_path(dir)?),
                    pattern: glob_escape(&name.to_string_lossy()),
                }),
                _ => GlobPattern::String(glob_escape(&path.to_string_lossy())),
            };
            Some(FileSystemWatcher {
                glob_pattern,
                kind: None,
            })
        })
        .collect()
}

/// A file name as a glob matching only itself.
fn glob_escape(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '{' | '}') {
            out.push('[');
            out.push(c);
            out.push(']');
        } else {
            out.push(c);
        }
    }
    out
}

/// Asks the client to watch the sources in use, if they changed since it was last asked and
/// it lets servers register watchers. Never waits on the caller's path: the request runs in
/// its own task, with a timeout.
pub fn sync(state: &Arc<State>, client: &Client) {
    let flags = state.flags();
    if !flags.watch_files || !state.sources.watch_list_changed() {
        return;
    }
    let state = state.clone();
    let client = client.clone();
    tokio::spawn(async move {
        // One registration at a time, each of the whole current set: whichever runs last
        // registers everything known by then.
        let mut registered = state.source_watch.lock().await;
        let paths = state.sources.watched_paths();
        if *registered {
            let gone = Unregistration {
                id: REGISTRATION_ID.into(),
                method: METHOD.into(),
            };
            let undo = client.unregister_capability(vec![gone]);
            if let Ok(Err(e)) = tokio::time::timeout(CLIENT_TIMEOUT, undo).await {
                tracing::warn!("unregistering the source watchers failed: {e}");
            }
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: watchers(&paths, flags.relative_patterns),
        };
        let registration = Registration {
            id: REGISTRATION_ID.into(),
            method: METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        };
        match tokio::time::timeout(
            CLIENT_TIMEOUT,
            client.register_capability(vec![registration]),
        )
        .await
        {
            Ok(Ok(())) => {
                *registered = true;
                tracing::info!("watching {} source file(s)", paths.len());
            }
            Ok(Err(e)) => tracing::warn!("registering the source watchers failed: {e}"),
            Err(_) => tracing::warn!("registering the source watchers: no answer in time"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn watchers_name_one_file_each() {
        let paths = [PathBuf::from("/news/notes/lopez [1].txt")];
        let relative = serde_json::to_value(watchers(&paths, true)).unwrap();
        assert_eq!(
            relative,
            json!([{"globPattern": {"baseUri": "file:///news/notes", "pattern": "lopez [[]1[]].txt"}}])
        );
        let plain = serde_json::to_value(watchers(&paths, false)).unwrap();
        assert_eq!(
            plain,
            json!([{"globPattern": "/news/notes/lopez [[]1[]].txt"}])
        );
    }
}
