package dev.concbench.regress;

import dev.concbench.vocab.ModelKind;
import dev.concbench.results.Mode;
import java.util.List;

/**
 * How to compare.
 *
 * @param mode                     absolute numbers or in-run ratios
 * @param threshold                when not null, the fraction every metric may worsen by, over any
 *                                 scenario's own threshold (the command line wins)
 * @param scenarioThresholds       the {@code thresholds:} of the scenario files
 * @param reference                ratios mode: the model every other model is divided by; null picks,
 *                                 per row, the first of {@link ModelKind#referenceOrder()} whose row in both runs
 *                                 has a positive value and an interval that does not reach 0
 * @param allowEnvironmentMismatch compare runs whose profile or environment differ (and say so)
 */
public record CompareOptions(
        Mode mode,
        Double threshold,
        ScenarioThresholds scenarioThresholds,
        String reference,
        boolean allowEnvironmentMismatch) {

    /** The fraction a metric may worsen by when neither the command line nor its scenario says. */
    public static final double DEFAULT_THRESHOLD = 0.20;

    public CompareOptions {
        if (threshold != null && !(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be a fraction > 0, got " + threshold);
        }
        scenarioThresholds = scenarioThresholds == null ? ScenarioThresholds.none() : scenarioThresholds;
    }

    /** Absolute mode, default thresholds, environments must match. */
    public static CompareOptions defaults() {
        return new CompareOptions(Mode.ABSOLUTE, null, ScenarioThresholds.none(), null, false);
    }

    /** A copy in {@code mode}. */
    public CompareOptions withMode(Mode newMode) {
        return new CompareOptions(newMode, threshold, scenarioThresholds, reference, allowEnvironmentMismatch);
    }

    /** The fraction {@code metric} of {@code scenario} may worsen by: command line, then scenario, then default. */
    public double thresholdFor(String scenario, String metric) {
        if (threshold != null) {
            return threshold;
        }
        return scenarioThresholds.of(scenario, metric).orElse(DEFAULT_THRESHOLD);
    }

    /** The models tried, in order, as the divisor of ratios mode. */
    public List<String> referenceModels() {
        return reference == null ? ModelKind.referenceOrder() : List.of(reference);
    }
}
