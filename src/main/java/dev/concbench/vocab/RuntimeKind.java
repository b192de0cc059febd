package dev.concbench.vocab;

/**
 * Where a model runs: in concbench's JVM forks (started by {@code model.Models}), or in CPython
 * (the {@code python/concbench_py} package, run by the run stage's CPython side). A claim is judged
 * once per runtime, from that runtime's rows alone.
 */
public enum RuntimeKind {
    JVM("JVM"),
    CPYTHON("CPython");

    private final String display;

    RuntimeKind(String display) {
        this.display = display;
    }

    /** How the report and claims name it, e.g. {@code CPython}. */
    public String display() {
        return display;
    }
}
