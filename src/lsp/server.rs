//! The `LanguageServer` implementation: protocol bookkeeping and dispatch to `handlers`.
//!
//! Rules this file keeps, and why:
//! - notifications that change state (`didOpen`, `didChange`, `didClose`) apply their change
//!   synchronously before the first `.await`, because tower-lsp runs handlers concurrently and a
//!   request sent after an edit must see it;
//! - request handlers run on a snapshot in `spawn_blocking` under `catch_unwind`: a slow
//!   analysis does not stall the reader, a panic becomes a JSON-RPC error for that request;
//! - pushed diagnostics are debounced per document and carry the version they were computed
//!   for; a result for a version that is no longer current is dropped;
//! - the server never awaits a request to the client on a handler's path without a timeout
//!   (a client that is slow to answer must not block its own requests).

use super::config::Settings;
use super::engine;
use super::handlers::{self, stats, Ctx};
use super::position::Encoding;
use super::pull;
use super::source_watch;
use super::state::{blocking, ClientFlags, State};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// How long to wait for the client to answer a request of ours.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Clone)]
pub struct Backend {
    client: Client,
    state: Arc<State>,
}

impl Backend {
    pub fn new(client: Client, shutdown_requested: Arc<AtomicBool>) -> Self {
        Backend {
            client,
            state: Arc::new(State::new(shutdown_requested)),
        }
    }

    /// Runs a handler on the current snapshot of `uri`, off the async threads and guarded
    /// against panics. `Ok(None)` when the document is not open.
    async fn on_snapshot<T, F>(&self, name: &'static str, uri: &Uri, f: F) -> Result<Option<T>>
    where
        T: Send + 'static,
        F: FnOnce(&Ctx) -> T + Send + 'static,
    {
        let state = self.state.clone();
        let uri = uri.clone();
        blocking(name, move || {
            let Some(snap) = state.docs.snapshot(&uri) else {
                tracing::debug!("{name}: {} is not open", uri.as_str());
                return None;
            };
            let settings = state.settings();
            let ctx = Ctx {
                snap: &snap,
                enc: state.flags().encoding,
                settings: &settings,
            };
            Some(f(&ctx))
        })
        .await
    }

    /// Schedules pushed diagnostics for `uri` at `version` after the debounce delay.
    fn schedule_diagnostics(&self, uri: Uri, version: i32) {
        if self.state.flags().pull_diagnostics {
            return;
        }
        let state = self.state.clone();
        let client = self.client.clone();
        let delay = state.settings().debounce;
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            // A newer edit has scheduled its own run; this one would only be stale.
            if state.docs.version(&uri) != Some(version) {
                return;
            }
            let worker = state.clone();
            let job_uri = uri.clone();
            let computed = blocking("diagnostics", move || {
                let snap = worker.docs.snapshot(&job_uri)?;
                let settings = worker.settings();
                let ctx = Ctx {
                    snap: &snap,
                    enc: worker.flags().encoding,
                    settings: &settings,
                };
                Some((snap.version, handlers::diagnostics::diagnostics(&ctx)))
            })
            .await;
            let Ok(Some((Some(computed_for), diags))) = computed else {
                return;
            };
            let _guard = state.publish.lock().await;
            if computed_for != version || state.docs.version(&uri) != Some(version) {
                tracing::debug!("dropping diagnostics of stale version {computed_for}");
                return;
            }
            client.publish_diagnostics(uri, diags, Some(version)).await;
            source_watch::sync(&state, &client);
        });
    }

    /// After a settings change: re-analyse what is open and tell the client to refresh.
    async fn settings_changed(&self) {
        self.state.docs.invalidate_all();
        for uri in self.state.docs.uris() {
            if let Some(version) = self.state.docs.version(&uri) {
                self.schedule_diagnostics(uri, version);
            }
        }
        let flags = self.state.flags();
        let client = self.client.clone();
        // Refresh requests wait for the client's answer: never on this handler's path.
        tokio::spawn(async move {
            if flags.inlay_refresh {
                let _ = tokio::time::timeout(CLIENT_TIMEOUT, client.inlay_hint_refresh()).await;
            }
            // `enable` switches the sourcing lens on and off.
            if flags.code_lens_refresh {
                let _ = tokio::time::timeout(CLIENT_TIMEOUT, client.code_lens_refresh()).await;
            }
            if flags.diagnostic_refresh && flags.pull_diagnostics {
                let _ = tokio::time::timeout(CLIENT_TIMEOUT, client.workspace_diagnostic_refresh())
                    .await;
            }
        });
    }

    fn apply_settings(&self, value: &serde_json::Value) {
        let (settings, problems) = Settings::from_json(value);
        for p in problems {
            tracing::warn!("settings: {p}");
        }
        self.state.set_settings(settings);
    }

    /// Asks the client for the `saidso` section (for clients that send empty change
    /// notifications and expect to be asked).
    fn pull_settings(&self) {
        let this = self.clone();
        let client = self.client.clone();
        tokio::spawn(async move {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some("saidso".into()),
            };
            match tokio::time::timeout(CLIENT_TIMEOUT, client.configuration(vec![item])).await {
                Ok(Ok(values)) => {
                    if let Some(value) = values.into_iter().next() {
                        this.apply_settings(&value);
                        this.settings_changed().await;
                    }
                }
                Ok(Err(e)) => tracing::warn!("workspace/configuration failed: {e}"),
                Err(_) => tracing::warn!("workspace/configuration: no answer in time"),
            }
        });
    }

    /// Transcripts or notes that drafts are verified against changed on disk (the server
    /// watches them: `source_watch`): forget them and verify the open drafts again, unless
    /// `refreshed` says that is already under way.
    async fn sources_changed(&self, changes: &[FileEvent], refreshed: bool) {
        let paths: Vec<PathBuf> = changes
            .iter()
            .filter_map(|c| c.uri.to_file_path().map(|p| p.into_owned()))
            .collect();
        if self.state.sources.changed(&paths) && !refreshed {
            tracing::info!("a source changed: verifying the drafts again");
            self.state.disk.clear();
            self.state.bump_generation();
            self.settings_changed().await;
        }
    }

    /// `saidso/documentStats`.
    pub async fn document_stats(
        &self,
        params: stats::DocumentStatsParams,
    ) -> Result<stats::DocumentStats> {
        let uri = params.text_document.uri;
        let found = self
            .on_snapshot("documentStats", &uri, |ctx| stats::stats(ctx.analysis()))
            .await?;
        Ok(found.unwrap_or_default())
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        inlay_hint_provider: Some(OneOf::Left(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: handlers::execute_command::COMMANDS
                .iter()
                .map(|c| c.to_string())
                .collect(),
            ..ExecuteCommandOptions::default()
        }),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("saidso".into()),
            inter_file_dependencies: false,
            workspace_diagnostics: true,
            ..DiagnosticOptions::default()
        })),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

fn folder_paths(folders: &[WorkspaceFolder]) -> Vec<PathBuf> {
    folders
        .iter()
        .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
        .collect()
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let caps = &params.capabilities;
        let encoding = Encoding::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let workspace = caps.workspace.as_ref();
        let flags = ClientFlags {
            encoding,
            pull_diagnostics: caps
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            configuration: workspace.and_then(|w| w.configuration) == Some(true),
            inlay_refresh: workspace
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|i| i.refresh_support)
                == Some(true),
            code_lens_refresh: workspace
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|c| c.refresh_support)
                == Some(true),
            diagnostic_refresh: workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                == Some(true),
            document_changes: workspace
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                == Some(true),
            watch_files: workspace
                .and_then(|w| w.did_change_watched_files)
                .and_then(|d| d.dynamic_registration)
                == Some(true),
            relative_patterns: workspace
                .and_then(|w| w.did_change_watched_files)
                .and_then(|d| d.relative_pattern_support)
                == Some(true),
        };
        if !self.state.set_flags(flags) {
            tracing::warn!("initialize received twice; keeping the first client capabilities");
        }
        if let Some(options) = &params.initialization_options {
            self.apply_settings(options);
        }
        let mut roots = params
            .workspace_folders
            .as_deref()
            .map(folder_paths)
            .unwrap_or_default();
        #[allow(deprecated)] // root_uri is all that older clients send.
        if roots.is_empty() {
            if let Some(path) = params.root_uri.as_ref().and_then(|u| u.to_file_path()) {
                roots.push(path.into_owned());
            }
        }
        self.state.update_roots(|r| *r = roots);
        tracing::info!(
            "initialized: {encoding:?} positions, {} diagnostics",
            if flags.pull_diagnostics {
                "pulled"
            } else {
                "pushed"
            }
        );
        Ok(InitializeResult {
            capabilities: capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "saidso".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.shutdown_requested.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let kind = engine::doc_kind(Some(&doc.language_id), doc.uri.as_str());
        self.state
            .docs
            .open(doc.uri.clone(), kind, doc.version, &doc.text);
        self.schedule_diagnostics(doc.uri, doc.version);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let enc = self.state.flags().encoding;
        match self
            .state
            .docs
            .change(&uri, version, &params.content_changes, enc)
        {
            Ok(()) => self.schedule_diagnostics(uri, version),
            Err(e) => tracing::warn!("ignored: {e}"),
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if !self.state.docs.close(&uri) {
            tracing::warn!(
                "ignored close of a document that is not open: {}",
                uri.as_str()
            );
            return;
        }
        let _guard = self.state.publish.lock().await;
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if Settings::is_present(&params.settings) {
            self.apply_settings(&params.settings);
            self.settings_changed().await;
        } else if self.state.flags().configuration {
            self.pull_settings();
        } else {
            tracing::debug!("didChangeConfiguration without saidso settings: ignored");
        }
    }

    /// Editors send this for the files they watch for us (the extensions watch
    /// `**/.saidso.toml`): a changed project configuration changes every document's diagnostics.
    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_changed = params.changes.iter().any(|c| {
            c.uri
                .path()
                .as_str()
                .ends_with(crate::config::CONFIG_FILE_NAME)
        });
        if config_changed {
            tracing::info!("{} changed: re-analysing", crate::config::CONFIG_FILE_NAME);
            self.state.disk.clear();
            self.state.bump_generation();
            self.settings_changed().await;
        }
        self.sources_changed(&params.changes, config_changed).await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let removed = folder_paths(&params.event.removed);
        let added = folder_paths(&params.event.added);
        self.state.update_roots(|roots| {
            roots.retain(|r| !removed.contains(r));
            roots.extend(added);
        });
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let pos = p.position;
        Ok(self
            .on_snapshot("hover", &p.text_document.uri, move |ctx| {
                handlers::hover::hover(ctx, pos)
            })
            .await?
            .flatten())
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let pos = p.position;
        Ok(self
            .on_snapshot("definition", &p.text_document.uri, move |ctx| {
                handlers::navigation::definition(ctx, pos)
            })
            .await?
            .flatten()
            .map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let (pos, decl) = (p.position, params.context.include_declaration);
        self.on_snapshot("references", &p.text_document.uri, move |ctx| {
            handlers::navigation::references(ctx, pos, decl)
        })
        .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        let pos = p.position;
        self.on_snapshot("documentHighlight", &p.text_document.uri, move |ctx| {
            handlers::navigation::highlights(ctx, pos)
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        Ok(self
            .on_snapshot("documentSymbol", &params.text_document.uri, |ctx| {
                handlers::symbols::document_symbols(ctx)
            })
            .await?
            .map(DocumentSymbolResponse::Nested))
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let state = self.state.clone();
        let symbols = blocking("workspace/symbol", move || {
            pull::workspace_symbols(&state, &params.query)
        })
        .await?;
        Ok(Some(WorkspaceSymbolResponse::Flat(symbols)))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let range = params.range;
        self.on_snapshot("inlayHint", &params.text_document.uri, move |ctx| {
            handlers::inlay::inlay_hints(ctx, range)
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let range = params.range;
        let versioned = self.state.flags().document_changes;
        self.on_snapshot("codeAction", &params.text_document.uri, move |ctx| {
            handlers::code_action::code_actions(ctx, range, versioned)
        })
        .await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.on_snapshot("codeLens", &params.text_document.uri, |ctx| {
            handlers::code_lens::code_lenses(ctx)
        })
        .await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        use handlers::execute_command::{self as command, Which};
        let request =
            command::parse(&params).map_err(tower_lsp_server::jsonrpc::Error::invalid_params)?;
        let state = self.state.clone();
        let uri = request.uri.clone();
        let which = request.which;
        // The open document, or the article on disk when it is not open.
        let answer = blocking("executeCommand", move || {
            let (snap, _) = state.snapshot_anywhere(&uri)?;
            let settings = state.settings();
            let ctx = Ctx {
                snap: &snap,
                enc: state.flags().encoding,
                settings: &settings,
            };
            let article = handlers::article_of(&ctx);
            Some(match which {
                Which::SpeakerTable => {
                    let table = command::speaker_table(&ctx, &article);
                    let text = table.text.clone();
                    (serde_json::to_value(table), Some(text))
                }
                Which::SourcingReport => (
                    serde_json::to_value(command::sourcing_report(&article)),
                    None,
                ),
            })
        })
        .await?;
        let Some((value, text)) = answer else {
            return Err(tower_lsp_server::jsonrpc::Error::invalid_params(format!(
                "{}: {} is neither open nor a Markdown or text file on disk",
                params.command,
                request.uri.as_str()
            )));
        };
        if let (true, Some(text)) = (request.server_shows, text) {
            // A notification: nothing to wait for.
            self.client.show_message(MessageType::INFO, text).await;
        }
        value.map(Some).map_err(|e| {
            tower_lsp_server::jsonrpc::Error::invalid_params(format!("cannot serialize: {e}"))
        })
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let state = self.state.clone();
        let report = blocking("textDocument/diagnostic", move || {
            pull::document_report(
                &state,
                &params.text_document.uri,
                params.previous_result_id.as_deref(),
            )
        })
        .await?;
        source_watch::sync(&self.state, &self.client);
        Ok(DocumentDiagnosticReportResult::Report(report))
    }

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let state = self.state.clone();
        let items = blocking("workspace/diagnostic", move || {
            pull::workspace_report(&state, &params.previous_result_ids)
        })
        .await?;
        Ok(WorkspaceDiagnosticReportResult::Report(
            WorkspaceDiagnosticReport { items },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;
    use tower_lsp_server::LspService;

    #[tokio::test]
    async fn a_panicking_handler_is_an_error_for_that_request_only() {
        let (service, _socket) =
            LspService::new(|client| Backend::new(client, Arc::new(AtomicBool::new(false))));
        let backend = service.inner();
        let uri = Uri::from_str("file:///tmp/panic.txt").unwrap();
        backend
            .did_open(DidOpenTextDocumentParams {
                text_document: TextDocumentItem::new(
                    uri.clone(),
                    "plaintext".into(),
                    1,
                    "“Hi,” Putin said.".into(),
                ),
            })
            .await;
        let failed: Result<Option<()>> = backend
            .on_snapshot("test", &uri, |_| panic!("handler bug"))
            .await;
        let error = failed.unwrap_err();
        assert_eq!(
            error.code,
            tower_lsp_server::jsonrpc::ErrorCode::InternalError
        );
        assert!(error.message.contains("handler bug"), "{}", error.message);
        // The next request on the same document is served as usual.
        let still = backend
            .on_snapshot("test", &uri, |ctx| ctx.analysis().quotes.len())
            .await
            .unwrap();
        assert_eq!(still, Some(1));
    }
}
