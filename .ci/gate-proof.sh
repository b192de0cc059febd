#!/usr/bin/env bash
# Proves the regression gate on real runs (issue 6), self-checking:
#   1. two back-to-back smoke runs of context-switch compare with no regression (ratios mode);
#   2. a run with an injected loop slowdown (CONCBENCH_INJECT_LOOP_SPIN_NS: the event loop busy-waits
#      before every ready callback) is caught: compare exits 1 and the event loop's hand-off is among
#      the regressed rows (absolute mode; ratios mode is run and reported too).
# Exits 0 when both hold, 1 when the gate misses the slowdown or flags the pair, 2 when a run fails.
# Takes three smoke runs of one scenario (about 15 s each on 2 cores, under a minute in all).
#
# Why a threshold of 4 (a change must exceed 5x): smoke runs one JMH fork, and on a busy 2-core
# machine a thread hand-off moves by up to 4x from one fork to the next (219 +- 9 ns in one run,
# 519 +- 285 ns in the next), which no within-fork error shows. The injected spin moves the loop's
# hand-off by 15-30x, so the gate still has to see it.
# Env: GATE_PROOF_SPIN_NS (default 5000), GATE_PROOF_THRESHOLD (default 4), GATE_PROOF_KEEP=DIR to keep the runs.
set -euo pipefail
cd "$(dirname "$0")/.."

spin_ns="${GATE_PROOF_SPIN_NS:-5000}"
threshold="${GATE_PROOF_THRESHOLD:-4}"
scenario=context-switch
work="${GATE_PROOF_KEEP:-}"
if [ -z "$work" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

say() { echo "gate-proof: $*"; }

# Runs the smoke profile of $scenario into $1 (extra environment comes from the caller); prints the
# results directory the run wrote (--out itself, or the one run directory below it).
smoke() {
  local out="$1" log="$1.log"
  if ! ./run-bench.sh run --profile smoke --scenario "$scenario" --out "$out" >"$log" 2>&1; then
    say "run failed ($out); its output:" >&2; cat "$log" >&2; exit 2
  fi
  if [ -f "$out/summary.json" ]; then echo "$out"; return; fi
  local found; found="$(find "$out" -name summary.json -print -quit)"
  [ -n "$found" ] || { say "run wrote no summary.json under $out" >&2; cat "$log" >&2; exit 2; }
  dirname "$found"
}

# compare $1 (baseline) with $2 (current) in mode $3; prints the table; returns compare's exit code.
compare() {
  local code=0
  ./run-bench.sh compare --baseline "$1" --current "$2" --mode "$3" --threshold "$threshold" \
      --out "$work/compare-$(basename "$2")-$3" || code=$?
  return "$code"
}


start=$SECONDS
say "three smoke runs of $scenario: baseline, back-to-back, then with CONCBENCH_INJECT_LOOP_SPIN_NS=$spin_ns"
first="$(smoke "$work/first")"
second="$(smoke "$work/second")"
slow="$(CONCBENCH_INJECT_LOOP_SPIN_NS="$spin_ns" smoke "$work/slow")"
say "runs took $((SECONDS - start)) s"

failed=0

say "--- proof 1: back-to-back runs, ratios mode, threshold $threshold: expect exit 0"
code=0; compare "$first" "$second" ratios | tee "$work/pair.txt" || code=$?
if [ "$code" -ne 0 ]; then say "FAIL: back-to-back runs flagged (exit $code)"; failed=1; else say "ok: no regression"; fi

# Required: absolute mode (the mode for two runs on one machine) flags the loop's hand-off.
# Reported only: ratios mode, whose reference model (virtual, else platform-pool) is itself a thread
# hand-off that now and then stalls a whole run on a busy machine and then bounds no ratio.
for mode in absolute ratios; do
  say "--- proof 2 ($mode): injected ${spin_ns} ns loop spin: expect exit 1, eventloop handoff regressed"
  code=0; compare "$first" "$slow" "$mode" | tee "$work/slow-$mode.txt" || code=$?
  loop_row="$(awk '$1 == "regressed" && $2 == "'"$scenario"'" && $3 == "eventloop" && /handoff/' "$work/slow-$mode.txt")"
  if [ "$code" -eq 1 ] && [ -n "$loop_row" ]; then
    say "ok: caught in $mode mode: $(echo "$loop_row" | awk '{for (i = 1; i <= NF; i++) if ($i ~ /[0-9]x$/) {print $i, $(i+1), $(i+2), $(i+3); exit}}')"
  elif [ "$mode" = absolute ]; then
    say "FAIL: the injected slowdown was not caught in $mode mode (exit $code)"; failed=1
  else
    say "note: not caught in $mode mode (exit $code): see the reference model's error above"
  fi
done

say "took $((SECONDS - start)) s in all"
if [ "$failed" -ne 0 ]; then say "FAILED"; exit 1; fi
say "PASSED: the gate passes a back-to-back pair and catches the injected loop slowdown"
