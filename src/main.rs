//! The `saidso` binary: everything happens in [`saidso::cli`].

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

fn main() -> std::process::ExitCode {
    saidso::cli::main()
}
