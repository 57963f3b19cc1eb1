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
# --- The sourcing report in headless Chromium (issue 11): the examples always, 50 dev-corpus
# articles when ../shared is there; screenshots in target/report-screenshots. About 20 s once
# Debian's chromium is installed (one apt-get step, skipped when /usr/bin/chromium exists).
echo "== sourcing report in headless Chromium"
SAIDSO_BIN="$(pwd)/target/debug/saidso" scripts/test-report.sh
# ---
if [ -x scripts/test-editors.sh ]; then
  echo "== editor clients"
  SAIDSO_BIN="$(pwd)/target/debug/saidso" scripts/test-editors.sh
fi
echo "saidso: all test suites passed"
