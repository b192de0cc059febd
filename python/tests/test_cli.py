"""environment.describe() (what the run reads to find the side) and the command's arguments and output."""
import contextlib
import io
import json
import os
import platform
import sys
import tempfile
import unittest
from unittest import mock

from concbench_py import __main__ as cli, environment, models
from concbench_py.scenarios import NAMES, load


class DescribeTest(unittest.TestCase):
    def test_describe_says_which_interpreter_this_is(self):
        got = environment.describe()
        self.assertTrue(got["version"].startswith("%d.%d.%d" % sys.version_info[:3]), got["version"])
        self.assertEqual(got["implementation"], platform.python_implementation())
        self.assertEqual(got["executable"], sys.executable)
        self.assertIsInstance(got["gilEnabled"], bool)
        self.assertIsInstance(got["freeThreadedBuild"], bool)
        self.assertEqual(got["cores"], os.cpu_count())
        self.assertGreater(got["threadStackSize"], 0)
        self.assertEqual(set(got["models"]), set(models.ALL))
        self.assertTrue(all(v == "available" or v for v in got["models"].values()))
        json.dumps(got, allow_nan=False)

    def test_describe_lists_each_scenarios_models(self):
        got = environment.describe()["scenarios"]
        self.assertEqual(list(got), list(NAMES))
        for name in NAMES:
            self.assertEqual(got[name], list(load(name).MODELS), name)
        self.assertNotIn(models.PROCESSES, got["determinism"])


class CommandLineTest(unittest.TestCase):
    def bad(self, *argv):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), self.assertRaises(SystemExit) as done:
            cli.main(list(argv))
        self.assertEqual(done.exception.code, 2, err.getvalue())
        return err.getvalue()

    def test_bad_arguments_are_usage_errors(self):
        self.assertIn("--out", self.bad("--scenario", "spawn"))
        self.assertIn("invalid choice: 'huge'", self.bad("--profile", "huge", "--out", "x.json"))
        self.assertIn("expected HOST:PORT, found 'nowhere'", self.bad("--target", "nowhere", "--out", "x.json"))
        self.assertIn("expected HOST:PORT", self.bad("--target", "host:port", "--out", "x.json"))

    def test_a_nan_error_is_written_as_summary_jsons_string(self):
        # a metric seen in one shot has no interval: error NaN, which strict JSON (and the run's reader) refuses bare
        row = {"scenario": "spawn", "metric": "spawn", "value": 1.5, "error": float("nan"), "samples": 1,
               "perFork": [[1.5]], "extra": [float("inf"), -float("inf")]}
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "rows.json")
            with mock.patch.object(cli.runner, "run", return_value=([row], [], [])):
                self.assertEqual(cli.main(["--quiet", "--scenario", "spawn", "--model", models.THREADS, "--out", out]), 0)
            with open(out) as f:
                text = f.read()
        def refuse(token):
            raise ValueError("bare " + token)
        written = json.loads(text, parse_constant=refuse)
        self.assertEqual(written["rows"][0]["error"], "NaN")
        self.assertEqual(written["rows"][0]["extra"], ["Infinity", "-Infinity"])
        self.assertEqual(written["rows"][0]["value"], 1.5)

    def test_the_latency_logs_are_written_beside_the_rows(self):
        log = {"scenario": "preemption", "model": models.THREADS, "params": {"disturbance": "none"}, "unit": "ms",
               "forks": [[{"startMs": 1, "endMs": 2, "values": [0.5, 1.25]}]]}
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "rows.json")
            with mock.patch.object(cli.runner, "run", return_value=([], [], [log])):
                cli.main(["--quiet", "--scenario", "preemption", "--model", models.THREADS, "--out", out])
            with open(out) as f:
                written = json.load(f)
        self.assertEqual(written["logs"], [log])

    def test_a_model_the_interpreter_lacks_is_skipped_not_missing(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "rows.json")
            with mock.patch.object(cli.models, "unavailable", return_value="not here"):
                cli.main(["--quiet", "--scenario", "spawn", "--model", models.UVLOOP, "--out", out])
            with open(out) as f:
                written = json.load(f)
        self.assertEqual((written["rows"], written["missing"]), ([], []))
        self.assertEqual(written["skipped"], ["spawn/python-uvloop: not here"])


if __name__ == "__main__":
    unittest.main()
