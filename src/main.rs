//! The `saidso` binary: everything happens in [`saidso::cli`].

fn main() -> std::process::ExitCode {
    saidso::cli::main()
}
