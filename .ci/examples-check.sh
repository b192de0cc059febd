#!/usr/bin/env bash
# The event-loop issue's "done when", checked on the built jar: gather takes about the longest
# delay (3 units, not the sum 6), the semaphore caps concurrency at 3 (about 4 units for 10
# requests), wait_for gives up at its timeout (about 3 units); the scraper fetches the seed's 4 URLs (about 2-2.5 units). Bounds are wide: they separate the
# seed's claim from its negation, not one timing from another on a noisy machine.
set -euo pipefail
cd "$(dirname "$0")/.."

fail=0
units() { sed -n 's/^elapsed: \([0-9.]*\) units.*/\1/p' <<<"$1" | tail -1; }
within() { awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v >= lo && v <= hi) }'; }
check() {   # name, output, low, high
  local u; u="$(units "$2")"
  if [ -n "$u" ] && within "$u" "$3" "$4"; then
    echo "ok   example $1: $u units (expected $3..$4)"
  else
    echo "FAIL example $1: '${u:-no elapsed line}' units (expected $3..$4)"; echo "$2"; fail=1
  fi
}

out="$(./run-bench.sh example gather)";     check gather "$out" 2.8 4.5
out="$(./run-bench.sh example sequential)"; check sequential "$out" 5.8 9.0
out="$(./run-bench.sh example timeout)";    check timeout "$out" 2.8 4.5
grep -q "Operation timed out!" <<<"$out" || { echo "FAIL example timeout: no 'Operation timed out!'"; fail=1; }
out="$(./run-bench.sh example semaphore)";  check semaphore "$out" 3.8 6.5
grep -q "^max concurrent: 3$" <<<"$out" \
  && echo "ok   example semaphore: max concurrent: 3" \
  || { echo "FAIL example semaphore: expected 'max concurrent: 3'"; fail=1; }
# the scraper: the seed's four URLs against our delay server (its /delay/2 sets the time, ~2-2.5 units)
out="$(./run-bench.sh example scraper)" || { echo "FAIL example scraper: exit $?"; echo "$out"; fail=1; }
check scraper "$out" 1.9 5.0
grep -q "Success: 4" <<<"$out" \
  && echo "ok   example scraper: Success: 4" \
  || { echo "FAIL example scraper: expected 'Success: 4'"; echo "$out"; fail=1; }
exit $fail
