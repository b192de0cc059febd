"""context-switch: one hand-off of control between two tasks, in ns.

asyncio: two tasks take turns through futures (set_result wakes the other, await parks this one):
a callback queued on the same thread, no syscall. threads: two threads take turns through two locks
used as binary semaphores: a futex wake-up and a kernel switch, plus the GIL changing hands.
"""
import asyncio
import threading
import time

from .. import models

NAME = "context-switch"
BENCHMARK = "concbench_py.handoff"
MODELS = (models.ASYNCIO, models.UVLOOP, models.THREADS)
METRICS = {"handoff": ("ns/op", "lower")}
PROFILES = {
    "smoke": {"params": {}, "forks": 1, "warmup": 1, "iterations": 3},
    "quick": {"params": {}, "forks": 2, "warmup": 1, "iterations": 8},
    "full": {"params": {}, "forks": 3, "warmup": 2, "iterations": 5},
}
# round trips per shot: each shot lasts ~100 ms at the expected cost (~3 us on a loop, ~40 us threads)
ROUND_TRIPS = {models.ASYNCIO: 20000, models.UVLOOP: 20000, models.THREADS: 1500}


async def _loop_handoffs(round_trips):
    loop = asyncio.get_running_loop()
    box = {"ping": loop.create_future()}

    async def pong():
        for _ in range(round_trips):
            await box["ping"]
            box["ping"] = loop.create_future()
            box["pong"].set_result(None)

    box["pong"] = loop.create_future()
    other = loop.create_task(pong())
    await asyncio.sleep(0)
    start = time.perf_counter_ns()
    for _ in range(round_trips):
        fut = box["ping"]
        waiter = box["pong"]
        fut.set_result(None)
        await waiter
        box["pong"] = loop.create_future()
    elapsed = time.perf_counter_ns() - start
    await other
    return elapsed


def _thread_handoffs(round_trips):
    ping, pong = threading.Lock(), threading.Lock()
    ping.acquire()
    pong.acquire()

    def other():
        for _ in range(round_trips):
            ping.acquire()
            pong.release()

    t = threading.Thread(target=other)
    t.start()
    start = time.perf_counter_ns()
    for _ in range(round_trips):
        ping.release()
        pong.acquire()
    elapsed = time.perf_counter_ns() - start
    t.join()
    return elapsed


def shot(model, params, state):
    n = ROUND_TRIPS[model]
    elapsed = _thread_handoffs(n) if model == models.THREADS else models.run_loop(model, _loop_handoffs(n))
    return {"handoff": elapsed / (2 * n)}
