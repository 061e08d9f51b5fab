#!/usr/bin/env python3
"""Run claimcheck and its peers on an archive corpus (bench/archive.py) and score them
against the planted claims. Called by `bash bench/run.sh --scale S|M|L` from the
repository root; writes target/bench/archive-SCALE/results.md and prints it.

Each tool runs once under /usr/bin/time -v (peak RSS):

- claimcheck: `lint --timings --format json draft.md`; its stage table (stderr) gives
  the indexing time (corpus + index + provenance) and the per-claim latency (the
  `judge` stage's p50 and p95 per draft sentence).
- peers (target/bench/venv): peer.py (rapidfuzz, brute force), peer_index.py
  --engine bm25s (top 100, rapidfuzz rerank) and --engine tantivy; each reports its
  load and index seconds and each claim's milliseconds.

Scoring, per planted claim: top-1 is right when the tool's best passage is the planted
one (in the expected file, or a reprint of it: same text); the verdict is right when it
is the expected one (peers: supported, mismatch = misquoted, no-match = unattributed).
Top-1 counts the claims that have a passage (all but `absent`), verdict counts all.
The last line compares per-claim p50 latency with the best peer (highest verdict
accuracy, then top-1, then speed), counted only where our accuracy is at least the
peer's on both.
"""

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

VERDICT = {"supported": "supported", "mismatch": "misquoted", "no-match": "unattributed"}


def timed(argv, cwd=None):
    """(exit code, stdout, stderr without time's report, wall s, peak RSS MB)."""
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v"] + argv, capture_output=True, text=True, cwd=cwd)
    wall = time.perf_counter() - t
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    err = r.stderr.split("\tCommand being timed:")[0]
    return r.returncode, r.stdout, err, wall, int(m.group(1)) / 1024 if m else None


def norm(s):
    return " ".join((s or "").split()).strip(" .").lower()


def same_passage(text, want):
    a, b = norm(text), norm(want)
    return bool(a) and (a in b or b in a)


def pct(v, p):
    v = sorted(v)
    return v[max(0, min(len(v), -(-len(v) * p // 100)) - 1)] if v else float("nan")


def parse_timings(err):
    stages = {}
    for line in err.splitlines():
        m = re.match(r"timings: +(\S+) +([\d.]+) +(\S+) +(\S+) *(.*)", line)
        if m and m.group(1) != "stage":
            stages[m.group(1)] = {"ms": float(m.group(2)), "rss": m.group(3), "peak": m.group(4),
                                  "items": m.group(5).strip()}
    return stages


def score(claims, picks):
    """picks: claim id -> (verdict, best file, best passage text). Accuracy by kind."""
    out = {"top1": [0, 0], "verdict": [0, 0], "kinds": {}}
    for c in claims:
        v, f, text = picks.get(c["id"], (None, None, None))
        k = out["kinds"].setdefault(c["kind"], {"top1": [0, 0], "verdict": [0, 0]})
        ok_v = v == c["expected"]
        for d in (out, k):
            d["verdict"][0] += ok_v
            d["verdict"][1] += 1
        if c["passage"]:
            ok_t = f is not None and same_passage(text, c["passage"])
            for d in (out, k):
                d["top1"][0] += ok_t
                d["top1"][1] += 1
    return out


def frac(x):
    return x[0] / x[1] if x[1] else float("nan")


def ours(cc, base, claims, index=None, name="claimcheck lint"):
    """`lint` without the persisted index, or with `index` (a folder) warm."""
    flags = ["--index", str(index)] if index else ["--no-index"]
    code, out, err, wall, rss = timed([cc, "lint", "--claims", "claims.toml", "--format", "json",
                                       "--timings", "draft.md"] + flags, cwd=base)
    if code not in (0, 1):
        sys.exit(f"claimcheck exited {code}:\n{err[-3000:]}")
    st = parse_timings(err)
    (base / ("claimcheck-warm.json" if index else "claimcheck.json")).write_text(out)
    results = json.loads(out)["results"]
    picks = {}
    for c in claims:
        hits = [r for r in results if r["line"] == c["line"]
                and r["column"] <= c["column"] + len(c["figure"]) - 1
                and r["end_column"] > c["column"]]
        if hits:
            r = hits[0]
            ev = r.get("evidence") or []
            picks[c["id"]] = (r["verdict"], ev[0]["file"] if ev else None, ev[0]["text"] if ev else None)
    # the fixed cost: everything but judging and rendering (stages such as
    # provenance.shingles run between the top-level ones)
    index_s = (st["total"]["ms"] - sum(st[k]["ms"] for k in ("judge", "render") if k in st)) / 1e3
    m = re.search(r"p50=([\d.]+)ms p95=([\d.]+)ms", st.get("judge", {}).get("items", ""))
    p50, p95 = (float(m.group(1)), float(m.group(2))) if m else (float("nan"),) * 2
    return {"tool": name, "wall": wall, "rss": rss, "index_s": index_s,
            "p50": p50, "p95": p95, "picks": picks, "stages": st}


def build_index(cc, base, index, name):
    """`claimcheck index` into `index`: (row fields, its stdout)."""
    code, out, err, wall, rss = timed([cc, "index", "--claims", "claims.toml", "--timings",
                                       "--index", str(index)], cwd=base)
    if code != 0:
        sys.exit(f"claimcheck index exited {code}:\n{err[-3000:]}")
    return {"tool": name, "wall": wall, "rss": rss, "index_s": wall, "stages": parse_timings(err),
            "out": out.strip()}


def persisted(cc, base, claims):
    """The persisted index: cold build, warm lint, a one-file change re-indexed."""
    import shutil
    index = (base / "index").resolve()
    if index.exists():
        shutil.rmtree(index)
    cold = build_index(cc, base, index, "claimcheck index (cold)")
    warm = ours(cc, base, claims, index=index, name="claimcheck lint (warm index)")
    # one file changed, re-indexed, then put back (and re-indexed again)
    docs = sorted((base / "corpus").rglob("*.txt"))
    victim = docs[len(docs) // 2]
    original = victim.read_bytes()
    victim.write_bytes(original + b"\nA later note put the figure at 1,234 in 2024.\n")
    one = build_index(cc, base, index, "claimcheck index (one file changed)")
    victim.write_bytes(original)
    build_index(cc, base, index, "restore")
    size = sum(f.stat().st_size for f in index.rglob("*") if f.is_file()) / 1e6
    return cold, warm, one, size


def peer(name, argv, claims):
    code, out, err, wall, rss = timed(argv)
    if code != 0:
        sys.exit(f"{name} exited {code}:\n{err[-3000:]}")
    d = json.loads(out)
    ms = [r["ms"] for r in d["results"]]
    picks = {r["id"]: (VERDICT[r["verdict"]], r["file"], r["sentence"]) for r in d["results"]}
    s = d["summary"]
    return {"tool": name, "wall": wall, "rss": rss, "index_s": s["load_seconds"] + s["index_seconds"],
            "p50": pct(ms, 50), "p95": pct(ms, 95), "picks": picks}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", required=True)
    ap.add_argument("--python", default="target/bench/venv/bin/python")
    ap.add_argument("--bin", default="target/bench/bin/claimcheck")
    ap.add_argument("--skip", action="append", default=[], help="a peer to leave out: rapidfuzz, bm25s, tantivy")
    args = ap.parse_args()
    base = Path(f"target/bench/archive-{args.scale}")
    man = json.loads((base / "manifest.json").read_text())
    claims = man["claim_list"]
    mb = man["bytes"] / 1e6
    cc = str(Path(args.bin).resolve())

    common = ["--claims", str(base / "claims.toml"), "--jsonl", str(base / "claims.jsonl")]
    runs = [("claimcheck", lambda: ours(cc, base, claims))]
    peers = [("rapidfuzz", "rapidfuzz (brute force)", [args.python, "bench/peer.py"] + common),
             ("bm25s", "bm25s top-100 + rapidfuzz", [args.python, "bench/peer_index.py", "--engine", "bm25s"] + common),
             ("tantivy", "tantivy-py top-1", [args.python, "bench/peer_index.py", "--engine", "tantivy"] + common)]
    for key, name, argv in peers:
        if key not in args.skip:
            runs.append((key, lambda name=name, argv=argv: peer(name, argv, claims)))
    rows = []
    cc_rows = []
    for key, fn in runs:
        print(f"-- {key}", flush=True)
        r = fn()
        r["score"] = score(claims, r["picks"])
        print(f"   {r['wall']:.1f} s, top-1 {frac(r['score']['top1']):.3f}, verdict {frac(r['score']['verdict']):.3f}",
              flush=True)
        rows.append(r)
        if key == "claimcheck":
            print("-- claimcheck with the persisted index", flush=True)
            cold, warm, one, size = persisted(cc, base, claims)
            warm["score"] = score(claims, warm["picks"])
            same = (base / "claimcheck.json").read_bytes() == (base / "claimcheck-warm.json").read_bytes()
            print(f"   index {cold['wall']:.1f} s cold, {one['wall']:.1f} s after one change, "
                  f"{size:.1f} MB; warm lint {warm['wall']:.1f} s; output identical: {same}", flush=True)
            cc_rows = [cold, warm, one, size, same]

    lines = [f"# archive {args.scale}: {man['docs']} documents, {mb:.1f} MB, {len(claims)} planted claims", "",
             f"Median document {man['median_doc_bytes'] / 1e3:.1f} kB, largest {man['largest_doc_bytes'] / 1e3:.0f} kB; "
             f"seed {man['seed']}. One run each, this machine, load average {__import__('os').getloadavg()[0]:.2f}.", "",
             "| tool | wall s | index s | index MB/s | ms/claim p50 | ms/claim p95 | peak RSS MB | top-1 | verdict |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows[:1] + cc_rows[:3] + rows[1:]:
        s = r.get("score")
        if s is None:
            lines.append(f"| {r['tool']} | {r['wall']:.1f} | {r['index_s']:.1f} | {mb / r['index_s']:.2f} | "
                         f"– | – | {r['rss']:.0f} | – | – |")
            continue
        lines.append(f"| {r['tool']} | {r['wall']:.1f} | {r['index_s']:.1f} | {mb / r['index_s']:.2f} | "
                     f"{r['p50']:.2f} | {r['p95']:.2f} | {r['rss']:.0f} | {frac(s['top1']):.3f} | "
                     f"{frac(s['verdict']):.3f} |")
    if cc_rows:
        cold, warm, one, size, same = cc_rows
        lines += ["", f"Persisted index: {size:.1f} MB on disk; `{cold['out']}` (cold); after one file "
                      f"changed: `{one['out']}`. Warm `lint` output byte-identical to `--no-index`: "
                      f"{'yes' if same else 'NO'}. For the index rows, index s is the whole command; "
                      f"for lint rows, the whole run but judging and rendering (`--timings`)."]
    kinds = list(rows[0]["score"]["kinds"])
    lines += ["", "Accuracy by kind of planted claim (top-1 / verdict):", "",
              "| kind | n | " + " | ".join(r["tool"] for r in rows) + " |",
              "| --- | ---: |" + " --- |" * len(rows)]
    for k in kinds:
        n = rows[0]["score"]["kinds"][k]["verdict"][1]
        cells = []
        for r in rows:
            ks = r["score"]["kinds"][k]
            cells.append(f"{frac(ks['top1']):.2f} / {frac(ks['verdict']):.2f}" if ks["top1"][1]
                         else f"– / {frac(ks['verdict']):.2f}")
        lines.append(f"| {k} | {n} | " + " | ".join(cells) + " |")
    for title, r in [("`lint --no-index`", rows[0])] + [(f"`{x['tool']}`", x) for x in cc_rows[:3]]:
        st = r["stages"]
        lines += ["", f"claimcheck stages, {title} (`--timings`):", "",
                  "| stage | wall ms | RSS MB | peak MB | items |", "| --- | ---: | ---: | ---: | --- |"]
        for k, v in st.items():
            lines.append(f"| {k} | {v['ms']:.1f} | {v['rss']} | {v['peak']} | {v['items']} |")

    ours_r, peer_rows = rows[0], rows[1:]
    line = "ratio_vs_best_peer=na top1_ours=%.3f top1_peer=na verdict_ours=%.3f verdict_peer=na" % (
        frac(ours_r["score"]["top1"]), frac(ours_r["score"]["verdict"]))
    if peer_rows:
        best = max(peer_rows, key=lambda r: (frac(r["score"]["verdict"]), frac(r["score"]["top1"]), -r["p50"]))
        t_o, v_o = frac(ours_r["score"]["top1"]), frac(ours_r["score"]["verdict"])
        t_p, v_p = frac(best["score"]["top1"]), frac(best["score"]["verdict"])
        counts = t_o >= t_p and v_o >= v_p
        ratio = f"{best['p50'] / ours_r['p50']:.2f}" if counts else "na"
        lines += ["", f"Best peer: {best['tool']} (p50 {best['p50']:.2f} ms/claim against our "
                      f"{ours_r['p50']:.2f}); the ratio {'counts' if counts else 'does not count: the peer is more accurate'}."]
        line = (f"ratio_vs_best_peer={ratio} top1_ours={t_o:.3f} top1_peer={t_p:.3f} "
                f"verdict_ours={v_o:.3f} verdict_peer={v_p:.3f}")
    lines += ["", line]
    (base / "results.md").write_text("\n".join(lines) + "\n")
    misses = {}
    for r in rows:
        misses[r["tool"]] = [
            {"id": c["id"], "kind": c["kind"], "claim": c["text"], "expected": c["expected"],
             "passage": c["passage"], "verdict": v, "best": text}
            for c in claims
            for v, _, text in [r["picks"].get(c["id"], (None, None, None))]
            if v != c["expected"] or (c["passage"] and not same_passage(text, c["passage"]))]
    (base / "misses.json").write_text(json.dumps(misses, indent=1, ensure_ascii=False) + "\n")
    (base / "scores.json").write_text(json.dumps([{k: v for k, v in r.items() if k != "picks"} for r in rows],
                                                 indent=1) + "\n")
    print()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
