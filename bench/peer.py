#!/usr/bin/env python3
"""The peer: what a fact-checker writes without claimcheck.

For each claim (a [[claim]] of claims.toml, or a sentence with a number in a Markdown
draft), pull the numbers out with a regex, scan every sentence of the corpus with
rapidfuzz.fuzz.token_set_ratio (process.extractOne, brute force: claims x sentences),
take the best sentence, and call the claim "supported" when all its numbers appear in
that sentence, "mismatch" when they do not, "no-match" when the best score is below
--min-score. Sentences and claims are lower-cased and stripped of punctuation once
(rapidfuzz.utils.default_process), not per comparison.

    peer.py --claims target/bench/claims.toml            # corpus = [corpus] paths
    peer.py --claims target/bench/claims.toml --draft target/bench/draft.md
    peer.py --claims target/bench/archive-S/claims.toml --jsonl target/bench/archive-S/claims.jsonl

Prints one JSON object: a result per claim and a summary. Needs rapidfuzz
(bench/run.sh installs it into target/bench/venv).
"""

import argparse
import json
import re
import sys
import time
import tomllib
from pathlib import Path

from rapidfuzz import fuzz, process, utils

SENT = re.compile(r"(?<=[.!?])[\"”’)]?\s+|\n+")
NUM = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(text):
    return {n.replace(",", "") for n in NUM.findall(text)}


def verdict(claim, sentence, score, min_score):
    """The peer's judgment: the best sentence scores below min_score: no-match; it has
    every number of the claim: supported; else mismatch."""
    if score < min_score:
        return "no-match"
    return "supported" if numbers(claim) <= numbers(sentence) else "mismatch"


def load_corpus(paths):
    """Every sentence (at least 20 characters) of the .txt and .md files under paths,
    and the file it is in."""
    sents, where = [], []
    for root in paths:
        files = [root] if root.is_file() else sorted(
            p for p in root.rglob("*") if p.suffix.lower() in (".txt", ".md") and p.is_file())
        for f in files:
            text = f.read_text(encoding="utf-8", errors="replace")
            for s in SENT.split(text):
                s = s.strip()
                if len(s) >= 20:
                    sents.append(s)
                    where.append(str(f))
    return sents, where


def draft_claims(path):
    """Sentences of a Markdown draft that carry a number; footnote definitions,
    headings and link targets dropped."""
    out = []
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith(("#", "[^")):
            continue
        line = re.sub(r"\[\^[^\]]+\]", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        for s in SENT.split(line):
            if NUM.search(s):
                out.append({"id": f"{path.name}:{len(out) + 1}", "text": s.strip()})
    return out


def jsonl_claims(path):
    """Claims from a JSON-lines file: one {"id", "text"} a line (bench/archive.py)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_claims(claims, search, min_score):
    """Judge each claim with search(text) -> (sentence index, score); time each one."""
    results, summary = [], {"claims": 0, "supported": 0, "mismatch": 0, "no-match": 0}
    for c in claims:
        t = time.perf_counter()
        i, score = search(c["text"])
        v = verdict(c["text"], SENTS[i], score, min_score) if i is not None else "no-match"
        ms = (time.perf_counter() - t) * 1e3
        summary["claims"] += 1
        summary[v] += 1
        results.append({"id": c["id"], "numbers": sorted(numbers(c["text"])), "verdict": v,
                        "score": round(float(score), 1), "ms": round(ms, 3),
                        "source": Path(WHERE[i]).stem if i is not None else None,
                        "file": WHERE[i] if i is not None else None,
                        "sentence": SENTS[i] if i is not None else None})
    return results, summary


SENTS, WHERE = [], []


def common_args(ap):
    ap.add_argument("--claims", type=Path, required=True, help="claims.toml ([corpus] paths and [[claim]]s)")
    ap.add_argument("--corpus", type=Path, action="append", help="corpus folder (default: [corpus] paths)")
    ap.add_argument("--draft", type=Path, help="check this Markdown draft's sentences instead of the [[claim]]s")
    ap.add_argument("--jsonl", type=Path, help="check the claims of this JSON-lines file instead")
    ap.add_argument("--min-score", type=float, default=50.0)


def setup(args):
    """Load the corpus into SENTS/WHERE; the claims to check; the seconds it took."""
    t = time.perf_counter()
    reg = tomllib.loads(args.claims.read_text(encoding="utf-8"))
    paths = args.corpus or [args.claims.parent / p for p in reg.get("corpus", {}).get("paths", ["seeds"])]
    SENTS[:], WHERE[:] = load_corpus(paths)
    if args.jsonl:
        claims = jsonl_claims(args.jsonl)
    else:
        claims = draft_claims(args.draft) if args.draft else reg.get("claim", [])
    return claims, time.perf_counter() - t


def emit(results, summary, load_s, index_s):
    summary["sentences_scanned"] = len(SENTS)
    summary["load_seconds"] = round(load_s, 3)
    summary["index_seconds"] = round(index_s, 3)
    json.dump({"results": results, "summary": summary}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    common_args(ap)
    args = ap.parse_args()
    claims, load_s = setup(args)
    t = time.perf_counter()
    choices = [utils.default_process(x) for x in SENTS]
    index_s = time.perf_counter() - t

    def search(text):
        _, score, i = process.extractOne(utils.default_process(text), choices,
                                         scorer=fuzz.token_set_ratio, processor=None)
        return i, score

    results, summary = run_claims(claims, search, args.min_score)
    emit(results, summary, load_s, index_s)


if __name__ == "__main__":
    main()
