"""io-load: GET /delay/{delayMs} on concbench's delay server at a constant arrival rate (open loop).

Request i is due at start + i / rate; its latency is measured from that intended time, so a
driver that falls behind cannot hide it (no coordinated omission). asyncio: one loop sends each
request as a task over its own connection (asyncio streams); threads: a driver thread hands each
request at its due time to a ThreadPoolExecutor of poolSize threads using http.client (a pool of
20 serves at most 200 req/s of 100 ms requests: Little's law). After durationMs of sending, a
drain window of 2 s: requests still running then are notCompleted. A send that went out more than
one period or 10 ms after its due time counts as dropped; more than 5% of a shot's sends dropped
is the dropped guard (the JVM driver's rules). In CPython the driver shares the interpreter (and
its GIL) with the model it loads: the latency from the intended time still tells. The rates are
lower than the JVM's: one CPython loop cannot open 1,000 connections a second here and keep its
schedule, so those rows would all be guarded. Every completed request's latency goes to LOG (the
JVM's io-load log).
"""
import asyncio
import concurrent.futures
import http.client
import threading
import time

from .. import models
from . import LOG
from .scalability import percentile

NAME = "io-load"
BENCHMARK = "concbench_py.openLoop"
MODELS = (models.ASYNCIO, models.UVLOOP, models.THREADS)
METRICS = {
    "latency.p50": ("ms", "lower"), "latency.p99": ("ms", "lower"), "latency.p999": ("ms", "lower"),
    "latency.max": ("ms", "lower"), "throughput": ("req/s", "higher"), "notCompleted": ("count", "lower"),
    "dropped": ("count", "lower"),
}
PROFILES = {
    "smoke": {"params": {"rate": [100], "delayMs": [10], "durationMs": [200]}, "forks": 1, "warmup": 0,
              "iterations": 3, "variants": {models.THREADS: {"poolSize": [20]}}},
    "quick": {"params": {"rate": [100, 200, 400], "delayMs": [100], "durationMs": [300]}, "forks": 1,
              "warmup": 1, "iterations": 4, "variants": {models.THREADS: {"poolSize": [20]}}},
    "full": {"params": {"rate": [100, 200, 400, 800], "delayMs": [100], "durationMs": [1000]},
             "forks": 1, "warmup": 1, "iterations": 5, "variants": {models.THREADS: {"poolSize": [20]}}},
}
DRAIN_S = 2.0
LATE_S = 0.010
NEEDS_SERVER = True


def _schedule(rate, seconds, start):
    """Each request's due time: request i at start + i / rate, for `seconds`."""
    return [start + i / rate for i in range(int(rate * seconds))]


def _late(due, rate):
    """Whether a send now missed its due time by more than one period or 10 ms (the JVM driver's rule)."""
    return time.perf_counter() - due > max(1 / rate, LATE_S)


def _request_bytes(host, delay_ms):
    return ("GET /delay/%d HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (delay_ms, host)).encode()


async def _loop_shot(host, port, rate, delay_ms, seconds):
    loop = asyncio.get_running_loop()
    payload = _request_bytes(host, delay_ms)
    latencies, late = [], [0]

    async def request(due):
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(payload)
        await reader.read()  # to EOF: the server closes after its response
        writer.close()
        done = time.perf_counter()
        latencies.append(((done - due) * 1000, done))

    start = time.perf_counter()
    tasks = []
    for due in _schedule(rate, seconds, start):
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        late[0] += _late(due, rate)
        tasks.append(loop.create_task(request(due)))
    done, pending = await asyncio.wait(tasks, timeout=DRAIN_S)
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    failed = sum(1 for t in done if t.exception() is not None)
    return len(tasks), latencies, len(pending) + failed, late[0], start


def _thread_shot(host, port, rate, delay_ms, seconds, pool_size):
    latencies, lock = [], threading.Lock()

    def request(due):
        conn = http.client.HTTPConnection(host, port, timeout=10)
        try:
            conn.request("GET", "/delay/%d" % delay_ms, headers={"Connection": "close"})
            conn.getresponse().read()
        finally:
            conn.close()
        done = time.perf_counter()
        with lock:
            latencies.append(((done - due) * 1000, done))

    late = 0
    with concurrent.futures.ThreadPoolExecutor(pool_size) as pool:
        list(pool.map(lambda _: None, range(pool_size * 2)))  # threads started before the shot
        start = time.perf_counter()
        futures = []
        for due in _schedule(rate, seconds, start):
            time.sleep(max(0.0, due - time.perf_counter()))
            late += _late(due, rate)
            futures.append(pool.submit(request, due))
        done, pending = concurrent.futures.wait(futures, timeout=max(0.0, start + seconds + DRAIN_S - time.perf_counter()))
        for f in pending:
            f.cancel()
        failed = sum(1 for f in done if f.exception() is not None)
        with lock:
            snapshot = list(latencies)
    return len(futures), snapshot, len(pending) + failed, late, start


def shot(model, params, state):
    host, port = params["_target"]
    rate, delay, seconds = float(params["rate"]), int(params["delayMs"]), int(params["durationMs"]) / 1000
    if model == models.THREADS:
        n, lat, not_completed, late, start = _thread_shot(host, port, rate, delay, seconds, int(params["poolSize"]))
    else:
        n, lat, not_completed, late, start = models.run_loop(model, _loop_shot(host, port, rate, delay, seconds))
    if not lat:
        return {"notCompleted": not_completed, "dropped": late, "guard:incomplete": 1}
    last = max(done for _, done in lat)
    lat = [ms for ms, _ in lat]
    return {
        "latency.p50": percentile(lat, 50), "latency.p99": percentile(lat, 99),
        "latency.p999": percentile(lat, 99.9), "latency.max": max(lat),
        "throughput": len(lat) / max(1e-9, last - start), "notCompleted": not_completed, "dropped": late,
        "guard:dropped": late if late > 0.05 * n else 0, LOG: lat,
    }
