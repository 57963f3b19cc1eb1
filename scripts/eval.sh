#!/usr/bin/env bash
# Measures saidso against the gold corpus in ../shared (when it is there): quote detection and
# speaker attribution, per source, with the project's scorer. Prints the scorer's full JSON to
# eval-score.json beside the summary. The repository's own tests never need ../shared.
#
#   scripts/eval.sh            # all of ../shared/corpus (dev and seed)
#   scripts/eval.sh FILE.jsonl # one gold file
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
if [ ! -f "$shared/eval/score.py" ]; then
  echo "eval: skipped: $shared/eval/score.py is not here (the corpus is not part of the repository)"
  exit 0
fi
out=${EVAL_OUT:-"$root/target/eval"}
mkdir -p "$out"
if [ $# -gt 0 ]; then
  cat "$@" > "$out/gold.jsonl"
else
  cat "$shared"/corpus/dev/*.jsonl "$shared"/corpus/seed/*.jsonl > "$out/gold.jsonl"
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
"$root/target/release/saidso" extract "$out/gold.jsonl" > "$out/pred.jsonl"
python3 "$shared/eval/score.py" "$out/gold.jsonl" "$out/pred.jsonl" > "$out/score.json"
python3 - "$out/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
rows = [("all", s)] + sorted((s.get("per_source") or {}).items())
print(f"{'source':8} {'quotes':>6} {'det P':>6} {'det R':>6} {'det F1':>6} {'exact':>6} {'speaker':>7} {'e2e F1':>6}")
for name, r in rows:
    d, a, e = r["quote_detection"], r["speaker_attribution"], r["end_to_end_attribution"]
    acc = a["accuracy"] if a["accuracy"] is not None else float("nan")
    print(f"{name:8} {r['gold_quotes']:6} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f} "
          f"{r['quote_exact']['f1']:6.3f} {acc:7.3f} {e['f1']:6.3f}")
print("speaker accuracy by origin:", ", ".join(
    f"{k} {v['accuracy']:.3f} (n={v['n']})" for k, v in (s.get("speaker_accuracy_by_origin") or {}).items()))
PY
echo "full scores: $out/score.json"
