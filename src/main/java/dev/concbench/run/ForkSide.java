package dev.concbench.run;

import java.util.List;

/**
 * One side of an interleaved A/B run: a build (the class path its JMH forks run) and the JVM
 * arguments its forks get on top of the benchmark's own.
 *
 * @param name        {@code A} or {@code B}: the results directory's name under the run's output
 * @param classpath   the class path of the build the forks run (a concbench jar), or null for this build's
 * @param jvmArgs     extra JVM arguments for every fork of this side, e.g. {@code -XX:+UseZGC}
 * @param description what this side is, for env.json and the output, e.g. {@code "HEAD~1 (3f2a9c1)"}
 */
public record ForkSide(String name, String classpath, List<String> jvmArgs, String description) {

    public ForkSide {
        jvmArgs = List.copyOf(jvmArgs);
    }
}
