"""io-load against a tiny stand-in delay server on 127.0.0.1 (the real one is concbench's Java server)."""
import http.server
import threading
import time
import unittest

from concbench_py import models
from concbench_py.scenarios import LOG, io_load


class _Delay(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(int(self.path.rsplit("/", 1)[1]) / 1000)
        body = b"{}"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class IoLoadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Delay)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def test_every_request_completes_and_latency_includes_the_delay(self):
        params = {"_target": self.server.server_address, "rate": "50", "delayMs": "20", "durationMs": "100",
                  "poolSize": "4"}
        for m in [m for m in io_load.MODELS if models.unavailable(m) is None]:
            got = io_load.shot(m, params, None)
            self.assertEqual(got["notCompleted"], 0, m)
            self.assertGreaterEqual(got["latency.p50"], 20 * 0.99, m)
            self.assertLessEqual(got["latency.p50"], got["latency.max"], m)
            self.assertEqual(len(got[LOG]), 5, m)  # every request's latency (ms): 50/s for 100 ms
            self.assertEqual(max(got[LOG]), got["latency.max"], m)


if __name__ == "__main__":
    unittest.main()
