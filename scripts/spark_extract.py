#!/usr/bin/env python3
"""Runs `saidso extract` over a JSON-lines archive under Spark, the way docs/archive.md tells a
newsroom to: PySpark in local mode, one `saidso extract --jobs 1` per partition through
`RDD.pipe`. Then it checks the result against a plain `saidso extract` of the same archive
(byte for byte, line for line, in order) and feeds it to `saidso report --jsonl`.

    pip install pyspark          # and a Java runtime (Debian: openjdk-17-jre-headless)
    python3 scripts/spark_extract.py                       # the dev corpus in ../shared
    python3 scripts/spark_extract.py archive.jsonl ... --partitions 8 --saidso target/release/saidso

Writes, under --out (default target/spark): quotes/ (Spark's output, part files),
quotes.jsonl (those parts in order), plain.jsonl (plain extract), report.html and
report.json (the sourcing report of quotes.jsonl). Exits 0 when the two extracts are equal,
1 when they differ, 2 when something could not run; without an archive (no ../shared, no
arguments) it says so and exits 0, since the corpus is not part of the repository.
"""

import argparse
import glob
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def say(msg):
    print(f"spark: {msg}", flush=True)


def shown(path):
    """A path relative to the current folder when it is under it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("archives", nargs="*", help="JSON-lines archives (default: ../shared/corpus/dev/*.jsonl)")
    ap.add_argument("--saidso", default=os.path.join(ROOT, "target", "debug", "saidso"))
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "spark"))
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--cores", type=int, default=2, help="Spark's local[N]")
    args = ap.parse_args()

    archives = args.archives or sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "dev", "*.jsonl")))
    if not archives:
        say("skipped: no archive given and ../shared/corpus/dev is not here (the evaluation corpus "
            "is not part of the repository)")
        return 0
    saidso = os.path.abspath(args.saidso)
    if not os.access(saidso, os.X_OK):
        say(f"no saidso binary at {saidso} (cargo build, or --saidso PATH)")
        return 2
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        say("PySpark is not installed: pip install pyspark (it needs a Java runtime too)")
        return 2

    out = os.path.abspath(args.out)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    # One input file for both runs, so "the same archive" is literally the same bytes.
    archive = os.path.join(out, "archive.jsonl")
    with open(archive, "wb") as dst:
        for a in archives:
            with open(a, "rb") as src:
                data = src.read()
            dst.write(data if data.endswith(b"\n") or not data else data + b"\n")
    docs_count = sum(1 for line in open(archive, "rb") if line.strip())
    size = os.path.getsize(archive)
    say(f"{docs_count} documents, {size / 1e6:.1f} MB, from {', '.join(shown(os.path.abspath(a)) for a in archives)}")

    t0 = time.time()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .appName("saidso-extract")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    t_start = time.time() - t0
    try:
        t1 = time.time()
        sc = spark.sparkContext
        lines = sc.textFile("file://" + archive, minPartitions=args.partitions)
        # Exit status 1 means "some lines were bad, each has its error line": let it through,
        # as docs/archive.md says; fail the task only on 2.
        command = f"sh -c '{shlex.quote(saidso)} extract --jobs 1; s=$?; [ $s -le 1 ]'"
        quotes = lines.pipe(command)
        quotes.saveAsTextFile("file://" + os.path.join(out, "quotes"))
        partitions = quotes.getNumPartitions()
        t_pipe = time.time() - t1
    finally:
        spark.stop()

    # The part files, in partition order, are the output in input order.
    merged = os.path.join(out, "quotes.jsonl")
    with open(merged, "wb") as dst:
        for part in sorted(glob.glob(os.path.join(out, "quotes", "part-*"))):
            with open(part, "rb") as src:
                shutil.copyfileobj(src, dst)

    t2 = time.time()
    plain = os.path.join(out, "plain.jsonl")
    with open(plain, "wb") as dst:
        status = subprocess.run([saidso, "extract", archive], stdout=dst).returncode
    t_plain = time.time() - t2
    if status > 1:
        say(f"plain saidso extract failed with status {status}")
        return 2

    a = open(merged, "rb").read().splitlines()
    b = open(plain, "rb").read().splitlines()
    if a != b:
        first = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        say(f"DIFFERENT: Spark wrote {len(a)} lines, plain extract {len(b)}; first difference at "
            f"line {first + 1}")
        return 1
    say(f"Spark's extract equals the plain extract: {len(a)} lines, byte for byte, in order "
        f"({partitions} partitions)")

    t3 = time.time()
    subprocess.run([saidso, "report", "--jsonl", merged, "-o", os.path.join(out, "report.html")], check=True)
    with open(os.path.join(out, "report.json"), "wb") as dst:
        subprocess.run([saidso, "report", "--jsonl", merged, "--format", "json"], stdout=dst, check=True)
    t_report = time.time() - t3
    totals = json.load(open(os.path.join(out, "report.json")))["totals"]
    kinds = totals["quotes_by_kind"]
    say(f"report: {totals['articles']} articles, {totals['quotes']} quotes "
        f"({kinds['person'] + kinds['organization']} named, {kinds['anonymous']} anonymous, "
        f"{totals['unattributed']} with no speaker) -> {shown(os.path.join(out, 'report.html'))}")
    say(f"times: Spark start {t_start:.1f} s, textFile|pipe|save {t_pipe:.1f} s, "
        f"plain extract {t_plain:.1f} s, report {t_report:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
