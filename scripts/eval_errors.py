#!/usr/bin/env python3
"""List saidso's attribution errors against a gold corpus, for error analysis by hand.

  python3 scripts/eval_errors.py GOLD.jsonl PRED.jsonl [--method M] [--origin O] [--limit N]

Uses the scorer's own matching (../shared/eval/score.py) so that what is listed is exactly what
the scorer counts wrong. Prints a tally by (our method, gold origin) and a sample with context.
"""
import argparse
import collections
import json
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "shared", "eval"))
import score  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--method")
    ap.add_argument("--origin")
    ap.add_argument("--limit", type=int, default=25)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    gold = {d["id"]: d for d in score.load_jsonl(a.gold)}
    preds = {d["id"]: d for d in score.load_jsonl(a.pred)}
    tally = collections.Counter()
    errors = []
    for gid, g in gold.items():
        text = g["text"]
        req = [q for q in g["quotes"] if not q.get("optional")]
        pq = preds.get(gid, {}).get("quotes", [])
        for gi, pi in score._greedy(req, pq, score._half_longer):
            gq, p = req[gi], pq[pi]
            if gq.get("speaker_origin") in score.SKIP_SPEAKER_ORIGINS:
                continue
            spans = [text[s:e] for s, e in gq.get("speaker_spans", [])]
            ok = score.speaker_correct(p.get("speaker"), gq["speaker"], spans)
            key = (p.get("method"), gq.get("speaker_origin"))
            tally[key, ok] += 1
            if not ok:
                errors.append((key, gid, gq, p, text))
    print("method, gold origin -> wrong / total")
    keys = sorted({k for k, _ in tally}, key=lambda k: -tally[k, False])
    for k in keys:
        print(f"  {str(k):45} {tally[k, False]:5} / {tally[k, False] + tally[k, True]}")
    sel = [e for e in errors if (not a.method or str(e[0][0]) == a.method) and (not a.origin or e[0][1] == a.origin)]
    random.Random(a.seed).shuffle(sel)
    for key, gid, gq, p, text in sel[: a.limit]:
        s, e = gq["start"], gq["end"]
        ctx = text[max(0, s - 220): s] + "[[" + text[s:e][:160] + "]]" + text[e: e + 120]
        print("\n---", gid, key)
        print("gold:", gq["speaker"], "| pred:", p.get("speaker"), "| cue:", p.get("cue"), "| mention:", p.get("mention"))
        print(ctx.replace("\n", " ¶ "))


if __name__ == "__main__":
    main()
