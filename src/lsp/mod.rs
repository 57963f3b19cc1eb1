//! The language server (`saidso lsp`): the only layer of saidso that knows the protocol.
//!
//! - [`server`]: the `LanguageServer` implementation, protocol bookkeeping and dispatch;
//! - [`state`]: what the server holds between messages, and the guarded way work is run;
//! - [`pull`]: requests over many documents (pulled diagnostics, workspace symbols);
//! - [`handlers`]: one module per feature, pure functions from an analysed snapshot to LSP
//!   values;
//! - [`documents`]: open documents as ropes, edits applied synchronously, analyses per version;
//! - [`position`]: every byte ↔ `Position` conversion (UTF-8 or UTF-16);
//! - [`config`]: settings from `initializationOptions` and `didChangeConfiguration`;
//! - [`workspace`]: the articles of the workspace folders that are not open;
//! - [`sources`]: the transcripts and notes drafts are verified against;
//! - [`source_watch`]: the file watchers the server registers for them;
//! - [`transport`]: a guard on stdio that answers malformed messages instead of dying;
//! - [`engine`]: the guarded call into [`crate::analysis`].
//!
//! Logs go to stderr (stdout carries the protocol); `SAIDSO_LOG` sets the filter
//! (`SAIDSO_LOG=debug`), default `info`.

pub mod config;
pub mod documents;
pub mod engine;
pub mod handlers;
pub mod position;
pub mod pull;
pub mod server;
pub mod source_watch;
pub mod sources;
pub mod state;
pub mod transport;
pub mod workspace;

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::BufReader;
use tower_lsp_server::{LspService, Server};

/// Bytes buffered between the stdio guard and the server, each way.
const PIPE_BUFFER: usize = 1 << 16;

/// Serves the Language Server Protocol on standard input and output until `exit` (or until
/// stdin closes). Exits 0 after a `shutdown` request, 1 otherwise, as the protocol asks.
pub fn run() -> ExitCode {
    init_logging();
    limit_malloc_arenas();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            tracing::error!("cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let shutdown_requested = Arc::new(AtomicBool::new(false));
    let flag = shutdown_requested.clone();
    runtime.block_on(async move {
        let (service, socket) = LspService::build(|client| server::Backend::new(client, flag))
            .custom_method(handlers::stats::METHOD, server::Backend::document_stats)
            .finish();
        // stdin → guard → server → guard → stdout (see `transport` for why).
        let (errors_tx, errors_rx) = tokio::sync::mpsc::unbounded_channel();
        let (server_in, guard_in) = tokio::io::duplex(PIPE_BUFFER);
        let (server_out, guard_out) = tokio::io::duplex(PIPE_BUFFER);
        tokio::spawn(transport::pump_input(
            BufReader::new(tokio::io::stdin()),
            guard_in,
            errors_tx,
        ));
        let output = tokio::spawn(transport::pump_output(
            BufReader::new(guard_out),
            tokio::io::stdout(),
            errors_rx,
        ));
        Server::new(server_in, server_out, socket)
            .serve(service)
            .await;
        // The server's end of the output pipe is dropped now; let the last frames out.
        let _ = tokio::time::timeout(Duration::from_secs(1), output).await;
    });
    // Tokio reads stdin on a blocking thread that stays parked in `read` while the client keeps
    // stdin open; waiting for it would hang the exit. Leave it behind.
    runtime.shutdown_timeout(Duration::from_millis(50));
    tracing::info!("exiting");
    if shutdown_requested.load(Ordering::SeqCst) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("SAIDSO_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}

/// One glibc malloc arena for the whole server. glibc gives each thread that contends for the
/// allocator an arena of its own (up to 8 per core), and each keeps the memory its thread
/// freed: an analysis of a 1 MB document on one blocking thread, the next on another, left
/// the server at ~120 MB resident. With one arena it stays under 50 MB (measured with
/// `scripts/lsp_latency.py`); the server's threads rarely allocate at the same moment.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    const M_ARENA_MAX: i32 = -8;
    extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    // SAFETY: `mallopt` is glibc's documented tuning call, made before any thread of ours
    // starts; it only changes allocator parameters and reports failure as 0.
    let _ = unsafe { mallopt(M_ARENA_MAX, 1) };
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
