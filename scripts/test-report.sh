#!/usr/bin/env bash
# The sourcing report as a reader sees it, in headless Chromium (scripts/report_browser_check.py):
#   1. `saidso report examples/`: three articles, speakers coloured, the council draft's orphan
#      quote marked, no console error. Always runs.
#   2. the report of 50 dev-corpus articles (PolNeAR news, through `report --jsonl`). Needs the
#      evaluation corpus beside the repository in ../shared, which is not distributed with
#      saidso: skipped with a message when it is missing.
# Screenshots go to target/report-screenshots/ (CI artifacts; not in git).
#
# Installs Debian's chromium when /usr/bin/chromium is missing (one apt-get step, as root).
#
# Environment:
#   SAIDSO_BIN   the saidso binary (default: target/debug/saidso, built if missing)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bin="${SAIDSO_BIN:-$repo/target/debug/saidso}"
out="$repo/target/report-screenshots"
shared="$repo/../shared"

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "report: Debian's chromium is missing and this is not root: apt-get install chromium" >&2
    exit 1
  fi
  echo "report: installing Debian's chromium"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends chromium >/dev/null
fi
[ -x "$bin" ] || cargo build --quiet --bin saidso

rm -rf "$out"
mkdir -p "$out"

"$bin" report examples/ -o "$out/examples.html"
python3 scripts/report_browser_check.py "$out/examples.html" --articles 3 \
  --orphan-in council-draft.md --shots "$out/examples"

dev="$shared/corpus/dev/polnear.jsonl"
if [ -f "$dev" ]; then
  head -n 50 "$dev" > "$out/dev50.jsonl"
  "$bin" report --jsonl "$out/dev50.jsonl" -o "$out/dev50.html"
  python3 scripts/report_browser_check.py "$out/dev50.html" --articles 50 --shots "$out/dev50"
else
  echo "report: 50 dev articles: skipped: $dev is not here (the evaluation corpus is not part" \
    "of the repository)"
fi
echo "report: screenshots in $out"
