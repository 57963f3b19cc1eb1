//! The command line: `saidso check`, `saidso extract`, `saidso lsp`.

use std::process::ExitCode;

pub fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        Some("lsp") => crate::lsp::run(),
        _ => ExitCode::from(2),
    }
}
