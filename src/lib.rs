//! saidso — who said so? Attribution checking for news writing.
//!
//! Three layers, each knowing only what it must:
//! - [`analysis`]: the engine. Text in, an [`analysis::Analysis`] out; byte ranges, no I/O,
//!   never fails.
//! - [`lsp`]: the language server, the only layer that knows the protocol.
//! - [`cli`]: `saidso check`, `saidso extract` and friends: files in, reports out.
//! - [`config`]: `.saidso.toml` and inline suppression, shared by the CLI and the server.
//! - [`verify`]: quotes checked against their sources (transcripts, notes); pure like the
//!   engine, used by `saidso verify`, `saidso check` and the server.
//! - [`sourcing`]: the sourcing report (who is quoted, how much, named or not), its tables and
//!   its HTML, JSON and CSV renderings, shared by `saidso report` and the server.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod analysis;
pub mod cli;
pub mod config;
pub mod lsp;
pub mod sourcing;
pub mod verify;
