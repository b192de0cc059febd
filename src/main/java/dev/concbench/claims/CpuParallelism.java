package dev.concbench.claims;

import dev.concbench.results.Measure;
import java.util.List;

/**
 * How much CPU parallelism this run could show: the machine's cores and the largest
 * {@code workers} of the {@code cpu-bound} scenario that fits on them.
 *
 * <p>A speed-up counts as parallel when it reaches at least half the ideal gain:
 * {@code 1 + (workers - 1) / 2} (1.5 x for 2 workers on 2 cores). Half, because the machines
 * this runs on are shared and noisy, and a serialised run (a GIL) stays near 1 x however many
 * workers it gets.
 *
 * @param cores   available processors ({@code env.json})
 * @param workers the largest measured worker count {@code <= cores}, at least 2
 */
public record CpuParallelism(int cores, int workers) {

    static final String SCENARIO = "cpu-bound";

    /**
     * @throws NotMeasured when the machine has one core, or no worker count between 2 and the cores was run
     */
    public static CpuParallelism of(RunData data) throws NotMeasured {
        int cores = data.cores();
        if (cores < 2) {
            throw new NotMeasured("this machine has 1 core, so parallel speed-up cannot show");
        }
        List<Integer> fitting = data.values(SCENARIO, "workers").stream()
                .filter(RunData::isNumber).map(Integer::parseInt)
                .filter(w -> w >= 2 && w <= cores).toList();
        if (fitting.isEmpty()) {
            throw new NotMeasured("scenario '" + SCENARIO + "' has no run with 2.." + cores
                    + " workers (" + cores + " cores)");
        }
        return new CpuParallelism(cores, fitting.getLast());
    }

    /** The speed-up that counts as parallel, dimensionless. */
    public double threshold() {
        return 1 + (workers - 1) / 2.0;
    }

    /** The {@code time} row of a model at a worker count. */
    public static Query time(String model, int workers) {
        return Query.of(SCENARIO, model, "time", "workers=" + workers);
    }

    /**
     * {@code time(1) / time(workers)} of one model, both rows deciding, recorded in the evidence.
     *
     * @param needs what the speed-up is held to, in words, e.g. {@code "<= 1.1 x"}
     */
    Measure speedup(RunData data, Evidence evidence, String model, String needs) throws NotMeasured {
        Measure one = evidence.decide(model + " time, 1 worker", data, time(model, 1));
        Measure n = evidence.decide(model + " time, " + workers + " workers", data, time(model, workers));
        return evidence.decisive(speedupName(model), Evidence.ratio(one, n, speedupName(model)), needs);
    }

    /** Records a model's speed-up for context when both its rows are trusted; never decides. */
    void contextSpeedup(RunData data, Evidence evidence, String model) {
        evidence.context(model + " time, 1 worker", data, time(model, 1));
        evidence.context(model + " time, " + workers + " workers", data, time(model, workers));
        data.find(time(model, 1)).flatMap(one -> data.find(time(model, workers)).flatMap(one::overIfDefined))
                .ifPresent(s -> evidence.put(speedupName(model), s));
    }

    private String speedupName(String model) {
        return model + " speed-up with " + workers + " workers on " + cores + " cores";
    }
}
