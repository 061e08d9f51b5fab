#!/usr/bin/env bash
# Validate claimcheck's SARIF against the official SARIF 2.1.0 schema, with a format
# checker that checks uri and uri-reference, on names with spaces, "#", "%", ",", ":"
# and letters outside ASCII, run from the project root and from a subfolder.
#
# Fetches, under target/sarif-validate/ (gitignored, reused): the schema from the npm
# package @microsoft/jest-sarif, and a Python venv with jsonschema and rfc3987 (the
# library jsonschema's format checker uses for uri and uri-reference).  When a tool
# cannot be had it prints why and exits 0 ("skipped"); a SARIF that fails the schema
# exits 1.  CLAIMCHECK_BIN names a built binary; otherwise `cargo build` makes one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="$TARGET/sarif-validate"
mkdir -p "$OUT"

skip() {
    echo "sarif-validate: skipped: $*"
    exit 0
}

command -v python3 >/dev/null || skip "python3 is not installed"

# --- the schema: @microsoft/jest-sarif ships the 2.1.0 schema -----------------------
PKG=@microsoft/jest-sarif@1.0.0-beta.0
SCHEMA="$OUT/package/lib/schemas/sarif-2.1.0-rtm.5.json"
if [[ ! -f "$SCHEMA" ]]; then
    command -v npm >/dev/null || skip "npm is not installed (it fetches $PKG)"
    (cd "$OUT" && rm -f microsoft-jest-sarif-*.tgz \
        && npm pack --silent "$PKG" >/dev/null 2>&1 \
        && tar xzf microsoft-jest-sarif-*.tgz) || skip "cannot fetch $PKG from the npm registry"
    [[ -f "$SCHEMA" ]] || skip "$PKG no longer ships lib/schemas/sarif-2.1.0-rtm.5.json"
fi

# --- jsonschema and rfc3987 in a venv -------------------------------------------
VENV="$OUT/venv"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c "import jsonschema, rfc3987" 2>/dev/null; then
    python3 -m venv "$VENV" 2>/dev/null || skip "python3 cannot make a venv (python3-venv missing)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check jsonschema rfc3987 \
        || skip "cannot install jsonschema and rfc3987 from PyPI"
fi

# --- the binary --------------------------------------------------------------------
if [[ -z "${CLAIMCHECK_BIN:-}" ]]; then
    (cd "$ROOT" && cargo build --quiet --bin claimcheck)
    CLAIMCHECK_BIN="$TARGET/debug/claimcheck"
fi

exec "$VENV/bin/python" "$ROOT/scripts/sarif-validate/validate.py" \
    --schema "$SCHEMA" --bin "$CLAIMCHECK_BIN" --repo "$ROOT"
