//! The language server (`saidso lsp`). Being written on its own branch; this entry point is
//! what the command line calls.

/// Serves the Language Server Protocol on standard input and output until `exit`.
pub fn run() -> std::process::ExitCode {
    eprintln!("saidso lsp: not built yet");
    std::process::ExitCode::from(2)
}
