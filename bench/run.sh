#!/usr/bin/env bash
# claimcheck throughput benchmark: claimcheck check/lint vs a rapidfuzz script vs grep.
#
#   bash bench/run.sh [--docs N] [--claims N] [--runs N] [--slow-runs N]
#   bash bench/run.sh --scale S|M|L [--skip rapidfuzz]   # archive: mixed domains, planted claims, peers
#
# Builds the release binary, generates target/bench/{corpus,claims.toml,draft.md},
# installs rapidfuzz into target/bench/venv, times everything and writes
# target/bench/results.md. Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

gen_args=() measure_args=() scale="" skip=()
while [ $# -gt 0 ]; do
  case $1 in
    --docs|--claims|--draft-sentences|--seed) gen_args+=("$1" "$2"); shift 2 ;;
    --runs|--slow-runs) measure_args+=("$1" "$2"); shift 2 ;;
    --scale) scale=$2; gen_args+=("$1" "$2"); shift 2 ;;
    --skip) skip+=("$1" "$2"); shift 2 ;;
    *) echo "usage: bash bench/run.sh [--scale S|M|L [--skip rapidfuzz|bm25s|tantivy]] [--docs N] [--claims N] [--draft-sentences N] [--seed N] [--runs N] [--slow-runs N]" >&2; exit 2 ;;
  esac
done

PY=${PYTHON:-python3}
B=target/bench
mkdir -p "$B"

echo "== cargo build --release"
cargo build --release --quiet

# time a snapshot of the binary, so a concurrent `cargo build` cannot swap it mid-run
mkdir -p "$B/bin"
cp target/release/claimcheck "$B/bin/claimcheck"
git describe --always --dirty >"$B/bin/REVISION" 2>/dev/null || echo unknown >"$B/bin/REVISION"

echo "== tools"
if [ ! -x "$B/venv/bin/python" ] || ! "$B/venv/bin/python" -c 'import rapidfuzz, bm25s, Stemmer, tantivy' 2>/dev/null; then
  [ -x "$B/venv/bin/python" ] || "$PY" -m venv "$B/venv"
  "$B/venv/bin/pip" install --quiet rapidfuzz bm25s pystemmer tantivy
fi
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v rg >/dev/null || missing+=(ripgrep)
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; } ||
    echo "could not install ${missing[*]}: falling back (perf_counter timing / no rg row)"
fi

echo "== corpus"
"$PY" bench/gen_corpus.py ${gen_args[@]+"${gen_args[@]}"}

if [ -n "$scale" ]; then
  echo "== measure (archive $scale; results in $B/archive-$scale/results.md, the last line is the ratio)"
  "$PY" bench/archive_measure.py --scale "$scale" ${skip[@]+"${skip[@]}"}
  exit 0
fi

echo "== measure"
"$PY" bench/measure.py ${measure_args[@]+"${measure_args[@]}"}
echo
echo "written: $B/results.md"
