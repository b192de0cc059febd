"""The scenarios, one module each, by the name of concbench's scenario file they mirror.

A scenario module defines NAME, BENCHMARK, MODELS, METRICS ({metric: (unit, better)}), PROFILES
({profile: {"params": {name: [values]}, "forks", "warmup", "iterations", "models"?}}) and
`shot(model, params, state)`, one timed sample: {metric: value}, plus {"guard:<key>": count} for a
guard of concbench's vocab.Guard (the run turns the key into the row's guard text), plus {LOG: [ms, ...]}
for a scenario whose JVM benchmark writes an HdrHistogram log (the values its percentiles come from, in
milliseconds, as that log measures them). Optional:
`setup(model, params)` -> state (untimed, once per fork), `teardown(state)`, and
`derive(shots)` -> {metric: (value, error, samples)} for figures over all shots (an exact count).
"""
import importlib

LOG = "log"
NAMES = ("context-switch", "spawn", "memory", "scalability", "cpu-bound", "preemption", "determinism", "io-load")


def load(name):
    """The module of scenario `name`."""
    if name not in NAMES:
        raise ValueError("unknown scenario '%s' (expected one of %s)" % (name, ", ".join(NAMES)))
    return importlib.import_module(__name__ + "." + name.replace("-", "_"))
