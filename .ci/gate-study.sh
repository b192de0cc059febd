#!/usr/bin/env bash
# The regression gate's measured power (issue 11); NOT run by .ci/run (it takes ~40 minutes).
#   1. TRIALS A/A trials: `ab --trials TRIALS --scenario context-switch --model eventloop`, this build
#      on both sides: the false-alarm rate is the share of trials in which any row failed the gate
#      (GATE_STUDY_AA_MODELS=all: all three hand-off rows, about twice as long);
#   2. TRIALS A/B trials of the event loop with side B slowed: -Dconcbench.inject.loopSpinNanos=N,
#      N = 0.3 x the loop's GATE_STUDY_METRIC (default handoffCpu, the loop thread's CPU per hand-off;
#      or handoff, the wall-clock time) measured by the A/A trials' side A (the lower decile of every
#      sample: the statistic the gate compares, so B is ~30% slower in the gate's own terms):
#      the detection rate is the share of trials in which the eventloop row of that metric failed
#      the gate (the other hand-off row's rate is printed beside it).
# Prints both rates and the load average (1-minute, sampled every 30 s during each part: min, median,
# max); keeps everything under OUT (load.txt has every sample).
# Usage: .ci/gate-study.sh [OUT] (default a new directory under /tmp); env GATE_STUDY_TRIALS (default 20),
# GATE_STUDY_FRACTION (default 0.3), GATE_STUDY_AA_MODELS (eventloop, the default, or all),
# GATE_STUDY_METRIC (handoffCpu, the default, or handoff).
set -euo pipefail
cd "$(dirname "$0")/.."

trials="${GATE_STUDY_TRIALS:-20}"
fraction="${GATE_STUDY_FRACTION:-0.3}"
metric="${GATE_STUDY_METRIC:-handoffCpu}"
out="${1:-$(mktemp -d /tmp/concbench-gate-study-XXXXXX)}"
mkdir -p "$out"
say() { echo "gate-study: $*"; }

# samples the 1-minute load average every 30 s into $out/load.txt while $1 runs; prints min/median/max of part $2
load_during() {
  local pid=$1 part=$2
  while kill -0 "$pid" 2>/dev/null; do
    echo "$part $(date -u +%H:%M:%S) $(cut -d' ' -f1 /proc/loadavg)" >>"$out/load.txt"; sleep 30
  done
  python3 - "$out/load.txt" "$part" <<'PY'
import statistics, sys
v = [float(l.split()[2]) for l in open(sys.argv[1]) if l.split()[0] == sys.argv[2]]
print(f"load average (1 min) during {sys.argv[2]}: min {min(v):.1f}, median {statistics.median(v):.1f}, max {max(v):.1f} ({len(v)} samples)")
PY
}

say "load before: $(uptime)"
start=$SECONDS
code=0
aa_models=(--model eventloop)
[ "${GATE_STUDY_AA_MODELS:-eventloop}" = all ] && aa_models=()
./run-bench.sh ab --trials "$trials" --scenario context-switch "${aa_models[@]}" --out "$out/aa" >"$out/aa.log" 2>&1 &
aa_pid=$!
say "$(load_during $aa_pid A/A)"
wait $aa_pid || code=$?
[ "$code" -eq 0 ] || [ "$code" -eq 1 ] || { say "the A/A trials failed (exit $code); see $out/aa.log" >&2; exit 2; }
say "A/A: $trials trials in $((SECONDS - start)) s ($(date -u +%H:%M) UTC)"

read -r handoff spin < <(python3 - "$out/aa" "$fraction" "$metric" <<'PY'
import glob, json, statistics, sys
values = [v for f in glob.glob(sys.argv[1] + "/trial-*/A/summary.json") + glob.glob(sys.argv[1] + "/A/summary.json")
          for r in json.load(open(f))["rows"] if r["model"] == "eventloop" and r["metric"] == sys.argv[3]
          for fork in r["perFork"] for v in fork]
h = statistics.quantiles(values, n=10)[0]   # the lower decile, as the gate (regress/BootstrapRatio)
print(round(h, 1), max(1, round(float(sys.argv[2]) * h)))
PY
)
say "the loop's $metric over the A/A trials' side A (lower decile): $handoff ns; side B spins $spin ns per callback ($fraction x)"

mid=$SECONDS
code=0
./run-bench.sh ab --trials "$trials" --scenario context-switch --model eventloop \
    --b-jvm-arg "-Dconcbench.inject.loopSpinNanos=$spin" --out "$out/ab" >"$out/ab.log" 2>&1 &
ab_pid=$!
say "$(load_during $ab_pid A/B)"
wait $ab_pid || code=$?
[ "$code" -eq 0 ] || [ "$code" -eq 1 ] || { say "the A/B trials failed (exit $code); see $out/ab.log" >&2; exit 2; }
say "A/B: $trials trials in $((SECONDS - mid)) s ($(date -u +%H:%M) UTC)"
say "load after: $(uptime)"

python3 - "$out" "$metric" <<'PY'
import glob, json, statistics, sys
out, metric = sys.argv[1], sys.argv[2]
def trials(kind):
    files = sorted(glob.glob(f"{out}/{kind}/trial-*/compare.json")) or glob.glob(f"{out}/{kind}/compare.json")
    return [json.load(open(f)) for f in files]
def row(c, model, m):
    return next((r for r in c["rows"] if r["model"] == model and r["metric"] == m), None)
aa, ab = trials("aa"), trials("ab")
alarms = sum(c["exitCode"] == 1 for c in aa)
keys = [(r["model"], r["metric"]) for r in aa[0]["rows"]]
print(f"gate-study: false alarms: {alarms} of {len(aa)} A/A trials (any of the rows "
      f"{', '.join(m + ' ' + k for m, k in keys)} failing the gate)")
for model, m in keys:
    rows = [r for r in (row(c, model, m) for c in aa) if r]
    print(f"gate-study:   A/A {model} {m}: failed the gate in {sum(r['failsGate'] for r in rows)}, "
          f"median detectable {statistics.median(r['detectable'] for r in rows):.0%}")
for m in [metric] + [k for mo, k in keys if mo == "eventloop" and k != metric]:
    rows = [r for r in (row(c, "eventloop", m) for c in ab) if r]
    label = "detection" if m == metric else "beside it"
    print(f"gate-study: {label}: {sum(r['failsGate'] for r in rows)} of {len(ab)} A/B trials with the eventloop {m} row "
          f"failing the gate; median ratio B/A {statistics.median(r['ratio'] for r in rows):.2f}, "
          f"median detectable {statistics.median(r['detectable'] for r in rows):.0%}")
PY
say "took $((SECONDS - start)) s; everything is in $out"
