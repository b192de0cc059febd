import math
import unittest

from concbench_py import runner
from concbench_py.scenarios import load


class RunnerRowsTest(unittest.TestCase):
    def test_rows_carry_mean_error_samples_and_per_fork_values(self):
        scenario = load("context-switch")
        forks = [[{"handoff": 1.0}, {"handoff": 3.0}], [{"handoff": 2.0}]]
        (row,) = runner.rows(scenario, "python-asyncio", {}, forks)
        self.assertEqual(row["value"], 2.0)
        self.assertEqual(row["samples"], 3)
        self.assertEqual(row["perFork"], [[1.0, 3.0], [2.0]])
        self.assertGreater(row["error"], 0)
        self.assertEqual((row["unit"], row["better"], row["metric"]), ("ns/op", "lower", "handoff"))

    def test_a_guard_count_goes_on_every_row_of_the_combination(self):
        scenario = load("cpu-bound")
        forks = [[{"time": 5.0, "guard:cpuContended": 1}, {"time": 5.0, "guard:cpuContended": 0}]]
        (row,) = runner.rows(scenario, "python-threads", {"workers": "2"}, forks)
        self.assertEqual(row["guardCounts"], {"cpuContended": 1})

    def test_a_stall_needs_two_shots(self):
        scenario = load("preemption")
        shot = {"lateness.p50": 1.0, "lateness.p99": 2.0, "lateness.max": 150.0}
        once = [[dict(shot, **{"stall:threadStalled": 1}), dict(shot, **{"stall:threadStalled": 0})]]
        twice = [[dict(shot, **{"stall:threadStalled": 1}), dict(shot, **{"stall:threadStalled": 1})]]
        self.assertEqual(runner.rows(scenario, "python-threads", {}, once)[0]["guardCounts"], {})
        self.assertEqual(runner.rows(scenario, "python-threads", {}, twice)[0]["guardCounts"], {"threadStalled": 2})

    def test_derived_counts_are_exact(self):
        scenario = load("determinism")
        shots = [[{"lostUpdates": 3, "outcome": 7, "voluntaryCtxSwitches": 1, "involuntaryCtxSwitches": 0},
                  {"lostUpdates": 4, "outcome": 6, "voluntaryCtxSwitches": 1, "involuntaryCtxSwitches": 0},
                  {"lostUpdates": 3, "outcome": 7, "voluntaryCtxSwitches": 1, "involuntaryCtxSwitches": 0}]]
        rows = {r["metric"]: r for r in runner.rows(scenario, "python-threads", {}, shots)}
        self.assertEqual((rows["distinctOutcomes"]["value"], rows["distinctOutcomes"]["error"],
                          rows["distinctOutcomes"]["samples"]), (2, 0.0, 3))
        self.assertFalse(math.isnan(rows["lostUpdates"]["error"]))

    def test_combinations_add_a_models_own_variants(self):
        scenario = load("determinism")
        self.assertEqual(runner.combinations(scenario, "python-asyncio", "smoke"),
                         [{"await": "none", "runs": "5"}, {"await": "between", "runs": "5"}])
        self.assertEqual(runner.combinations(scenario, "python-threads", "smoke"),
                         [{"runs": "5", "switchIntervalUs": "1"}])

    def test_every_combination_has_the_params_its_shot_reads(self):
        # a model's own parameter (io-load's poolSize) must be in every profile that runs it
        from concbench_py.scenarios import NAMES
        needs = {("io-load", "python-threads"): "poolSize", ("determinism", "python-threads"): "switchIntervalUs",
                 ("determinism", "python-asyncio"): "await"}
        for (name, model), param in needs.items():
            for profile in ("smoke", "quick", "full"):
                for combo in runner.combinations(load(name), model, profile):
                    self.assertIn(param, combo, "%s %s %s" % (name, model, profile))
        self.assertEqual(len(NAMES), 8)

    def test_a_logging_scenarios_shots_hand_over_their_raw_values_in_ms(self):
        spec = {"scenario": "preemption", "model": "python-threads", "warmup": 0, "iterations": 2,
                "params": {"disturbance": "none", "durationMs": "30"}}
        shots = runner.child(spec)
        for shot in shots:
            log = shot[runner.LOG]
            self.assertLessEqual(log["startMs"], log["endMs"])
            # every beat's lateness, the list the shot's percentiles come from
            self.assertEqual(max(log["values"]), shot["lateness.max"])
            self.assertGreaterEqual(len(log["values"]), 3)
        entry = runner.latency_log(load("preemption"), "python-threads", spec["params"], [shots])
        self.assertEqual((entry["scenario"], entry["model"], entry["unit"]), ("preemption", "python-threads", "ms"))
        self.assertEqual(entry["forks"], [[s[runner.LOG] for s in shots]])

    def test_a_scenario_without_a_log_gives_none(self):
        self.assertIsNone(runner.latency_log(load("context-switch"), "python-asyncio", {}, [[{"handoff": 1.0}]]))

    def test_a_shots_log_is_bounded_keeping_its_extremes(self):
        self.assertEqual(runner.bounded([3, 1, 2], limit=5), [3, 1, 2])
        got = runner.bounded(list(range(1000, 0, -1)), limit=10)
        self.assertEqual(len(got), 10)
        self.assertEqual((got[0], got[-1]), (1, 1000))
        self.assertEqual(got, sorted(got))

    def test_every_profile_gives_at_least_three_samples(self):
        from concbench_py.scenarios import NAMES
        for name in NAMES:
            for profile, plan in load(name).PROFILES.items():
                self.assertGreaterEqual(plan["forks"] * plan["iterations"], 3, "%s %s" % (name, profile))


if __name__ == "__main__":
    unittest.main()
