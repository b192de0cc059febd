package dev.concbench.scenario;

/**
 * The JMH run settings of one scenario in one profile.
 *
 * @param forks            JMH forks per parameter combination, at least 1
 * @param warmupIterations warm-up iterations per fork
 * @param iterations       measurement iterations per fork, at least 1
 * @param iterationMillis  the length of one iteration, in milliseconds; single-shot benchmarks ignore it, and the
 *                         planner's estimate reads it as one shot's expected length ({@code run.PlanItem})
 */
public record JmhSettings(int forks, int warmupIterations, int iterations, int iterationMillis) {

    /** The most forks a scenario may ask for per parameter combination. */
    public static final int MAX_FORKS = 20;
    /** The most warm-up or measurement iterations per fork. */
    public static final int MAX_ITERATIONS = 1000;
    /** The longest iteration, in milliseconds (one minute). */
    public static final int MAX_ITERATION_MILLIS = 60_000;

    public JmhSettings {
        if (forks < 1 || warmupIterations < 0 || iterations < 1 || iterationMillis < 1) {
            throw new IllegalArgumentException("forks and iterations must be >= 1, warm-up >= 0, iteration time >= 1 ms: "
                    + forks + ", " + iterations + ", " + warmupIterations + ", " + iterationMillis);
        }
    }
}
