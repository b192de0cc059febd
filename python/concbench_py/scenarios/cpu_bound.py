"""cpu-bound: a fixed total of the seed's `i * i` loop split over `workers` tasks, in ms per shot.

asyncio: `workers` coroutines gathered on one loop (one thread runs them all); threads: a
ThreadPoolExecutor of `workers` threads (the GIL lets one run bytecode at a time); processes: a
ProcessPoolExecutor of `workers` processes (no shared GIL). Pools are made and warmed outside the
timed shot. A shot during which other processes took more than the CPUs it leaves idle plus a quarter
of those it uses carries the cpuContended guard (the JVM side's rule: cpu.tolerated_others_share);
the run tolerates one such shot in ten (vocab.Guard), as on the JVM. What a shot uses: `cpus_used`.
"""
import asyncio
import concurrent.futures
import os
import time

from .. import cpu, environment, models

NAME = "cpu-bound"
BENCHMARK = "concbench_py.burn"
MODELS = (models.ASYNCIO, models.THREADS, models.PROCESSES)
METRICS = {"time": ("ms/op", "lower")}
PROFILES = {
    "smoke": {"params": {"workers": [1, 2], "totalBurn": [2000000]}, "forks": 1, "warmup": 1, "iterations": 3},
    # workers 1 and 2: the claims read 1 and the largest N <= cores (2 here); 4 is in full (trimmed for quick's 10 min)
    "quick": {"params": {"workers": [1, 2], "totalBurn": [2000000]}, "forks": 1, "warmup": 1,
              "iterations": 8},
    "full": {"params": {"workers": [1, 2, 4, 8], "totalBurn": [10000000]}, "forks": 2, "warmup": 2,
             "iterations": 5},
}


def burn(n):
    """The seed's loop: `for i in range(n): _ = i * i`, returning a checksum so nothing is skipped."""
    total = 0
    for i in range(n):
        total += i * i
    return total


async def _gathered(workers, share):
    async def task():
        return burn(share)
    return sum(await asyncio.gather(*(task() for _ in range(workers))))


def setup(model, params):
    workers = int(params["workers"])
    if model == models.THREADS:
        pool = concurrent.futures.ThreadPoolExecutor(workers)
    elif model == models.PROCESSES:
        pool = concurrent.futures.ProcessPoolExecutor(workers)
    else:
        return None
    # start every worker before any shot is timed
    list(pool.map(burn, [1] * workers * 4))
    return pool


def teardown(state):
    if state is not None:
        state.shutdown()


def _children(pool):
    procs = getattr(pool, "_processes", None) or {}
    return list(procs.keys())


def cpus_used(model, workers, cores, gil_enabled):
    """The CPUs a shot of `model` keeps busy: one for the loop (every coroutine on its one thread); one
    for threads while the GIL is enabled (they take turns holding it, so however many there are, one
    runs bytecode at a time and the others wait off-CPU for it), min(workers, cores) on a free-threaded
    build running without it; min(workers, cores) for processes (each its own interpreter and GIL)."""
    if model == models.PROCESSES or (model == models.THREADS and not gil_enabled):
        return min(workers, cores)
    return 1


def shot(model, params, state):
    workers = int(params["workers"])
    share = int(params["totalBurn"]) // workers
    children = _children(state) if model == models.PROCESSES else []
    before = (cpu.busy_ticks(), cpu.own_ticks(children))
    start = time.perf_counter()
    if state is None:
        models.run_loop(model, _gathered(workers, share))
    else:
        for f in [state.submit(burn, share) for _ in range(workers)]:
            f.result()
    wall = time.perf_counter() - start
    after = (cpu.busy_ticks(), cpu.own_ticks(children))
    cores = os.cpu_count()
    taken = cpu.others_share(before, after, wall, cores)
    tolerated = cpu.tolerated_others_share(cpus_used(model, workers, cores, environment.gil_enabled()), cores)
    return {"time": wall * 1000, "guard:cpuContended": 1 if taken > tolerated else 0}
