"""The interpreter a run measured: version, implementation, whether the GIL is enabled."""
import os
import platform
import sys
import threading

from . import models, procfs


def gil_enabled():
    """True unless this is a free-threaded build running without the GIL (3.13+)."""
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else bool(check())


def describe():
    """What env.json records of the CPython side."""
    return {
        "executable": sys.executable,
        "version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "gilEnabled": gil_enabled(),
        "freeThreadedBuild": bool(getattr(sys, "_is_gil_enabled", None)) and not gil_enabled()
        or bool(__import__("sysconfig").get_config_var("Py_GIL_DISABLED")),
        "switchIntervalSeconds": sys.getswitchinterval(),
        "threadStackSize": threading.stack_size() or procfs.stack_limit() or 0,
        "cores": os.cpu_count(),
        "models": {m: (models.unavailable(m) or "available") for m in models.ALL},
        "scenarios": scenario_models(),
    }


def scenario_models():
    """{scenario: [the models it implements]}: what the run may ask of this package, scenario by scenario."""
    from .scenarios import NAMES, load
    return {name: list(load(name).MODELS) for name in NAMES}
