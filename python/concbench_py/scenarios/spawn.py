"""spawn: create a unit, let it run a no-op, wait for it, in us per unit.

asyncio: create_task + await; threads: threading.Thread start + join; processes: a forked
multiprocessing.Process start + join (a whole process per unit).
"""
import asyncio
import multiprocessing
import threading
import time

from .. import models

NAME = "spawn"
BENCHMARK = "concbench_py.spawn"
MODELS = (models.ASYNCIO, models.UVLOOP, models.THREADS, models.PROCESSES)
METRICS = {"spawn": ("us/op", "lower")}
PROFILES = {
    "smoke": {"params": {}, "forks": 1, "warmup": 1, "iterations": 3},
    # 5 shots (trimmed for quick's 10 minutes): spawn is context in the context-switch evidence only
    "quick": {"params": {}, "forks": 1, "warmup": 1, "iterations": 5},
    "full": {"params": {}, "forks": 3, "warmup": 2, "iterations": 5},
}
UNITS = {models.ASYNCIO: 20000, models.UVLOOP: 20000, models.THREADS: 1000, models.PROCESSES: 20}


def _noop():
    pass


async def _anoop():
    pass


async def _loop_spawns(n):
    loop = asyncio.get_running_loop()
    start = time.perf_counter_ns()
    for _ in range(n):
        await loop.create_task(_anoop())
    return time.perf_counter_ns() - start


def shot(model, params, state):
    n = UNITS[model]
    if model in models.LOOPS:
        elapsed = models.run_loop(model, _loop_spawns(n))
    else:
        make = threading.Thread if model == models.THREADS else multiprocessing.get_context("fork").Process
        start = time.perf_counter_ns()
        for _ in range(n):
            unit = make(target=_noop)
            unit.start()
            unit.join()
        elapsed = time.perf_counter_ns() - start
    return {"spawn": elapsed / n / 1000}
