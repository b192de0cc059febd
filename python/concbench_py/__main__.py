"""python3 -m concbench_py --scenario S --model M [--profile P] [--target HOST:PORT] --out FILE"""
import argparse
import json
import math
import os
import sys

from . import environment, models, runner
from .scenarios import NAMES, load

# "missing": what should have been measured and was not (a failed fork): the run lists it as missing.
# "skipped": what this interpreter cannot run (uvloop not installed): recorded, not missing.
# "logs": each combination's raw latencies in ms per fork and shot (runner.latency_log), which the run
# records into HdrHistogram logs (run/CPythonLogs): the HdrHistogram format is the Java library's.


def _target(text):
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError("expected HOST:PORT, found '%s'" % text)
    return host, int(port)


def encodable(value):
    """`value` with every non-finite float as the string summary.json writes ("NaN", "Infinity",
    "-Infinity"): strict JSON has no NaN token, and the run's reader (Jackson) refuses a bare one."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: encodable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encodable(v) for v in value]
    return value


def main(argv=None):
    if argv and argv[0] == "--child":
        json.dump(runner.child(json.loads(argv[1])), sys.stdout)  # to fork(), Python to Python: NaN allowed
        return 0
    p = argparse.ArgumentParser(prog="python3 -m concbench_py", description=__doc__)
    p.add_argument("--scenario", action="append",
                   help="only this scenario (repeatable; default: all of %s; others are ignored)" % ", ".join(NAMES))
    p.add_argument("--model", action="append",
                   help="only this model (repeatable; default: all of %s; others are ignored)" % ", ".join(models.ALL))
    p.add_argument("--profile", default="quick", choices=("smoke", "quick", "full"))
    p.add_argument("--target", type=_target, help="the delay server (io-load), HOST:PORT")
    p.add_argument("--out", required=True, help="where the rows go (JSON)")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)
    rows, missing, skipped, logs = [], [], [], []
    for name in [n for n in NAMES if not args.scenario or n in args.scenario]:
        scenario = load(name)
        for model in [m for m in scenario.MODELS if not args.model or m in args.model]:
            why = models.unavailable(model)
            if why is not None:
                skipped.append("%s/%s: %s" % (name, model, why))
                continue
            if getattr(scenario, "NEEDS_SERVER", False) and args.target is None:
                missing.append("%s/%s: no delay server (--target HOST:PORT)" % (name, model))
                continue
            log = None if args.quiet else (lambda label: print("concbench_py: " + label, file=sys.stderr))
            got, lost, logged = runner.run(name, model, args.profile, args.target, log=log)
            rows.extend(got)
            missing.extend(lost)
            logs.extend(logged)
    out = {"format": "concbench-python/1", "profile": args.profile, "python": environment.describe(),
           "rows": rows, "missing": missing, "skipped": skipped, "logs": logs}
    tmp = args.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(encodable(out), f, indent=1, allow_nan=False)
    os.replace(tmp, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
