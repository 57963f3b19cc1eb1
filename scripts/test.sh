#!/usr/bin/env bash
# The project's whole test suite, as CI runs it (.ci/run calls this): formatting, lints, the Rust
# tests (engine, CLI, language server), then the editor clients against the real server.
# Installs what it needs on a fresh Debian machine (rustfmt and clippy components, and for the
# editors Node packages from the lock file and Neovim).
set -euo pipefail
cd "$(dirname "$0")/.."
rustup component add rustfmt clippy >/dev/null 2>&1 || true
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --locked
echo "== cargo bench --no-run"
cargo bench --locked --no-run >/dev/null
if [ -x scripts/test-editors.sh ]; then
  echo "== editor clients"
  SAIDSO_BIN="$(pwd)/target/debug/saidso" scripts/test-editors.sh
fi
echo "saidso: all test suites passed"
