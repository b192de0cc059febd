"""memory: what one waiting unit costs the process, from /proc/self/status, in bytes per unit.

`units` units are started and left waiting (asyncio: tasks awaiting an Event; threads: threads
blocked on a threading.Event); RSS (resident) and VmSize (reserved address space) are read before
they start and once all of them wait. A CPython thread's stack is a glibc pthread stack whose size
is threading.stack_size() when set, else `ulimit -s` (8 MiB by default): reserved, mostly not
resident. Every shot is a fresh process (forks = shots), so no shot reuses another's freed memory.
"""
import asyncio
import threading

from .. import models, procfs

NAME = "memory"
BENCHMARK = "concbench_py.waiting"
MODELS = (models.ASYNCIO, models.UVLOOP, models.THREADS)
METRICS = {
    "rssPerUnit": ("bytes", "lower"),
    "vmSizePerUnit": ("bytes", "lower"),
    "threads": ("count", "neutral"),
    "threadStackSize": ("bytes", "neutral"),
}
PROFILES = {
    "smoke": {"params": {"units": [200]}, "forks": 3, "warmup": 0, "iterations": 1},
    "quick": {"params": {"units": [1000]}, "forks": 5, "warmup": 0, "iterations": 1},
    "full": {"params": {"units": [1000, 5000]}, "forks": 10, "warmup": 0, "iterations": 1},
}


def stack_size():
    """The stack a new thread gets, in bytes: threading.stack_size() when set, else ulimit -s."""
    return threading.stack_size() or procfs.stack_limit() or 0


def _per_unit(before, after, units):
    rss = (after[0] - before[0]) / units
    vm = (after[1] - before[1]) / units
    out = {"rssPerUnit": rss, "vmSizePerUnit": vm, "threads": after[2], "threadStackSize": stack_size()}
    if rss < 0 or vm < 0:
        out["guard:negativeMemory"] = 1
    return out


async def _loop_units(units):
    release = asyncio.Event()
    waiting = [0]

    async def unit():
        waiting[0] += 1
        await release.wait()

    before = procfs.memory()
    tasks = [asyncio.get_running_loop().create_task(unit()) for _ in range(units)]
    while waiting[0] < units:
        await asyncio.sleep(0)
    after = procfs.memory()
    release.set()
    await asyncio.gather(*tasks)
    return before, after


def _thread_units(units):
    release = threading.Event()
    ready = threading.Semaphore(0)

    def unit():
        ready.release()
        release.wait()

    before = procfs.memory()
    threads = [threading.Thread(target=unit, daemon=True) for _ in range(units)]
    for t in threads:
        t.start()
    for _ in range(units):
        ready.acquire()
    after = procfs.memory()
    release.set()
    for t in threads:
        t.join()
    return before, after


def shot(model, params, state):
    units = int(params["units"])
    if model == models.THREADS:
        before, after = _thread_units(units)
    else:
        before, after = models.run_loop(model, _loop_units(units))
    return _per_unit(before, after, units)
