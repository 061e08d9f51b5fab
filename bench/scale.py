#!/usr/bin/env python3
"""How claimcheck and the rapidfuzz peer scale with the corpus: one run of each on
corpora of several sizes (same generator, same seed, 300 claims), wall time and
peak RSS from /usr/bin/time -v. Run after bench/run.sh (it needs the venv and
target/bench/bin/claimcheck), from the repository root:

    python3 bench/scale.py [--docs 100 300 600 1000] [--skip-peer-above N]

Writes target/bench/scale.md. Single runs, not medians: a shape, not a benchmark.
"""

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

B = Path("target/bench")


def run(argv, ok):
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v"] + argv, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    code = re.search(r"Exit status: (\d+)", r.stderr)
    if r.returncode not in ok:
        sys.exit(f"{argv} exited {r.returncode}:\n{r.stderr[-2000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    return wall, int(rss.group(1)) / 1024 if rss else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, nargs="+", default=[100, 300, 600, 1000])
    ap.add_argument("--skip-peer-above", type=int, default=10**9)
    args = ap.parse_args()
    cc = str(B / "bin" / "claimcheck")
    py = str(B / "venv" / "bin" / "python")
    rows = []
    for n in args.docs:
        out = B / "scale" / f"docs-{n}"
        subprocess.run([sys.executable, "bench/gen_corpus.py", "--docs", str(n), "--out", str(out)],
                       check=True, stdout=subprocess.DEVNULL)
        man = json.loads((out / "manifest.json").read_text())
        claims = str(out / "claims.toml")
        c_wall, c_rss = run([cc, "check", "--claims", claims, "--format", "json"], (0, 1))
        if n <= args.skip_peer_above:
            p_wall, p_rss = run([py, "bench/peer.py", "--claims", claims], (0,))
        else:
            p_wall = p_rss = float("nan")
        row = (n, man["bytes"] / 1e6, man["claims"], c_wall, c_rss, p_wall, p_rss)
        print("docs %d  %.2f MB  %d claims  claimcheck %.2f s %.0f MB  peer %.2f s %.0f MB" % row, flush=True)
        rows.append(row)
    lines = ["| documents | MB | claims | claimcheck check s | claimcheck peak RSS MB | "
             "rapidfuzz peer s | peer peak RSS MB | claimcheck / peer time |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for n, mb, k, cw, cr, pw, pr in rows:
        lines.append(f"| {n} | {mb:.2f} | {k} | {cw:.2f} | {cr:.0f} | {pw:.2f} | {pr:.0f} | {cw / pw:.2f}× |")
    (B / "scale.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
