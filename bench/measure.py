#!/usr/bin/env python3
"""Time claimcheck, the rapidfuzz peer and the grep baselines on target/bench/, and
write target/bench/results.md. Called by bench/run.sh (run from the repository root).

Each command is first run once on its own: its exit status is checked (claimcheck:
0 or 1 are results, 2 is an error; the others: 0) and its output kept in
target/bench/out/ for the verdict counts. Peak memory comes from one more run under
`/usr/bin/time -v`. Timing is hyperfine (median of --runs runs after a warm-up), or,
without hyperfine, time.perf_counter over the same number of runs (median).
"""

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

B = Path("target/bench")


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), capture_output=True, text=True, **kw)


def version(cmd):
    try:
        r = sh(cmd)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except Exception:
        return "?"


def peak_rss_mb(argv):
    if not Path("/usr/bin/time").exists():
        return None
    r = subprocess.run(["/usr/bin/time", "-v"] + argv, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    return int(m.group(1)) / 1024 if m else None


def time_runs(name, argv, runs, warmup):
    """Median seconds: hyperfine if present, else perf_counter."""
    if shutil.which("hyperfine"):
        out = B / "out" / f"{name}.hyperfine.json"
        cmd = ["hyperfine", "-N", "-i", "--style", "basic", "--warmup", str(warmup),
               "--runs", str(runs), "--export-json", str(out), shlex.join(argv)]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            sys.exit(f"hyperfine failed for {name}:\n{r.stdout}")
        res = json.loads(out.read_text())["results"][0]
        return res["median"], res["stddev"] or 0.0, len(res["times"]), "hyperfine", res["user"] + res["system"]
    for _ in range(warmup):
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times, cpu = [], []
    for _ in range(runs):
        c = os.times()
        t = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
        d = os.times()
        cpu.append(d.children_user - c.children_user + d.children_system - c.children_system)
    return statistics.median(times), statistics.pstdev(times), runs, "perf_counter", statistics.mean(cpu)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10, help="timed runs of a command under 2 s (after 1 warm-up)")
    ap.add_argument("--slow-runs", type=int, default=5, help="timed runs of a slower command (no warm-up)")
    ap.add_argument("--python", default=str(B / "venv" / "bin" / "python"))
    args = ap.parse_args()

    (B / "out").mkdir(exist_ok=True)
    man = json.loads((B / "manifest.json").read_text())
    mb = man["bytes"] / 1e6
    n_claims = man["claims"]
    n_draft = man["draft_figure_sentences"]
    cc = str(B / "bin" / "claimcheck")   # run.sh's copy of target/release/claimcheck
    claims = str(B / "claims.toml")
    draft = str(B / "draft.md")

    lint_ok = sh([cc, "lint", "--help"]).returncode == 0
    benches = [
        # name, tool, job, argv, items, ok exit codes, runs, memory?
        ("claimcheck-check", "claimcheck check", "claims.toml",
         [cc, "check", "--claims", claims, "--format", "json"], n_claims, (0, 1), True),
    ]
    if lint_ok:
        benches.append(("claimcheck-lint", "claimcheck lint", "draft.md",
                        [cc, "lint", "--claims", claims, "--format", "json", draft],
                        n_draft, (0, 1), True))
    benches += [
        ("peer-claims", "rapidfuzz peer", "claims.toml",
         [args.python, "bench/peer.py", "--claims", claims], n_claims, (0,), True),
        ("peer-draft", "rapidfuzz peer", "draft.md",
         [args.python, "bench/peer.py", "--claims", claims, "--draft", draft], n_draft, (0,), True),
        ("grep", "grep -rF per figure", "claims.toml",
         ["bash", "bench/grep_figures.sh", "grep", str(B / "figures.txt"), str(B / "corpus")],
         n_claims, (0,), False),
    ]
    if shutil.which("rg"):
        benches.append(("rg", "rg -F per figure", "claims.toml",
                        ["bash", "bench/grep_figures.sh", "rg", str(B / "figures.txt"), str(B / "corpus")],
                        n_claims, (0,), False))
    notes = []
    if not lint_ok:
        notes.append("`claimcheck lint` is not in this build: only `check` is measured.")
    if not shutil.which("rg"):
        notes.append("ripgrep (`rg`) is not installed: its baseline row is skipped.")

    rows, verdicts = [], []
    for name, tool, job, argv, items, ok, mem in benches:
        print(f"-- {name}: {shlex.join(argv)}", flush=True)
        t0 = time.perf_counter()
        r = subprocess.run(argv, capture_output=True, text=True)
        first = time.perf_counter() - t0
        fast = first < 2.0
        runs = args.runs if fast else args.slow_runs
        (B / "out" / f"{name}.out").write_text(r.stdout)
        if r.returncode not in ok:
            sys.exit(f"{name} exited {r.returncode}:\n{r.stderr[-3000:]}")
        if name.startswith("claimcheck"):
            s = json.loads(r.stdout)["summary"]
            verdicts.append((tool, job, s.get("figures"), ", ".join(
                f"{k} {v}" for k, v in s.items() if k not in ("figures", "suppressed"))))
        elif name.startswith("peer"):
            s = json.loads(r.stdout)["summary"]
            verdicts.append((tool, job, s["claims"], ", ".join(
                f"{k} {s[k]}" for k in ("supported", "mismatch", "no-match"))
                + f" ({s['sentences_scanned']} corpus sentences scanned per claim)"))
        rss = peak_rss_mb(argv) if mem else None
        med, sd, n, how, cpu = time_runs(name, argv, runs, warmup=1 if fast else 0)
        print(f"   median {med:.3f} s ± {sd:.3f} ({n} runs, {how}), peak RSS "
              f"{'%.0f MB' % rss if rss else '-'}", flush=True)
        rows.append((tool, job, med, sd, n, cpu, items, rss))

    cpu = "?"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except Exception:
        pass
    today = datetime.date.today().isoformat()
    lines = [
        f"# claimcheck benchmark results ({today})", "",
        f"Corpus: {man['docs']} documents ({man['md_docs']} .md), {mb:.2f} MB, generated by "
        f"`bench/gen_corpus.py --docs {man['docs']}` (seed {man['seed']}); "
        f"{n_claims} claims in claims.toml; draft.md: {man['draft_sentences']} sentences, "
        f"{n_draft} with figures.", "",
        f"Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}. "
        f"{version(['rustc', '--version'])}; Python {platform.python_version()}, rapidfuzz "
        f"{version([args.python, '-c', 'import rapidfuzz; print(rapidfuzz.__version__)'])}; "
        f"{version(['hyperfine', '--version'])}; {version(['grep', '--version'])}; "
        f"{version(['rg', '--version']) if shutil.which('rg') else 'no rg'}.", "",
        f"claimcheck built from {(B / 'bin' / 'REVISION').read_text().strip() if (B / 'bin' / 'REVISION').exists() else '?'} "
        f"(`git describe --always --dirty`; `-dirty`: uncommitted changes in the tree), "
        f"timed as {cc}, a copy of target/release/claimcheck made right after the build. "
        f"Load average when done: {os.getloadavg()[0]:.2f}.", "",
        "| tool | input | median s | ± sd | runs | CPU s | claims/s | MB/s of corpus | peak RSS MB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for tool, job, med, sd, n, cpu, items, rss in rows:
        lines.append(f"| {tool} | {job} | {med:.3f} | {sd:.3f} | {n} | {cpu:.3f} | {items / med:,.1f} | "
                     f"{mb / med:.2f} | {'%.0f' % rss if rss else '–'} |")
    lines += ["",
              f"claims/s: claims.toml rows count its {n_claims} claims; draft.md rows count the "
              f"draft's {n_draft} sentences with figures. Times are wall clock for the whole "
              "process: start-up, reading and indexing (or splitting) the corpus, checking, "
              "writing JSON. CPU s is mean user + system time per run: above the median wall time, "
              "the tool used more than one core.", "",
              "Verdicts (a sanity check that each tool did the work, not an accuracy measure):", "",
              "| tool | input | figures / claims | verdicts |", "| --- | --- | ---: | --- |"]
    for tool, job, n, v in verdicts:
        lines.append(f"| {tool} | {job} | {n} | {v} |")
    if notes:
        lines += [""] + [f"Note: {n}" for n in notes]
    (B / "results.md").write_text("\n".join(lines) + "\n")
    print()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
