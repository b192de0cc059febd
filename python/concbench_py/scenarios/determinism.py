"""determinism: an unsynchronised shared counter, the seed's race, run `runs` times per model.

Each of 4 tasks adds 1 to a shared counter 5,000 times as a read, a call computing the new value,
then a write. threads: CPython (3.10+) switches threads only where its eval loop checks for a
request, at a function's entry and a loop's back edge, never inside a bare `counter += 1`: the
call between read and write is such a point, as in any real read-compute-write. The switch
interval is set to switchIntervalUs (the default 5 ms would let a short run finish before any switch). asyncio with
await=none: nothing can run between a read and its write (a task yields after its write);
await=between: `await asyncio.sleep(0)` between them, so every task writes a stale value, the same
way every run. lostUpdates per run (mean, error); distinctOutcomes: distinct final counts over all
runs (an exact count: error 0, samples = runs).
"""
import asyncio
import sys
import threading

from .. import models, procfs

NAME = "determinism"
BENCHMARK = "concbench_py.sharedCounter"
MODELS = (models.ASYNCIO, models.THREADS)
METRICS = {
    "lostUpdates": ("count", "lower"),
    "distinctOutcomes": ("count", "lower"),
    "voluntaryCtxSwitches": ("count", "neutral"),
    "involuntaryCtxSwitches": ("count", "neutral"),
}
_RUNS = {"smoke": 5, "quick": 10, "full": 20}
PROFILES = {
    profile: {"params": {"runs": [runs]}, "forks": 1, "warmup": 0, "iterations": runs,
              "variants": {models.ASYNCIO: {"await": ["none", "between"]},
                           models.THREADS: {"switchIntervalUs": [1]}}}
    for profile, runs in _RUNS.items()
}
TASKS = 4
INCREMENTS = 5000


async def _loop_counter(await_between):
    box = [0]

    async def add():
        for _ in range(INCREMENTS):
            value = box[0]
            if await_between:
                await asyncio.sleep(0)
            box[0] = _next(value)
            if not await_between:
                await asyncio.sleep(0)  # a switch point after the write, not between read and write

    await asyncio.gather(*(add() for _ in range(TASKS)))
    return box[0]


def _next(value):
    return value + 1


def _thread_counter(interval_s):
    box = [0]

    def add():
        for _ in range(INCREMENTS):
            value = box[0]
            box[0] = _next(value)

    old = sys.getswitchinterval()
    sys.setswitchinterval(interval_s)
    try:
        threads = [threading.Thread(target=add) for _ in range(TASKS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old)
    return box[0]


def shot(model, params, state):
    vol, invol = procfs.ctx_switches()
    if model == models.THREADS:
        final = _thread_counter(int(params["switchIntervalUs"]) / 1e6)
    else:
        final = models.run_loop(model, _loop_counter(params["await"] == "between"))
    vol2, invol2 = procfs.ctx_switches()
    return {"lostUpdates": TASKS * INCREMENTS - final, "outcome": final,
            "voluntaryCtxSwitches": vol2 - vol, "involuntaryCtxSwitches": invol2 - invol}


def derive(shots):
    outcomes = {s["outcome"] for s in shots}
    return {"distinctOutcomes": (len(outcomes), 0.0, len(shots))}
