package dev.concbench.results;

import java.util.Locale;
import java.util.Optional;

/**
 * A measured quantity: a value with the half-width of its confidence interval, its unit and how
 * many samples stand behind it. The one place a ratio of two measurements and its error are
 * computed, and the one way a quantity is written out ({@link #format()}: {@code "812 ± 12.3 ns/op"}).
 * Claims, the report and the regression gate all read it.
 *
 * @param value   the value, in {@code unit}
 * @param error   the half-width of its confidence interval (JMH's 99.9%), in {@code unit}; {@code NaN}
 *                when the row reported none (a single sample), and then the interval is unknown, never
 *                taken as exact: {@link #low()}, {@link #high()} and a ratio's error are {@code NaN} too,
 *                and no verdict decides on it. An exact number (a constant, an exact count) has error 0
 * @param unit    e.g. {@code ns/op}, {@code bytes}, {@code x} for a ratio
 * @param samples how many samples stand behind it; 0 when not known (a derived quantity)
 */
public record Measure(double value, double error, String unit, long samples) {

    /** The unit of a plain count, shown without a suffix. */
    public static final String COUNT = "count";

    /** The unit of a dimensionless ratio. */
    public static final String RATIO = "x";

    /** A quantity whose sample count is not known (a derived one, or a constant). */
    public Measure(double value, double error, String unit) {
        this(value, error, unit, 0);
    }

    /** The quantity one result row measured. */
    public static Measure of(ResultRow row) {
        return new Measure(row.value(), row.error(), row.unit(), row.samples());
    }

    /** True when an error was reported (it may be 0). */
    public boolean errorKnown() {
        return !Double.isNaN(error);
    }

    /** An exact number: a constant or an exact count, error 0. */
    public static Measure exact(double value, String unit) {
        return new Measure(value, 0, unit);
    }

    /** Lower end of the interval {@code value - error}; {@code NaN} when the error is unknown. */
    public double low() {
        return value - error;
    }

    /** Upper end of the interval {@code value + error}; {@code NaN} when the error is unknown. */
    public double high() {
        return value + error;
    }

    /**
     * The half-width of {@code ln value}'s interval: the wider side of {@code [v - e, v + e]} on a
     * log scale, {@code -ln(1 - e/v)}; equal to the relative error {@code e/v} while that is small,
     * infinite once the interval reaches 0 (such a measurement bounds no ratio), {@code NaN} when
     * no error was reported.
     */
    public double logError() {
        double e = Math.abs(error);
        if (Double.isNaN(e)) {
            return Double.NaN;
        }
        if (e == 0) {
            return 0;
        }
        return value > 0 && e < value ? -Math.log1p(-e / value) : Double.POSITIVE_INFINITY;
    }

    /**
     * {@code this / denominator} in unit {@link #RATIO}, with its error propagated to first order
     * from independent errors, {@code sqrt((e/d)^2 + (v*ed/d^2)^2)} (the relative-error rule,
     * written so a value of 0 keeps a finite error). A side without an error makes the ratio's error
     * unknown ({@code NaN}), never 0: use {@link #exact} for a constant. The denominator should be
     * positive: see {@link #overIfDefined}.
     */
    public Measure over(Measure denominator) {
        double d = denominator.value;
        // Math.hypot is NaN when either side is NaN (and neither is infinite): an unknown error stays unknown
        double err = Math.hypot(error / d, value * denominator.error / (d * d));
        return new Measure(value / d, err, RATIO);
    }

    /** {@link #over}, or empty when the denominator is not positive, so the ratio means nothing. */
    public Optional<Measure> overIfDefined(Measure denominator) {
        return denominator.value > 0 ? Optional.of(over(denominator)) : Optional.empty();
    }

    /** {@code 1 / this}, with the same relative error. */
    public Measure inverse() {
        return new Measure(1 / value, error / (value * value), RATIO, samples);
    }

    /** The same quantity divided by a constant (e.g. a per-claim reference value). */
    public Measure scaled(double divisor, String newUnit) {
        return new Measure(value / divisor, error / divisor, newUnit, samples);
    }

    /** E.g. {@code "812 ± 12.3 ns/op"}, {@code "1.01 MiB"}, {@code "9.7 ± 0.4 x"}. */
    public String format() {
        if ("bytes".equals(unit)) {
            return formatBytes();
        }
        String err = Double.isFinite(error) && error > 0 ? " ± " + errorText(value, error) : "";
        return number(value) + err + (COUNT.equals(unit) ? "" : " " + unit);
    }

    /**
     * A ratio as a change factor, two decimals: {@code "1.31x ± 0.04"}, {@code "1.30x ± ?"} when the
     * error is not known (NaN or infinite); the one way the gate writes a factor.
     */
    public String formatFactor() {
        String err = Double.isFinite(error) && error >= 0 ? String.format(Locale.ROOT, "%.2f", error) : "?";
        return String.format(Locale.ROOT, "%.2fx ± %s", value, err);
    }

    private String formatBytes() {
        String[] units = {"bytes", "KiB", "MiB", "GiB"};
        double scale = 1;
        int i = 0;
        while (i < units.length - 1 && Math.abs(value) >= 1024 * scale) {
            scale *= 1024;
            i++;
        }
        String err = Double.isFinite(error) && error > 0 ? " ± " + errorText(value / scale, error / scale) : "";
        return number(value / scale) + err + " " + units[i];
    }

    /**
     * An error, to the value's last shown decimal; when that would round it to 0, to the two
     * significant digits an error can claim.
     */
    static String errorText(double value, double error) {
        int decimals = decimals(value);
        if (error * Math.pow(10, decimals) < 1) {
            decimals = Math.max(decimals, 1 - (int) Math.floor(Math.log10(error)));
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", error);
    }

    private static int decimals(double v) {
        double abs = Math.abs(v);
        if (abs >= 100 || v == Math.rint(v)) {
            return 0;
        }
        return abs >= 10 ? 1 : abs >= 1 ? 2 : Math.max(2, 2 - (int) Math.floor(Math.log10(abs)));
    }

    /** Three significant digits, thousands grouped, never scientific notation. */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "n/a" : (v > 0 ? "∞" : "-∞");
        }
        return String.format(Locale.ROOT, "%,." + decimals(v) + "f", v);
    }
}
