package dev.concbench.run;

import java.util.List;

/**
 * What a run measures on CPython: the side ({@link CPythonSide}: the interpreter, or why there is
 * none), the scenarios the run's filters include and the {@code --model} filter passed on.
 *
 * @param side      the CPython side
 * @param scenarios the scenarios to run on it, in order; empty for none
 * @param models    the run's {@code --model} filter (only CPython's names matter to the side); empty: all
 */
public record CPythonRun(CPythonSide side, List<String> scenarios, List<String> models) {

    /**
     * Rough seconds each scenario takes in the quick profile here, for progress and the budget: the
     * trimmed quick profile's 8 took 106 s at load 10-17 (2026-12-02; mostly sleeps, so load moves it less).
     */
    private static final double SECONDS_PER_SCENARIO = 15;

    public CPythonRun {
        scenarios = List.copyOf(scenarios);
        models = List.copyOf(models);
    }

    /** No CPython side, for {@code reason}. */
    public static CPythonRun none(String reason) {
        return new CPythonRun(CPythonSide.none(reason), List.of(), List.of());
    }

    /**
     * The CPython part of a run with these filters: every scenario of the side the filters allow.
     *
     * @param side           the located side (maybe {@link CPythonSide#none})
     * @param scenarioFilter the run's {@code --scenario} values (empty: all)
     * @param modelFilter    the run's {@code --model} values (empty: all)
     */
    public static CPythonRun of(CPythonSide side, List<String> scenarioFilter, List<String> modelFilter) {
        return new CPythonRun(side, side.scenarios(scenarioFilter, modelFilter), modelFilter);
    }

    /** Whether the side measures something. */
    public boolean runs() {
        return !scenarios.isEmpty();
    }

    /** Whether a scenario of this run needs the delay server. */
    public boolean needsServer() {
        return scenarios.contains("io-load");
    }

    /** The estimated duration, in seconds. */
    public double estimatedSeconds() {
        return scenarios.size() * SECONDS_PER_SCENARIO;
    }
}
