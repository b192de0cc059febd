#!/usr/bin/env python3
# Re-judges a gate study (.ci/gate-study.sh OUT) offline on the first K forks a side of each trial (run order,
# so still interleaved), with the gate's statistic (regress/BootstrapRatio: lower-decile ratio B/A, two-level bootstrap,
# 4,000 replicates, 99% interval; a regression when the interval lies above 1 + threshold). Shows what more or
# fewer forks buy. Usage: .ci/gate-study-forks.py OUT METRIC K[,K...] [THRESHOLD=0.05]; needs numpy.
# Offline: re-judge each trial of a study on its first K forks per side (run order, so still interleaved),
# with the gate's statistic: lower decile ratio B/A, two-level bootstrap (forks, then iterations), 4000 reps, 99%.
import glob, json, os, sys
import numpy as np
study, metric = sys.argv[1], sys.argv[2]
ks = [int(k) for k in sys.argv[3].split(",")]
thr = float(sys.argv[4]) if len(sys.argv) > 4 else 0.05
def forks(d, side):
    for r in json.load(open(f"{d}/{side}/summary.json"))["rows"]:
        if r["model"] == "eventloop" and r["metric"] == metric:
            return [np.array(f) for f in r["perFork"]]
def resample(fs, rng, n):
    out = []
    while len(out) < n:
        f = fs[rng.integers(len(fs))]
        out.extend(f[rng.integers(len(f), size=len(f))])
    return np.array(out[:n])
def judge(a, b, seed):
    q = lambda x: np.quantile(x, 0.1, method="median_unbiased")
    rng = np.random.default_rng(seed)
    na, nb = sum(map(len, a)), sum(map(len, b))
    ratio = q(np.concatenate(b)) / q(np.concatenate(a))
    reps = np.array([q(resample(b, rng, nb)) / q(resample(a, rng, na)) for _ in range(4000)])
    lo, hi = np.quantile(reps, [0.005, 0.995])
    return ratio, lo, hi, lo > 1 + thr, (1 + thr) * ratio / lo - 1
for kind in ("aa", "ab"):
    trials = sorted(t for t in glob.glob(f"{study}/{kind}/trial-*") if os.path.exists(t + "/compare.json"))
    if not trials: continue
    for k in ks:
        res = [judge(forks(t, "A")[:k], forks(t, "B")[:k], i) for i, t in enumerate(trials)]
        print(f"{kind} {metric} forks/side={k}: flagged {sum(r[3] for r in res)} of {len(res)}; "
              f"median ratio {np.median([r[0] for r in res]):.2f}; median detectable {np.median([r[4] for r in res]):.0%} "
              f"({min(r[4] for r in res):.0%}..{max(r[4] for r in res):.0%})")
