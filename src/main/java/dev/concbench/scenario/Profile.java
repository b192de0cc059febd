package dev.concbench.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much a run measures: the JMH defaults every scenario starts from, and the wall-time budget
 * the profile promises on a 2-core machine. A scenario file may override the JMH settings per
 * profile (e.g. fewer iterations for a slow single-shot benchmark).
 */
public enum Profile {
    /** For CI: tiny sweeps, one fork, short iterations; the whole run in at most 2 minutes. */
    SMOKE(new JmhSettings(1, 1, 3, 100), 120),
    /** What plain {@code ./run-bench.sh} runs: every scenario, in at most 10 minutes. */
    QUICK(new JmhSettings(1, 2, 3, 300), 600),
    /** Full sweeps and two forks, in at most 60 minutes. */
    FULL(new JmhSettings(2, 3, 5, 1000), 3600),
    /**
     * The regression gate's rows ({@code ab}'s default): only scenarios whose file has a
     * {@code gate:} profile, several forks per side (the gate resamples forks), short iterations;
     * an {@code ab} of the whole profile in at most 6 minutes on a 2-core machine (both sides).
     */
    GATE(new JmhSettings(3, 3, 8, 100), 360);

    private final JmhSettings defaults;
    private final int budgetSeconds;

    Profile(JmhSettings defaults, int budgetSeconds) {
        this.defaults = defaults;
        this.budgetSeconds = budgetSeconds;
    }

    /** Whether every scenario file must name this profile; the gate's is optional (not every row is gated). */
    public boolean requiredInEveryScenario() {
        return this != GATE;
    }

    /** The JMH settings a scenario gets unless its file overrides them. */
    public JmhSettings defaults() {
        return defaults;
    }

    /** The wall-time budget of a run of every scenario, in seconds. */
    public int budgetSeconds() {
        return budgetSeconds;
    }

    /** The name used on the command line, in run ids and in scenario files, e.g. {@code smoke}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every profile's id, comma separated, for error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "));
    }

    /**
     * The profile named {@code id}.
     *
     * @throws IllegalArgumentException naming the accepted ids when there is none
     */
    public static Profile of(String id) {
        for (Profile p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + id + "' (expected one of " + ids() + ")");
    }
}
