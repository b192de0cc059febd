"""scalability: `tasks` units each sleeping 100 ms, started together behind a gate.

Every unit is created and waiting before the gate opens (createCost: us per unit); then each
sleeps 100 ms (asyncio.sleep / time.sleep) and records when it finished. latencyFromGate.p99 is
the p99 of gate-to-completion times in ms (what the seed's "thrashing" would show); wallTime from
the first creation to the last completion. A thread that cannot start ends the shot with
startFailure = the units that did start. LOG: each unit's completion from the first creation, in ms
(creation included, as the JVM's scalability log records it; latencyFromGate excludes it).
"""
import asyncio
import threading
import time

from .. import models, procfs
from . import LOG

NAME = "scalability"
BENCHMARK = "concbench_py.scale"
MODELS = (models.ASYNCIO, models.UVLOOP, models.THREADS)
METRICS = {
    "latencyFromGate.p50": ("ms", "lower"),
    "latencyFromGate.p99": ("ms", "lower"),
    "wallTime": ("ms", "lower"),
    "throughput": ("tasks/s", "higher"),
    "createCost": ("us", "lower"),
    "rssPerTask": ("bytes", "lower"),
    "startFailure": ("count", "neutral"),
}
PROFILES = {
    "smoke": {"params": {"tasks": [100, 1000], "work": ["sleep"]}, "forks": 1, "warmup": 0, "iterations": 3},
    # threads stop at 2,000 in quick: 10,000 CPython threads waking together take ~20 s a shot here
    # 5 shots, not 8 (trimmed for quick's 10 minutes; Student t 8.6, not 5.4): 2,000 threads took ~7 s
    # a shot at load ~8, and quick's CPython scalability verdict is not measured (threads stop short of 10,000)
    "quick": {"params": {"tasks": [100, 1000, 10000], "work": ["sleep"]}, "forks": 1, "warmup": 0,
              "iterations": 5, "variants": {models.THREADS: {"tasks": [100, 1000, 2000]}}},
    "full": {"params": {"tasks": [100, 1000, 10000, 20000], "work": ["sleep"]}, "forks": 2, "warmup": 1,
             "iterations": 3},
}
SLEEP_S = 0.1


def percentile(values, p):
    """The nearest-rank percentile p (0..100) of values."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def _figures(n, first, created, gate, done, before, peak):
    lat = [(d - gate) * 1000 for d in done]
    wall = (max(done) - first)
    return {
        "latencyFromGate.p50": percentile(lat, 50),
        "latencyFromGate.p99": percentile(lat, 99),
        "wallTime": wall * 1000,
        "throughput": n / wall,
        "createCost": (created - first) / n * 1e6,
        "rssPerTask": (peak - before) / n,
        LOG: [(d - first) * 1000 for d in done],
    }


async def _loop_shot(n):
    loop = asyncio.get_running_loop()
    gate = asyncio.Event()
    done = []

    async def unit():
        await gate.wait()
        await asyncio.sleep(SLEEP_S)
        done.append(time.perf_counter())

    before = procfs.memory()[0]
    first = time.perf_counter()
    tasks = [loop.create_task(unit()) for _ in range(n)]
    await asyncio.sleep(0)  # every task runs to its gate.wait()
    created = time.perf_counter()
    peak = procfs.memory()[0]
    opened = time.perf_counter()
    gate.set()
    await asyncio.gather(*tasks)
    return _figures(n, first, created, opened, done, before, peak)


def _thread_shot(n):
    gate = threading.Event()
    done = []
    ready = threading.Semaphore(0)

    def unit():
        ready.release()
        gate.wait()
        time.sleep(SLEEP_S)
        done.append(time.perf_counter())

    before = procfs.memory()[0]
    first = time.perf_counter()
    threads = []
    try:
        for _ in range(n):
            t = threading.Thread(target=unit, daemon=True)
            t.start()
            threads.append(t)
    except RuntimeError:  # "can't start new thread": the OS refused
        gate.set()
        for t in threads:
            t.join()
        return {"startFailure": len(threads)}
    for _ in range(n):
        ready.acquire()
    created = time.perf_counter()
    peak = procfs.memory()[0]
    opened = time.perf_counter()
    gate.set()
    for t in threads:
        t.join()
    return _figures(n, first, created, opened, done, before, peak)


def shot(model, params, state):
    n = int(params["tasks"])
    return _thread_shot(n) if model == models.THREADS else models.run_loop(model, _loop_shot(n))
