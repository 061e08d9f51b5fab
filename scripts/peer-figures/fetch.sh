#!/usr/bin/env bash
# Fetch three peer projects' test suites for the figure parser and convert
# them into target/peer-figures/cases.json.  Nothing fetched here is committed:
# everything lands under target/ (gitignored).  Idempotent: downloads and
# unpacked trees that already exist are reused.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/target/peer-figures"
mkdir -p "$OUT"
cd "$OUT"

PY="${PYTHON:-python3}"

# --- quantulum3 0.10.0 (wheel) ---------------------------------------------
Q_WHEEL_DIR="$OUT/quantulum3-dl"
Q_DIR="$OUT/quantulum3-0.10.0"
Q_SUITE="$Q_DIR/quantulum3/_lang/en_US/tests/quantities.json"
if [[ ! -f "$Q_SUITE" ]]; then
    mkdir -p "$Q_WHEEL_DIR"
    if ! ls "$Q_WHEEL_DIR"/quantulum3-0.10.0-*.whl >/dev/null 2>&1; then
        echo "fetch: downloading quantulum3 0.10.0" >&2
        "$PY" -m pip download --quiet --no-deps quantulum3==0.10.0 -d "$Q_WHEEL_DIR"
    fi
    wheel="$(ls "$Q_WHEEL_DIR"/quantulum3-0.10.0-*.whl | head -n1)"
    rm -rf "$Q_DIR"
    mkdir -p "$Q_DIR"
    # A wheel is a zip; use Python's zipfile so `unzip` need not be installed.
    "$PY" -m zipfile -e "$wheel" "$Q_DIR"
fi
[[ -f "$Q_SUITE" ]] || { echo "fetch: missing $Q_SUITE" >&2; exit 1; }

# --- number-parser 0.3.2 (sdist) -------------------------------------------
N_DL_DIR="$OUT/number-parser-dl"
N_DIR="$OUT/number-parser-0.3.2"
if [[ ! -d "$N_DIR/tests/data" ]]; then
    mkdir -p "$N_DL_DIR"
    if ! ls "$N_DL_DIR"/number*parser-0.3.2.tar.gz >/dev/null 2>&1; then
        echo "fetch: downloading number-parser 0.3.2 (sdist)" >&2
        "$PY" -m pip download --quiet --no-deps --no-binary :all: number-parser==0.3.2 -d "$N_DL_DIR"
    fi
    sdist="$(ls "$N_DL_DIR"/number*parser-0.3.2.tar.gz | head -n1)"
    rm -rf "$N_DIR"
    tmp="$(mktemp -d "$OUT/.untar.XXXXXX")"
    tar -xzf "$sdist" -C "$tmp"
    mv "$tmp"/* "$N_DIR"
    rmdir "$tmp"
fi
[[ -d "$N_DIR/tests/data" ]] || { echo "fetch: missing $N_DIR/tests/data" >&2; exit 1; }

# --- text2num 2.8.0 (crate) ------------------------------------------------
T_SCRATCH="$OUT/text2num-scratch"
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
find_t2n() {
    ls -d "$CARGO_HOME"/registry/src/*/text2num-2.8.0 2>/dev/null | head -n1 || true
}
T_SRC="$(find_t2n)"
if [[ -z "$T_SRC" || ! -f "$T_SRC/src/lang/en/mod.rs" ]]; then
    mkdir -p "$T_SCRATCH/src"
    if [[ ! -f "$T_SCRATCH/Cargo.toml" ]]; then
        cat > "$T_SCRATCH/Cargo.toml" <<'TOML'
[package]
name = "text2num-scratch"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
text2num = "=2.8.0"

[workspace]
TOML
        echo 'fn main() {}' > "$T_SCRATCH/src/main.rs"
    fi
    echo "fetch: cargo fetch text2num 2.8.0" >&2
    (cd "$T_SCRATCH" && cargo fetch --quiet)
    T_SRC="$(find_t2n)"
fi
[[ -n "$T_SRC" && -f "$T_SRC/src/lang/en/mod.rs" ]] || {
    echo "fetch: text2num-2.8.0 source not found under $CARGO_HOME/registry/src" >&2
    exit 1
}
# Record where the crate source is, for convert.py.
printf '%s\n' "$T_SRC" > "$OUT/text2num-src.path"

# --- convert ----------------------------------------------------------------
cd "$ROOT"
"$PY" scripts/peer-figures/convert.py
