#!/usr/bin/env bash
# Runs every fuzz target, one after another, on one core, for SECONDS_EACH seconds
# (default 600), then replays each target's corpus to time its slowest inputs.
# Logs: target/logs/<target>.log (fuzzing) and target/logs/<target>.times (replay).
# Usage: fuzz/run-all.sh [target...]
set -u
cd "$(dirname "$0")"
secs=${SECONDS_EACH:-600}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(figures claims_toml draft cite lint)
export RAYON_NUM_THREADS=1 CARGO_BUILD_JOBS=1 RUSTC_BOOTSTRAP=1
bin=target/fuzz-build/x86_64-unknown-linux-gnu/release
mkdir -p target/logs
cargo fuzz build -s none --target-dir target/fuzz-build || exit 1
for t in "${targets[@]}"; do
  mkdir -p corpus/"$t" artifacts/"$t"
  start=$(date +%s)
  # -fork=1: one child process at a time (one core); the -ignore_* flags let the run go
  # on past a crash, timeout or OOM (each is saved under artifacts/<target>/).
  "$bin/$t" -artifact_prefix=artifacts/"$t"/ -dict=dict/claimcheck.dict \
    -max_total_time="$secs" -max_len=4096 -timeout=20 -rss_limit_mb=2048 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    corpus/"$t" seeds/"$t" > target/logs/"$t".log 2>&1
  end=$(date +%s)
  echo "$t: $((end - start)) s, $(grep -oE '^#[0-9]+' target/logs/"$t".log | tail -1) execs, $(grep -oE 'oom/timeout/crash: [0-9/]+' target/logs/"$t".log | tail -1)"
  # time every corpus input once (libFuzzer prints "Executed <file> in <n> ms")
  find corpus/"$t" seeds/"$t" -type f -print0 | xargs -0 -n 500 "$bin/$t" -runs=1 -timeout=20 -rss_limit_mb=2048 2>&1 \
    | grep -E '^Executed' | sort -t' ' -k4 -n -r | head -20 > target/logs/"$t".times
  echo "  slowest: $(head -1 target/logs/"$t".times)"
done
