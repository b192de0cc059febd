package dev.concbench.regress;

import dev.concbench.results.Direction;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * The ratio {@code q(current) / q(baseline)} of one quantile {@code q} of two rows' raw samples,
 * with a two-level bootstrap confidence interval: each replicate draws forks with replacement,
 * then iterations with replacement within each drawn fork, on both sides, and takes the ratio of
 * the two pooled quantiles. Resampling forks first keeps what differs from one JVM to the next
 * (JIT decisions, placement) in the interval, which iteration-level statistics (JMH's own error
 * within one fork) would leave out.
 *
 * <p>The quantile is the metric's best-side decile ({@link #quantileFor}): a busy machine only ever
 * adds time to an iteration (or removes throughput), so the lower decile of times measures the
 * cost the code has and the median measures the code plus the neighbours. On hand-offs measured
 * at load averages of 5 to 13 on 2 cores, the lower decile's 99% interval was one to three times
 * narrower than the median's; a slowdown of the code moves every quantile alike.
 *
 * <p>Needs at least {@value #MIN_FORKS} forks on each side; with one fork the spread between JVMs
 * is unknown and a two-run comparison would call every fork-to-fork difference a change.
 * Deterministic: the random stream is seeded from the caller's seed (the row key), so the same
 * samples give the same interval. Stateless; any thread.
 *
 * @param ratio      {@code q(current) / q(baseline)}, dimensionless
 * @param quantile   the quantile compared, e.g. {@code 0.1}
 * @param low        the interval's lower end
 * @param high       the interval's upper end
 * @param confidence the interval's coverage, e.g. {@code 0.99}
 */
record BootstrapRatio(double ratio, double low, double high, double confidence, double quantile) {

    /** Forks each side needs before its samples decide. */
    static final int MIN_FORKS = 2;
    /** Replicates per interval: enough for stable 0.5% and 99.5% quantiles of a ratio. */
    static final int REPLICATES = 4000;
    /** The interval's coverage: a 0.5% chance per side that a true ratio lies outside. */
    static final double CONFIDENCE = 0.99;

    private static final Quantile QUANTILE = Quantile.withDefaults().withCopy(false);

    /**
     * The quantile a metric is compared on: the lower decile where lower is better, the upper
     * decile where higher is better, the median of a neutral metric.
     */
    static double quantileFor(Direction better) {
        return switch (better) {
            case LOWER_IS_BETTER -> 0.1;
            case HIGHER_IS_BETTER -> 0.9;
            case NEUTRAL -> 0.5;
        };
    }

    /** True when both sides have enough forks, each with at least one sample, for {@link #of}. */
    static boolean decidable(List<List<Double>> baseline, List<List<Double>> current) {
        return usable(baseline) && usable(current);
    }

    /**
     * The ratio and its interval, or empty when a side has too few forks ({@link #decidable}) or
     * a quantile that is not positive (no ratio means anything then).
     *
     * @param quantile the quantile compared ({@link #quantileFor})
     * @param seed     seeds the resampling, e.g. the row key's hash
     */
    static Optional<BootstrapRatio> of(List<List<Double>> baseline, List<List<Double>> current, double quantile,
            long seed) {
        if (!decidable(baseline, current)) {
            return Optional.empty();
        }
        double b = QUANTILE.evaluate(pooled(baseline), quantile);
        double c = QUANTILE.evaluate(pooled(current), quantile);
        if (!(b > 0) || !(c >= 0) || !Double.isFinite(b) || !Double.isFinite(c)) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[REPLICATES];
        for (int i = 0; i < REPLICATES; i++) {
            double rb = QUANTILE.evaluate(resample(baseline, random), quantile);
            double rc = QUANTILE.evaluate(resample(current, random), quantile);
            ratios[i] = rb > 0 ? rc / rb : Double.POSITIVE_INFINITY;
        }
        double tail = (1 - CONFIDENCE) / 2;
        double[] bounds = QUANTILE.evaluate(ratios, tail, 1 - tail);
        return Optional.of(new BootstrapRatio(c / b, bounds[0], bounds[1], CONFIDENCE, quantile));
    }

    private static boolean usable(List<List<Double>> forks) {
        return forks.size() >= MIN_FORKS && forks.stream().allMatch(f -> !f.isEmpty());
    }

    private static double[] pooled(List<List<Double>> forks) {
        return forks.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }

    /** Forks drawn with replacement, then each drawn fork's iterations with replacement, pooled. */
    private static double[] resample(List<List<Double>> forks, SplittableRandom random) {
        int n = forks.stream().mapToInt(List::size).sum();
        double[] out = new double[n];
        int at = 0;
        // as many samples as the original: a drawn fork contributes its own iteration count
        while (at < n) {
            List<Double> fork = forks.get(random.nextInt(forks.size()));
            for (int j = 0; j < fork.size() && at < n; j++) {
                out[at++] = fork.get(random.nextInt(fork.size()));
            }
        }
        return out;
    }
}
