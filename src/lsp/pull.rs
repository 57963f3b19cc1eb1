//! Requests over many documents: pulled diagnostics (`textDocument/diagnostic`,
//! `workspace/diagnostic`) and `workspace/symbol`. Synchronous functions over the [`State`],
//! run by the server on the blocking pool.
//!
//! A `resultId` names "this text under these settings": the version for an open document, a hash
//! of the text for a file on disk, plus the settings generation. A client that sends back the
//! id of what it already shows gets `unchanged` instead of the full list.

use super::documents::Snapshot;
use super::handlers::{self, diagnostics, Ctx};
use super::state::State;
use super::workspace;
use tower_lsp_server::ls_types::{
    DocumentDiagnosticReport, FullDocumentDiagnosticReport, PreviousResultId,
    RelatedFullDocumentDiagnosticReport, RelatedUnchangedDocumentDiagnosticReport,
    SymbolInformation, UnchangedDocumentDiagnosticReport, Uri, WorkspaceDocumentDiagnosticReport,
    WorkspaceFullDocumentDiagnosticReport, WorkspaceUnchangedDocumentDiagnosticReport,
};

/// Most `workspace/symbol` results returned.
const SYMBOL_LIMIT: usize = 1_000;

fn result_id(state: &State, snap: &Snapshot, hash: u64) -> String {
    diagnostics::result_id(snap.version, state.generation(), hash)
}

fn items(state: &State, snap: &Snapshot) -> Vec<tower_lsp_server::ls_types::Diagnostic> {
    let settings = state.settings();
    let ctx = Ctx {
        snap,
        enc: state.flags().encoding,
        settings: &settings,
    };
    diagnostics::diagnostics(&ctx)
}

/// `textDocument/diagnostic`: an open document, or an article on disk.
pub fn document_report(
    state: &State,
    uri: &Uri,
    previous: Option<&str>,
) -> DocumentDiagnosticReport {
    let Some((snap, hash)) = state.snapshot_anywhere(uri) else {
        return DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport::default());
    };
    let result_id = result_id(state, &snap, hash);
    if previous == Some(result_id.as_str()) {
        return DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
            related_documents: None,
            unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
        });
    }
    DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
        related_documents: None,
        full_document_diagnostic_report: FullDocumentDiagnosticReport {
            result_id: Some(result_id),
            items: items(state, &snap),
        },
    })
}

/// The open documents, then the workspace's articles that are not open.
fn all_uris(state: &State) -> Vec<Uri> {
    let mut uris = state.docs.uris();
    uris.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    for path in workspace::files(&state.roots()) {
        if let Some(uri) = Uri::from_file_path(&path) {
            if !uris.contains(&uri) {
                uris.push(uri);
            }
        }
    }
    uris
}

/// `workspace/diagnostic`: every open document and every article of the workspace folders.
pub fn workspace_report(
    state: &State,
    previous: &[PreviousResultId],
) -> Vec<WorkspaceDocumentDiagnosticReport> {
    let mut out = Vec::new();
    for uri in all_uris(state) {
        let Some((snap, hash)) = state.snapshot_anywhere(&uri) else {
            continue;
        };
        let result_id = result_id(state, &snap, hash);
        let version = snap.version.map(i64::from);
        if previous
            .iter()
            .any(|p| p.uri == uri && p.value == result_id)
        {
            out.push(WorkspaceDocumentDiagnosticReport::Unchanged(
                WorkspaceUnchangedDocumentDiagnosticReport {
                    uri,
                    version,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id,
                    },
                },
            ));
            continue;
        }
        let items = items(state, &snap);
        out.push(WorkspaceDocumentDiagnosticReport::Full(
            WorkspaceFullDocumentDiagnosticReport {
                uri,
                version,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: Some(result_id),
                    items,
                },
            },
        ));
    }
    out
}

/// `workspace/symbol`: speakers (and, for a non-empty query, quotes and claims) of the open
/// documents and the workspace's articles.
pub fn workspace_symbols(state: &State, query: &str) -> Vec<SymbolInformation> {
    let mut out = Vec::new();
    if !state.settings().enable {
        return out;
    }
    let enc = state.flags().encoding;
    for uri in all_uris(state) {
        if out.len() >= SYMBOL_LIMIT {
            break;
        }
        if let Some((snap, _)) = state.snapshot_anywhere(&uri) {
            handlers::symbols::workspace_symbols(&snap, enc, query, SYMBOL_LIMIT, &mut out);
        }
    }
    out
}
