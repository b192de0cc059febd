"""Every scenario's shot runs on every model it lists and returns its metrics (behaviour, never speed)."""
import threading
import unittest

from concbench_py import cpu, models, procfs
from concbench_py.scenarios import LOG
from concbench_py.scenarios import (context_switch, cpu_bound, determinism, memory, preemption, scalability,
                                    spawn)


def available(scenario):
    return [m for m in scenario.MODELS if models.unavailable(m) is None]


class ScenarioShotsTest(unittest.TestCase):
    def test_handoff_and_spawn_are_positive_costs(self):
        for m in available(context_switch):
            self.assertGreater(context_switch.shot(m, {}, None)["handoff"], 0, m)
        old = dict(spawn.UNITS)
        try:
            spawn.UNITS.update({k: 3 for k in spawn.UNITS})
            for m in available(spawn):
                self.assertGreater(spawn.shot(m, {}, None)["spawn"], 0, m)
        finally:
            spawn.UNITS.update(old)

    def test_memory_reads_proc_and_the_stack_size(self):
        for m in available(memory):
            got = memory.shot(m, {"units": "20"}, None)
            self.assertEqual(set(got) - {"guard:negativeMemory"}, set(memory.METRICS), m)
        self.assertGreater(memory.stack_size(), 0)
        rss, vm, threads = procfs.memory()
        self.assertTrue(0 < rss <= vm and threads >= 1)

    def test_threads_unit_is_an_os_thread(self):
        got = memory.shot(models.THREADS, {"units": "10"}, None)
        self.assertGreaterEqual(got["threads"], 11)

    def test_scalability_units_finish_after_their_sleep(self):
        for m in available(scalability):
            got = scalability.shot(m, {"tasks": "10"}, None)
            self.assertGreaterEqual(got["latencyFromGate.p99"], 100 * 0.99, m)
            # the log: every unit's completion, from its creation (so not before its gate-timed figure)
            self.assertEqual(len(got[LOG]), 10, m)
            self.assertGreaterEqual(min(got[LOG]), 100 * 0.99, m)

    def test_cpu_bound_checksum_and_pools(self):
        self.assertEqual(cpu_bound.burn(4), 0 + 1 + 4 + 9)
        for m in available(cpu_bound):
            params = {"workers": "2", "totalBurn": "1000"}
            state = cpu_bound.setup(m, params)
            try:
                self.assertIn("time", cpu_bound.shot(m, params, state), m)
            finally:
                cpu_bound.teardown(state)

    def test_preemption_figures_are_ordered(self):
        for m in available(preemption):
            got = preemption.shot(m, {"disturbance": "none", "durationMs": "30"}, None)
            self.assertLessEqual(got["lateness.p50"], got["lateness.max"], m)

    def test_a_blocking_sleep_stalls_the_loop_but_not_the_threads_heartbeat(self):
        # behaviour, not speed: 300 ms of time.sleep on the loop thread delays its heartbeat by
        # the sleep; on a thread of its own the sleep holds neither the GIL nor the heartbeat
        loop = preemption.shot(models.ASYNCIO, {"disturbance": "blocking-sleep", "durationMs": "300"}, None)
        self.assertGreaterEqual(loop["lateness.max"], 250)
        self.assertEqual(loop["stall:loopBlocked"], 1)

    def test_the_loop_without_an_await_loses_nothing_and_with_one_loses_the_same_every_run(self):
        plain = determinism.shot(models.ASYNCIO, {"await": "none"}, None)
        self.assertEqual(plain["lostUpdates"], 0)
        runs = [determinism.shot(models.ASYNCIO, {"await": "between"}, None) for _ in range(3)]
        self.assertGreater(runs[0]["lostUpdates"], 0)
        self.assertEqual(len({r["outcome"] for r in runs}), 1)
        self.assertEqual(determinism.derive(runs)["distinctOutcomes"], (1, 0.0, 3))

    def test_threads_lose_updates_and_the_switch_interval_is_restored(self):
        # behaviour, not timing: with a 1 us switch interval the GIL changes hands inside the
        # read-call-write window, so some of 4 x 5,000 increments are lost; one run could in principle
        # lose none, so the test asks for a loss in at least one of ten (the quick run lost ~8,000 per run)
        import sys
        before = sys.getswitchinterval()
        lost = []
        for _ in range(10):
            got = determinism.shot(models.THREADS, {"switchIntervalUs": "1"}, None)
            lost.append(got["lostUpdates"])
            self.assertEqual(got["lostUpdates"] + got["outcome"], determinism.TASKS * determinism.INCREMENTS)
            self.assertEqual(sys.getswitchinterval(), before)
            if got["lostUpdates"] > 0:
                break
        self.assertGreater(max(lost), 0, "threads lost no update in %d runs" % len(lost))
        self.assertEqual(threading.active_count(), 1)

    def test_what_a_cpu_bound_shot_uses_and_what_others_may_take(self):
        self.assertEqual(cpu_bound.cpus_used(models.ASYNCIO, 4, 2, True), 1)
        self.assertEqual(cpu_bound.cpus_used(models.THREADS, 4, 2, True), 1, "the GIL: one thread at a time")
        self.assertEqual(cpu_bound.cpus_used(models.THREADS, 4, 2, False), 2, "free-threaded: up to the cores")
        self.assertEqual(cpu_bound.cpus_used(models.PROCESSES, 1, 2, True), 1)
        self.assertEqual(cpu_bound.cpus_used(models.PROCESSES, 4, 2, True), 2)
        # the JVM's figures (CpuBenchmark.toleratedOthersShare): 1 of 2 cores 62.5%, all cores 25%
        self.assertAlmostEqual(cpu.tolerated_others_share(1, 2), 0.625)
        self.assertAlmostEqual(cpu.tolerated_others_share(2, 2), 0.25)
        self.assertAlmostEqual(cpu.tolerated_others_share(8, 2), 0.25)
        self.assertAlmostEqual(cpu.tolerated_others_share(0, 4), 0.8125)


if __name__ == "__main__":
    unittest.main()
