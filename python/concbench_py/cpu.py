"""What the OS saw of the CPU: the machine's busy time and this process tree's own, from /proc.

The same measure and the same rule as the JVM side's (metrics.HostCpu, bench.CpuBenchmark): a
CPU-bound shot during which other processes took more than the CPUs it left idle plus a quarter
of the CPUs it used measured the machine, not the model (`tolerated_others_share`).
"""
import os

TICKS = os.sysconf("SC_CLK_TCK")
# bench.CpuBenchmark.CONTENDED_SHARE; CPythonSideTest checks that tolerated_others_share agrees with
# CpuBenchmark.toleratedOthersShare over a grid of (CPUs used, cores)
CONTENDED_SHARE = 0.25


def tolerated_others_share(cpus_used, cores):
    """The share of the machine other processes may take during a shot that keeps `cpus_used` CPUs
    busy: the CPUs it leaves idle, plus a quarter of those it uses (1 of 2 cores: 62.5%; all: 25%)."""
    used = max(1, min(cpus_used, cores))
    return ((cores - used) + CONTENDED_SHARE * used) / cores


def busy_ticks():
    with open("/proc/stat") as f:
        cpu = f.readline().split()
    return sum(int(cpu[i]) for i in (1, 2, 3, 6, 7, 8))


def process_ticks(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except FileNotFoundError:
        return 0
    fields = stat[stat.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def own_ticks(child_pids=()):
    return process_ticks(os.getpid()) + sum(process_ticks(p) for p in child_pids)


def others_share(before, after, wall_seconds, cores):
    """The share of all CPUs' time over `wall_seconds` that other processes took; (busy, own) pairs."""
    available = wall_seconds * TICKS * cores
    others = (after[0] - before[0]) - (after[1] - before[1])
    return 0.0 if available <= 0 else max(0, others) / available
