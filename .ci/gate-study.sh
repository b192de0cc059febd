#!/usr/bin/env bash
# The regression gate's measured power (issue 11); NOT run by .ci/run (it takes ~25 minutes).
#   1. TRIALS A/A trials: `ab --trials TRIALS --scenario context-switch`, this build on both sides:
#      the false-alarm rate is the share of trials in which any row failed the gate;
#   2. TRIALS A/B trials of the event loop with side B slowed: -Dconcbench.inject.loopSpinNanos=N,
#      N = 0.3 x the loop hand-off measured by the A/A trials' side A (median of every sample):
#      the detection rate is the share of trials in which the eventloop hand-off row failed the gate.
# Prints both rates and the load average before and after; keeps everything under OUT.
# Usage: .ci/gate-study.sh [OUT] (default a new directory under /tmp); env GATE_STUDY_TRIALS (default 20),
# GATE_STUDY_FRACTION (default 0.3).
set -euo pipefail
cd "$(dirname "$0")/.."

trials="${GATE_STUDY_TRIALS:-20}"
fraction="${GATE_STUDY_FRACTION:-0.3}"
out="${1:-$(mktemp -d /tmp/concbench-gate-study-XXXXXX)}"
mkdir -p "$out"
say() { echo "gate-study: $*"; }

say "load before: $(uptime)"
start=$SECONDS
code=0
./run-bench.sh ab --trials "$trials" --scenario context-switch --out "$out/aa" >"$out/aa.log" 2>&1 || code=$?
[ "$code" -eq 0 ] || { say "the A/A trials failed (exit $code); see $out/aa.log" >&2; exit 2; }
say "A/A: $trials trials in $((SECONDS - start)) s"

read -r handoff spin < <(python3 - "$out/aa" "$fraction" <<'PY'
import glob, json, statistics, sys
values = [v for f in glob.glob(sys.argv[1] + "/trial-*/A/summary.json") + glob.glob(sys.argv[1] + "/A/summary.json")
          for r in json.load(open(f))["rows"] if r["model"] == "eventloop" and r["metric"] == "handoff"
          for fork in r["perFork"] for v in fork]
h = statistics.median(values)
print(round(h, 1), max(1, round(float(sys.argv[2]) * h)))
PY
)
say "the loop's hand-off over the A/A trials' side A: $handoff ns; side B spins $spin ns per callback ($fraction x)"

mid=$SECONDS
code=0
./run-bench.sh ab --trials "$trials" --scenario context-switch --model eventloop \
    --b-jvm-arg "-Dconcbench.inject.loopSpinNanos=$spin" --out "$out/ab" >"$out/ab.log" 2>&1 || code=$?
[ "$code" -eq 0 ] || { say "the A/B trials failed (exit $code); see $out/ab.log" >&2; exit 2; }
say "A/B: $trials trials in $((SECONDS - mid)) s"
say "load after: $(uptime)"

python3 - "$out" <<'PY'
import glob, json, statistics, sys
out = sys.argv[1]
def trials(kind):
    files = sorted(glob.glob(f"{out}/{kind}/trial-*/compare.json")) or glob.glob(f"{out}/{kind}/compare.json")
    return [json.load(open(f)) for f in files]
def loop(c):
    return next(r for r in c["rows"] if r["model"] == "eventloop" and r["metric"] == "handoff")
aa, ab = trials("aa"), trials("ab")
alarms = sum(c["exitCode"] == 1 for c in aa)
caught = sum(loop(c)["failsGate"] for c in ab)
print(f"gate-study: false alarms: {alarms} of {len(aa)} A/A trials (any of "
      f"{', '.join(r['model'] for r in aa[0]['rows'])} hand-off rows failing the gate)")
for model in [r["model"] for r in aa[0]["rows"]]:
    rows = [next(r for r in c["rows"] if r["model"] == model) for c in aa]
    print(f"gate-study:   A/A {model}: failed the gate in {sum(r['failsGate'] for r in rows)}, "
          f"median detectable {statistics.median(r['detectable'] for r in rows):.0%}")
print(f"gate-study: detection: {caught} of {len(ab)} A/B trials with the eventloop hand-off row failing the gate")
print(f"gate-study:   A/B eventloop: median ratio B/A {statistics.median(loop(c)['ratio'] for c in ab):.2f}, "
      f"median detectable {statistics.median(loop(c)['detectable'] for c in ab):.0%}")
PY
say "took $((SECONDS - start)) s; everything is in $out"
