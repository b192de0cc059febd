package dev.concbench.regress;

import dev.concbench.results.Direction;
import dev.concbench.results.Measure;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a change reads in the table, the markdown and the JSON; values read as {@link Measure#format()}. */
final class ChangeText {

    private static final Pattern TIME = Pattern.compile("(ns|us|µs|ms|s|min)(/op)?");
    private static final Pattern RATE = Pattern.compile(".+/s");
    /** Log half-width above which the change also shows the log-space interval. */
    private static final double WIDE = 0.25;

    private ChangeText() {
    }

    /**
     * A ratio as a factor of at least 1 with its error and the direction in words:
     * {@code "1.31x ± 0.04 slower"}, {@code "1.43x ± 0.05 faster"}; {@code "± ?"} when the
     * error is unknown; with a relative error above 25% the interval the gate tests instead of the
     * {@code ±}, {@code "31.21x slower (99.9% interval 9.06x..108x)"}.
     *
     * @param ratio current / baseline (dimensionless, with its error)
     * @param better which direction is an improvement
     * @param unit the metric's unit: times and rates say slower/faster, others worse/better
     */
    static String change(GateRatio ratio, Direction better, String unit) {
        if (ratio.value() == 0) {
            return "went to 0";
        }
        if (!Double.isFinite(ratio.value()) || ratio.value() < 0) {
            return "";
        }
        boolean up = ratio.value() >= 1;
        GateRatio factor = up ? ratio : ratio.inverse();
        String word = factor.value() < 1.005 ? "same" : word(up, better, unit);
        double log = factor.logError();
        if (factor.errorKnown() && log > WIDE) {
            // a "±" this wide says little (and the interval is far from symmetric): give the one the gate tests
            String factorText = String.format(Locale.ROOT, "%.2fx %s", factor.value(), word);
            return factorText + (Double.isInfinite(log) ? " (99.9% interval unbounded: an error reaches 0)"
                    : String.format(Locale.ROOT, " (99.9%% interval %sx..%sx)",
                            Measure.number(factor.value() * Math.exp(-log)), Measure.number(factor.value() * Math.exp(log))));
        }
        return new Measure(factor.value(), factor.errorKnown() ? factor.error() : Double.NaN, Measure.RATIO)
                .formatFactor() + " " + word;
    }

    private static String word(boolean up, Direction better, String unit) {
        if (better == Direction.NEUTRAL) {
            return up ? "higher" : "lower";
        }
        boolean worse = up == (better == Direction.LOWER_IS_BETTER);
        boolean speed = unit != null && (TIME.matcher(unit).matches() || RATE.matcher(unit).matches());
        if (speed) {
            return worse ? "slower" : "faster";
        }
        return worse ? "worse" : "better";
    }

    /** A measured value with its error and unit ({@link Measure#format()}); {@code "-"} when absent. */
    static String value(double value, double error, String unit) {
        return Double.isFinite(value) ? new Measure(value, error, unit == null ? "" : unit).format().strip() : "-";
    }

    /**
     * A ratio with its confidence interval: the change as a factor of at least 1 in words, then the
     * ratio current / baseline itself with its interval, {@code "1.31x slower (ratio 1.31, 99%
     * interval 1.22..1.40)"}, {@code "1.25x faster (ratio 0.800, 99% interval 0.700..0.910)"}.
     */
    static String change(BootstrapRatio r, Direction better, String unit) {
        if (r.ratio() == 0) {
            return "went to 0";
        }
        boolean up = r.ratio() >= 1;
        double factor = up ? r.ratio() : 1 / r.ratio();
        String word = factor < 1.005 ? "same" : word(up, better, unit);
        return String.format(Locale.ROOT, "%.2fx %s (ratio %s, %.0f%% interval %s..%s)", factor, word,
                Measure.number(r.ratio()), r.confidence() * 100, Measure.number(r.low()), Measure.number(r.high()));
    }
}
