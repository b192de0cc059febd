#!/usr/bin/env bash
# concbench front door. `./run-bench.sh` runs the quick suite and prints the report's path;
# `./run-bench.sh test` builds and runs the whole test suite. Every other command goes to the
# Java CLI (see `./run-bench.sh --help`).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/concbench.jar"
min_java=25   # the pom compiles for release 25

java_major() {   # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_jdk() {     # prints a JDK home whose java is >= $min_java: JAVA_HOME first, else the newest
  local home major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major="$(java_major "$JAVA_HOME/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge "$min_java" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for home in "${CONCBENCH_JDK_SEARCH_DIR:-/usr/lib/jvm}"/*; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] && [ ! -L "$home" ] || continue
    major="$(java_major "$home/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge "$min_java" ] && [ "$major" -gt "$best_major" ]; then
      best="$home"; best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

JDK="$(find_jdk)" || {
  echo "run-bench.sh: no JDK >= $min_java found (checked JAVA_HOME and ${CONCBENCH_JDK_SEARCH_DIR:-/usr/lib/jvm}); install one, e.g. Temurin 25, or set JAVA_HOME" >&2
  exit 2
}
export JAVA_HOME="$JDK"
export PATH="$JDK/bin:$PATH"
# Maven's own Guice/Guava warn about sun.misc.Unsafe on JDK 24+; that noise is not ours.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

mvn_cmd() {
  command -v mvn >/dev/null || { echo "run-bench.sh: Maven (mvn) not found; install it (apt-get install maven)" >&2; exit 2; }
  (cd "$here" && mvn -B -q -ntp -Dstyle.color=never "$@")
}

# When the last good build began: a source saved while Maven was compiling is older than the jar
# Maven writes at the end, yet not in it; comparing against the build's start catches it.
stamp="$here/target/.build-started"

stale() {        # true when the jar is missing or any source or the pom changed since its build began
  [ -f "$jar" ] && [ -f "$stamp" ] || return 0
  [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$stamp" -print -quit 2>/dev/null)" ]
}

# Runs Maven with "$@"; on success records when that build began.
stamped_mvn() {
  mkdir -p "$here/target"
  touch "$stamp.next"
  "$@" && mv -f "$stamp.next" "$stamp"
}

build() {
  if stale; then
    echo "run-bench.sh: building concbench (JDK: $JDK)" >&2
    mkdir -p "$here/target"
    local log="$here/target/build.log"
    if ! stamped_mvn mvn_cmd -DskipTests package >"$log" 2>&1; then
      grep -E '^\[ERROR\]' "$log" | head -20 >&2
      echo "run-bench.sh: build failed; full log: $log" >&2
      exit 3
    fi
  fi
}

case "${1:-}" in
  test)
    shift
    echo "run-bench.sh: building and testing (JDK: $JDK)"
    command -v mvn >/dev/null || { echo "run-bench.sh: Maven (mvn) not found; install it (apt-get install maven)" >&2; exit 2; }
    package_and_test() { (cd "$here" && mvn -B -ntp -Dstyle.color=never package "$@"); }
    stamped_mvn package_and_test "$@"
    ;;
  *)
    build
    # JMH reads fields through sun.misc.Unsafe; JDK 24+ warns about that on every run.
    # Temporary files (JMH's, the worker pools' sockets) go to a folder named for this process's pid
    # (exec keeps the pid): the JVM deletes it on exit, and a later run removes it if we were killed.
    run_tmp="${TMPDIR:-/tmp}/concbench-run-$$"
    mkdir -p "$run_tmp"
    exec "$JDK/bin/java" --sun-misc-unsafe-memory-access=allow -Djava.io.tmpdir="$run_tmp" -Dconcbench.sharedTmp="${TMPDIR:-/tmp}" ${CONCBENCH_JAVA_OPTS:-} -jar "$jar" "$@"
    ;;
esac
