"""What the OS saw: /proc/self/status fields (RSS, VmSize, threads, context switches)."""
import resource


def status(path="/proc/self/status"):
    """The fields of a /proc status file as text, e.g. {'VmRSS': '1234 kB', 'Threads': '3'}."""
    fields = {}
    with open(path) as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def kib_bytes(text):
    """'1234 kB' -> 1263616 (bytes)."""
    number, _, unit = text.partition(" ")
    if unit not in ("kB", ""):
        raise ValueError("expected a size in kB, found " + repr(text))
    return int(number) * 1024


def memory():
    """(rss, vmsize, threads) of this process: bytes, bytes, count."""
    s = status()
    return kib_bytes(s["VmRSS"]), kib_bytes(s["VmSize"]), int(s["Threads"])


def ctx_switches():
    """(voluntary, involuntary) context switches of every thread of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_nvcsw, usage.ru_nivcsw


def stack_limit():
    """The soft stack limit (ulimit -s) in bytes, or None when unlimited: glibc's default thread stack."""
    soft, _ = resource.getrlimit(resource.RLIMIT_STACK)
    return None if soft == resource.RLIM_INFINITY else soft
