#!/usr/bin/env bash
# The delay server under a real load generator (issue 3): wrk at 1,000 connections against `/`
# and `/delay/10` must report 0 socket errors and 0 non-2xx responses. Loopback only, bounded in
# time (two 5-second runs); the server is stopped whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk-check: wrk is not installed (apt-get install wrk)"; exit 2; }

log="$(mktemp)"
./run-bench.sh server --port 0 >"$log" 2>&1 &
server=$!
# (SIGTERM: a background job of a non-interactive shell ignores SIGINT; the server's exit status
# after the signal is not a failure of this check)
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log"' EXIT

addr=""
for _ in $(seq 1 100); do
  addr="$(grep -oE '127\.0\.0\.1:[0-9]+' "$log" | head -1 || true)"
  [ -n "$addr" ] && break
  sleep 0.2
done
[ -n "$addr" ] || { echo "wrk-check: the server printed no address:"; cat "$log"; exit 1; }

fail=0
for path in / /delay/10; do
  out="$(wrk -t2 -c1000 -d5s --timeout 5s "http://$addr$path")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  errors="$(grep -E 'Socket errors|Non-2xx' <<<"$out" || true)"
  if [ -n "$errors" ] || [ "${requests:-0}" -eq 0 ]; then
    echo "FAIL wrk $path: ${requests:-0} requests; ${errors:-no requests completed}"; echo "$out"; fail=1
  else
    echo "ok   wrk -c1000 $path: $requests requests, $(awk '/Requests\/sec/ {print $2}' <<<"$out") req/s, 0 socket errors, 0 non-2xx"
  fi
done
exit $fail
