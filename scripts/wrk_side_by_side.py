#!/usr/bin/env python3
"""wrk against each server in interleaved rounds; req/s and server CPU per request (utime+stime of the
server process from /proc/PID/stat, before and after each round). Usage:
  scripts/wrk_side_by_side.py [--rounds 3] [--duration 5] [--connections 50] [--jar target/concbench.jar]
      [--servers loop,netty,asyncio,uvloop] [--jvm-arg A]...
Prints one markdown row per (server, round) and a summary (median) per server; docs/loop-performance.md
quotes its output."""
import argparse, os, re, socket, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
TICK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def java25():
    """The java of JAVA_HOME when it is >= 25, else the newest JDK >= 25 under /usr/lib/jvm (as run-bench.sh)."""
    def major(home):
        if not os.access(os.path.join(home, "bin", "java"), os.X_OK):
            return 0
        out = subprocess.run([os.path.join(home, "bin", "java"), "-XshowSettings:properties", "-version"],
                             capture_output=True, text=True).stderr
        m = re.search(r"java\.specification\.version = (\d+)", out)
        return int(m.group(1)) if m else 0
    homes = [os.environ["JAVA_HOME"]] if os.environ.get("JAVA_HOME") else []
    root = "/usr/lib/jvm"
    homes += sorted((os.path.join(root, d) for d in os.listdir(root) if not os.path.islink(os.path.join(root, d))),
                    key=lambda h: -major(h)) if os.path.isdir(root) else []
    for home in homes:
        if os.access(os.path.join(home, "bin", "java"), os.X_OK) and major(home) >= 25:
            return os.path.join(home, "bin", "java")
    sys.exit("wrk_side_by_side.py: no JDK >= 25 (checked JAVA_HOME and /usr/lib/jvm)")


def start(kind, port, args):
    if kind in ("loop", "netty"):
        cmd = [java25(), *args.jvm_arg, "-cp", args.jar, "dev.concbench.server.DelayServerMain",
               "--port", str(port), "--impl", kind]
    else:
        cmd = ["/usr/bin/python3", os.path.join(HERE, "asyncio_server.py"), str(port), kind]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
    if not p.stdout.readline():  # each server prints one line once it listens
        sys.exit(f"wrk_side_by_side.py: the {kind} server did not start (exit {p.wait()}): {' '.join(cmd)}")
    return p


def wrk(port, args, seconds):
    out = subprocess.run(["wrk", "-t1", f"-c{args.connections}", f"-d{seconds}s", f"http://127.0.0.1:{port}/"],
                         capture_output=True, text=True, check=True).stdout
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*", out)
    if errors:
        sys.exit(f"wrk saw errors against port {port}: {errors.group(0)}")
    return total, float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--jar", default=os.path.join(HERE, "..", "target", "concbench.jar"))
    ap.add_argument("--servers", default="loop,netty,asyncio,uvloop")
    ap.add_argument("--jvm-arg", action="append", default=[])
    args = ap.parse_args()
    kinds = args.servers.split(",")
    procs = {k: (start(k, port := free_port(), args), port) for k in kinds}
    try:
        for k, (p, port) in procs.items():  # JIT warm-up, not measured
            wrk(port, args, args.warmup)
        rows = {k: [] for k in kinds}
        print("| round | server | req/s | server CPU per request (us) |\n| --- | --- | --- | --- |")
        for r in range(1, args.rounds + 1):
            for k, (p, port) in procs.items():
                before = cpu_seconds(p.pid)
                total, rps = wrk(port, args, args.duration)
                cpu_us = (cpu_seconds(p.pid) - before) * 1e6 / total
                rows[k].append((rps, cpu_us))
                print(f"| {r} | {k} | {rps:,.0f} | {cpu_us:.2f} |", flush=True)
        print("\n| server | req/s (median) | CPU per request, us (median) |\n| --- | --- | --- |")
        for k in kinds:
            print(f"| {k} | {statistics.median(x[0] for x in rows[k]):,.0f} | "
                  f"{statistics.median(x[1] for x in rows[k]):.2f} |")
    finally:
        for p, _ in procs.values():
            p.stdin.close() if p.stdin else None
            p.terminate()
            p.wait(10)


if __name__ == "__main__":
    main()
