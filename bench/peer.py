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

Prints one JSON object: a result per claim and a summary. Needs rapidfuzz
(bench/run.sh installs it into target/bench/venv).
"""

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path

from rapidfuzz import fuzz, process, utils

SENT = re.compile(r"(?<=[.!?])[\"”’)]?\s+|\n+")
NUM = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(text):
    return {n.replace(",", "") for n in NUM.findall(text)}


def load_corpus(paths):
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
                    where.append(f.stem)
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=Path, required=True, help="claims.toml ([corpus] paths and [[claim]]s)")
    ap.add_argument("--corpus", type=Path, action="append", help="corpus folder (default: [corpus] paths)")
    ap.add_argument("--draft", type=Path, help="check this Markdown draft's sentences instead of the [[claim]]s")
    ap.add_argument("--min-score", type=float, default=50.0)
    args = ap.parse_args()

    reg = tomllib.loads(args.claims.read_text(encoding="utf-8"))
    paths = args.corpus or [args.claims.parent / p for p in reg.get("corpus", {}).get("paths", ["seeds"])]
    sents, where = load_corpus(paths)
    choices = [utils.default_process(s) for s in sents]
    claims = draft_claims(args.draft) if args.draft else reg.get("claim", [])

    results, summary = [], {"claims": 0, "supported": 0, "mismatch": 0, "no-match": 0}
    for c in claims:
        nums = numbers(c["text"])
        best = process.extractOne(utils.default_process(c["text"]), choices,
                                  scorer=fuzz.token_set_ratio, processor=None)
        _, score, i = best
        if score < args.min_score:
            verdict = "no-match"
        elif nums <= numbers(sents[i]):
            verdict = "supported"
        else:
            verdict = "mismatch"
        summary["claims"] += 1
        summary[verdict] += 1
        results.append({"id": c["id"], "numbers": sorted(nums), "verdict": verdict,
                        "score": round(score, 1), "source": where[i], "sentence": sents[i]})
    summary["sentences_scanned"] = len(sents)
    json.dump({"results": results, "summary": summary}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
