#!/usr/bin/env bash
# The HTML report in a real browser: build the report of example.md, load it in headless
# Chromium, take a screenshot and a PDF (print styles), and check the rendered DOM:
# one row per figure, the verdict counts, the filter script, and that a draft full of
# markup stays text. Chromium comes from Debian's packages (`apt-get install chromium`),
# installed here when missing; where none can be had the test says so and skips (exit 0,
# "SKIP" on stdout). Output goes to target/html-browser-test/.
#
#   bash scripts/html-browser-test/run.sh          # or: cargo test --test html_browser -- --ignored
#
# CLAIMCHECK=path/to/claimcheck uses that binary instead of building one;
# HTML_BROWSER_TEST_BROWSER=path uses that browser; HTML_BROWSER_TEST_NO_INSTALL=1 skips
# rather than installing one.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out="${CARGO_TARGET_DIR:-$root/target}/html-browser-test"
rm -rf "$out"
mkdir -p "$out"

skip() {
  echo "SKIP: $*"
  exit 0
}

find_browser() {
  # HTML_BROWSER_TEST_BROWSER=path picks the browser (a path that is not there: none)
  if [ -n "${HTML_BROWSER_TEST_BROWSER:-}" ]; then
    [ -x "$HTML_BROWSER_TEST_BROWSER" ] && echo "$HTML_BROWSER_TEST_BROWSER" && return 0
    return 1
  fi
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then
      command -v "$b"
      return 0
    fi
  done
  return 1
}

browser=$(find_browser || true)
if [ -z "$browser" ]; then
  if [ "${HTML_BROWSER_TEST_NO_INSTALL:-}" = 1 ]; then
    skip "no Chromium on this machine (HTML_BROWSER_TEST_NO_INSTALL=1: not installing)"
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    skip "no Chromium and no apt-get to install Debian's chromium package"
  fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo -n"
    else
      skip "no Chromium, and installing Debian's chromium package needs root"
    fi
  fi
  echo "installing Debian's chromium package (apt-get)…" >&2
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium; } >"$out/apt.log" 2>&1; then
    tail -5 "$out/apt.log" >&2
    skip "Debian's chromium package could not be installed (see $out/apt.log)"
  fi
  browser=$(find_browser || true)
  [ -n "$browser" ] || skip "chromium was installed but no browser binary was found"
fi
echo "browser: $browser ($("$browser" --version 2>/dev/null | head -1))" >&2

bin="${CLAIMCHECK:-}"
if [ -z "$bin" ]; then
  cargo build --quiet --bin claimcheck
  bin="${CARGO_TARGET_DIR:-$root/target}/debug/claimcheck"
fi

# 1. the example draft: one figure of each verdict
set +e
"$bin" lint example.md --corpus seeds --corpus examples/corpus --format html >"$out/report.html"
code=$?
"$bin" lint example.md --corpus seeds --corpus examples/corpus --format json >"$out/report.json"
set -e
[ "$code" = 1 ] || { echo "FAIL: lint exited $code, expected 1 (errors found)"; exit 1; }

# 2. a hostile draft and source: markup and entities in every quoted text
hostile="$out/hostile"
mkdir -p "$hostile/corpus"
cat >"$hostile/corpus/src<b>&amp;.txt" <<'EOF'
The <b>ministry</b> & its "office" said militant violence claimed 1,016 lives in 2021 <script>document.title='pwned-source'</script>.
EOF
cat >"$hostile/draft.md" <<'EOF'
# Draft

Militant violence claimed 1,061 lives in 2021 <script>document.title='pwned'</script> & "more" &amp; <img src=x onerror="document.title='pwned-img'">.
EOF
set +e
(cd "$hostile" && "$bin" lint draft.md --corpus corpus --format html >report.html)
set -e

chrome() {
  # --no-sandbox: root in a container has no user namespace for Chromium's sandbox
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --no-default-browser-check --disable-extensions --hide-scrollbars "$@" 2>>"$out/chromium.log"
}

url="file://$out/report.html"
chrome --window-size=1200,2200 --screenshot="$out/report.png" "$url" >/dev/null
chrome --print-to-pdf="$out/report.pdf" --no-pdf-header-footer "$url" >/dev/null
chrome --dump-dom "$url" >"$out/dom.html"
chrome --dump-dom "$url#only=misquoted,conflict" >"$out/dom-filtered.html"
chrome --dump-dom "file://$hostile/report.html" >"$out/dom-hostile.html"

python3 "$root/scripts/html-browser-test/check_dom.py" "$out"
