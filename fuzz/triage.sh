#!/usr/bin/env bash
# Replays every artifact of a target and prints one line per artifact:
#   <artifact>  <panic site>  <first words of the message>
# so crashes can be grouped by cause. Usage: fuzz/triage.sh <target>
set -u
cd "$(dirname "$0")"
t=$1
bin=target/fuzz-build/x86_64-unknown-linux-gnu/release/$t
for a in artifacts/"$t"/*; do
  [ -f "$a" ] || continue
  out=$(RAYON_NUM_THREADS=1 timeout 60 "$bin" -timeout=20 -rss_limit_mb=2048 "$a" 2>&1)
  site=$(grep -m1 -o "panicked at [^ ]*" <<<"$out" | sed 's/panicked at //')
  msg=$(grep -m1 -A1 "panicked at" <<<"$out" | tail -1 | cut -c1-110)
  if [ -z "$site" ]; then
    site=$(grep -m1 -oE "ERROR: libFuzzer: [a-z-]+|Slowest unit: [0-9]+ s" <<<"$out")
    [ -z "$site" ] && site="(no crash on replay)"
  fi
  printf '%s\t%s\t%s\n' "$(basename "$a")" "$site" "$msg"
done
