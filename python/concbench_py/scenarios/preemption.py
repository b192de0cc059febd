"""preemption: a 10 ms heartbeat's lateness (ms) while something else runs, the seed's pitfalls.

disturbance: none; cpu-hog (the seed's `i * i` loop for durationMs without ever awaiting: on a loop
it holds the only thread; as a thread the interpreter hands the GIL over every switch interval,
5 ms by default); blocking-sleep (time.sleep(durationMs) inside a coroutine or a thread). Lateness
is measured from each beat's intended time; per shot its p50, p99 and max, and every beat's value
(LOG, the JVM's preemption log). A probe (heartbeat) late
by more than the slow-callback threshold (100 ms, as on the JVM) in at least 2 shots is a stall:
loopBlocked on a loop, threadStalled on threads.
"""
import asyncio
import threading
import time

from .. import models
from . import LOG
from .scalability import percentile

NAME = "preemption"
BENCHMARK = "concbench_py.heartbeat"
MODELS = (models.ASYNCIO, models.UVLOOP, models.THREADS)
METRICS = {"lateness.p50": ("ms", "lower"), "lateness.p99": ("ms", "lower"), "lateness.max": ("ms", "lower")}
PROFILES = {
    "smoke": {"params": {"disturbance": ["none", "cpu-hog", "blocking-sleep"], "durationMs": [200]},
              "forks": 1, "warmup": 0, "iterations": 3},
    "quick": {"params": {"disturbance": ["none", "cpu-hog", "blocking-sleep"], "durationMs": [200]},
              "forks": 1, "warmup": 0, "iterations": 8},
    "full": {"params": {"disturbance": ["none", "cpu-hog", "blocking-sleep"], "durationMs": [500]},
             "forks": 2, "warmup": 1, "iterations": 5},
}
PERIOD_S = 0.010
SLOW_MS = 100
START_DELAY_S = 0.02


def _hog(seconds):
    end = time.perf_counter() + seconds
    i = 0
    while time.perf_counter() < end:
        for j in range(1000):
            i += j * j
    return i


def _disturb(kind, seconds):
    if kind == "cpu-hog":
        _hog(seconds)
    elif kind == "blocking-sleep":
        time.sleep(seconds)


def _figures(lateness_ms, model):
    out = {"lateness.p50": percentile(lateness_ms, 50), "lateness.p99": percentile(lateness_ms, 99),
           "lateness.max": max(lateness_ms), LOG: lateness_ms}
    stalled = 1 if max(lateness_ms) > SLOW_MS else 0
    out["stall:" + ("threadStalled" if model == models.THREADS else "loopBlocked")] = stalled
    return out


async def _loop_shot(kind, seconds):
    loop = asyncio.get_running_loop()

    async def disturbance():
        await asyncio.sleep(START_DELAY_S)
        _disturb(kind, seconds)

    other = loop.create_task(disturbance())
    lateness = []
    start = time.perf_counter()
    beats = int((seconds + 2 * START_DELAY_S) / PERIOD_S)
    for k in range(1, beats + 1):
        intended = start + k * PERIOD_S
        await asyncio.sleep(max(0.0, intended - time.perf_counter()))
        lateness.append((time.perf_counter() - intended) * 1000)
    await other
    return lateness


def _thread_shot(kind, seconds):
    lateness = []

    def heartbeat():
        start = time.perf_counter()
        beats = int((seconds + 2 * START_DELAY_S) / PERIOD_S)
        for k in range(1, beats + 1):
            intended = start + k * PERIOD_S
            time.sleep(max(0.0, intended - time.perf_counter()))
            lateness.append((time.perf_counter() - intended) * 1000)

    def disturbance():
        time.sleep(START_DELAY_S)
        _disturb(kind, seconds)

    threads = [threading.Thread(target=heartbeat), threading.Thread(target=disturbance)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return lateness


def shot(model, params, state):
    kind, seconds = params["disturbance"], int(params["durationMs"]) / 1000
    lateness = _thread_shot(kind, seconds) if model == models.THREADS else models.run_loop(
        model, _loop_shot(kind, seconds))
    return _figures(lateness, model)
