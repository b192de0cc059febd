"""The CPython models, by the names concbench's vocab.ModelKind gives them."""
import asyncio
import importlib.util

ASYNCIO = "python-asyncio"
UVLOOP = "python-uvloop"
THREADS = "python-threads"
PROCESSES = "python-processes"

ALL = (ASYNCIO, UVLOOP, THREADS, PROCESSES)
LOOPS = (ASYNCIO, UVLOOP)


def unavailable(model):
    """Why `model` cannot run on this interpreter, or None when it can."""
    if model not in ALL:
        return "unknown model '%s' (expected one of %s)" % (model, ", ".join(ALL))
    if model == UVLOOP and importlib.util.find_spec("uvloop") is None:
        return "uvloop is not installed (pip install uvloop, or apt-get install python3-uvloop)"
    return None


def run_loop(model, coro):
    """Runs `coro` to completion on a fresh event loop of `model` (asyncio's own, or uvloop's)."""
    if model == UVLOOP:
        import uvloop
        loop = uvloop.new_event_loop()
    elif model == ASYNCIO:
        loop = asyncio.new_event_loop()
    else:
        raise ValueError("%s is not an event-loop model" % model)
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()
