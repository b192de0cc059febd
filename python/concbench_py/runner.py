"""Runs one scenario on one model as JMH would: forks (fresh interpreters), warm-up shots, timed shots.

Every parameter combination runs `forks` times in a child interpreter (`python3 -m concbench_py
--child SPEC`), each doing `warmup` untimed shots and `iterations` measured ones; a row's value is
the mean of all measured shots, its error the 99.9% Student-t half-width (stats), its samples the
shot count and perFork the shots of each fork. Guards are published as counts by the key of
concbench's vocab.Guard ("guardCounts"); the run turns them into the row's guard text.

A shot that measures a latency distribution (preemption, io-load, scalability) also returns its raw
values under LOG, in milliseconds; they leave as the combination's "log" (`latency_log`), each shot
with the wall-clock span it ran in, and the run records them into an HdrHistogram log beside the JVM's.
"""
import itertools
import json
import subprocess
import sys
import time

from . import stats
from .scenarios import LOG, load

GUARD = "guard:"
STALL = "stall:"
STALL_SHOTS = 2  # a stall counts once it showed in at least this many shots, as on the JVM
LOG_LIMIT = 200_000  # the most values one shot hands over (a full-profile scalability shot has 20,000)


def combinations(scenario, model, profile):
    """Every parameter combination of `scenario` for `model` in `profile`, as {name: text}."""
    plan = scenario.PROFILES[profile]
    axes = dict(plan["params"])
    axes.update(plan.get("variants", {}).get(model, {}))
    names = sorted(axes)
    return [dict(zip(names, (str(v) for v in values))) for values in itertools.product(*(axes[n] for n in names))]


def child(spec):
    """One fork: warm-up and measured shots of one combination; returns the measured shots."""
    scenario = load(spec["scenario"])
    params = dict(spec["params"])
    if "target" in spec:
        params["_target"] = tuple(spec["target"])
    state = scenario.setup(spec["model"], params) if hasattr(scenario, "setup") else None
    try:
        for _ in range(spec["warmup"]):
            scenario.shot(spec["model"], params, state)
        return [_measured(scenario, spec["model"], params, state) for _ in range(spec["iterations"])]
    finally:
        if hasattr(scenario, "teardown"):
            scenario.teardown(state)


def _measured(scenario, model, params, state):
    """One measured shot; its LOG values (if any) bounded and stamped with the epoch ms it started and ended."""
    start = time.time()
    got = scenario.shot(model, params, state)
    if LOG in got:
        got[LOG] = {"startMs": int(start * 1000), "endMs": int(time.time() * 1000), "values": bounded(got[LOG])}
    return got


def bounded(values, limit=LOG_LIMIT):
    """`values`, or past `limit` of them, `limit` evenly spaced in sorted order, the least and the most
    included: the distribution's shape is kept, its count is not (no profile's shot comes near it)."""
    if len(values) <= limit:
        return list(values)
    ordered = sorted(values)
    step = (len(ordered) - 1) / (limit - 1)
    return [ordered[round(i * step)] for i in range(limit)]


def latency_log(scenario, model, params, forks):
    """The combination's histogram log: each fork's measured shots' LOG values (ms), or None when the
    scenario logs none."""
    shots = [[s[LOG] for s in f if LOG in s] for f in forks]
    if not any(shots):
        return None
    return {"scenario": scenario.NAME, "model": model, "params": params, "unit": "ms", "forks": shots}


def fork(spec, timeout):
    """Runs `child(spec)` in a fresh interpreter; returns its shots."""
    done = subprocess.run([sys.executable, "-m", "concbench_py", "--child", json.dumps(spec)],
                          capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["exit %d" % done.returncode])[-1]
        raise RuntimeError("fork failed: " + last)
    return json.loads(done.stdout)


def rows(scenario, model, params, forks):
    """The rows of one combination from each fork's shots (a list of lists of shot dicts)."""
    shots = [s for f in forks for s in f]
    guards = {}
    for key in {k for s in shots for k in s if k.startswith(GUARD)}:
        count = sum(s.get(key, 0) for s in shots)
        if count > 0:
            guards[key[len(GUARD):]] = count
    for key in {k for s in shots for k in s if k.startswith(STALL)}:
        count = sum(s.get(key, 0) for s in shots)
        if count >= STALL_SHOTS:
            guards[key[len(STALL):]] = count
    derived = scenario.derive(shots) if hasattr(scenario, "derive") else {}
    out = []
    for metric, (unit, better) in scenario.METRICS.items():
        per_fork = [[s[metric] for s in f if metric in s] for f in forks]
        values = [v for f in per_fork for v in f]
        if metric in derived:
            value, error, samples = derived[metric]
            per_fork = []
        elif values:
            value, error = stats.summarise(values)
            samples = len(values)
        else:
            continue
        out.append({
            "scenario": scenario.NAME, "benchmark": scenario.BENCHMARK, "model": model, "params": params,
            "metric": metric, "value": value, "unit": unit, "error": error, "samples": samples,
            "better": better, "guards": [], "guardCounts": dict(sorted(guards.items())), "perFork": per_fork,
        })
    return out


def run(scenario_name, model, profile, target=None, timeout=600, log=None):
    """Every row of one scenario on one model, what could not be measured (a list of lines), and the
    combinations' histogram logs (`latency_log`)."""
    scenario = load(scenario_name)
    result, missing, logs = [], [], []
    plan = scenario.PROFILES[profile]
    for params in combinations(scenario, model, profile):
        spec = {"scenario": scenario_name, "model": model, "params": params, "warmup": plan["warmup"],
                "iterations": plan["iterations"]}
        if target is not None:
            spec["target"] = list(target)
        label = "%s/%s %s" % (scenario_name, model, params)
        try:
            forks = [fork(spec, timeout) for _ in range(plan["forks"])]
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            missing.append("%s: %s" % (label, str(e).splitlines()[0]))
            continue
        result.extend(rows(scenario, model, params, forks))
        entry = latency_log(scenario, model, params, forks)
        if entry is not None:
            logs.append(entry)
        if log:
            log(label)
    return result, missing, logs
