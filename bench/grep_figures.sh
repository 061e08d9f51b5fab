#!/usr/bin/env bash
# The "grep for the number" baseline: one search per claim for its figure string
# (target/bench/figures.txt, one a line), the way a fact-checker loops in a shell.
#   bash bench/grep_figures.sh grep|rg FIGURES CORPUS
set -u
tool=$1 figures=$2 corpus=$3
while IFS= read -r fig; do
  case $tool in
    grep) grep -rFn -- "$fig" "$corpus" ;;
    rg) rg -Fn --no-heading -- "$fig" "$corpus" ;;
    *) echo "unknown tool $tool" >&2; exit 2 ;;
  esac
done <"$figures" >/dev/null
exit 0
