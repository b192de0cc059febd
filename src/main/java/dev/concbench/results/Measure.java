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
 *                and no verdict decides on it. An exact number (a constant, an exact count) has error 0.
 *                For a ratio whose interval is not symmetric ({@link #over}), the wider of its two sides
 * @param unit    e.g. {@code ns/op}, {@code bytes}, {@code x} for a ratio
 * @param samples how many samples stand behind it; 0 when not known (a derived quantity)
 * @param low     the lower end of the interval: {@code value - error} for a measured quantity
 * @param high    the upper end of the interval: {@code value + error} for a measured quantity; a ratio's
 *                interval ({@link #over}) may be asymmetric, and unbounded ({@code +∞}) when its
 *                denominator's interval reaches 0
 */
public record Measure(double value, double error, String unit, long samples, double low, double high) {

    /** The unit of a plain count, shown without a suffix. */
    public static final String COUNT = "count";

    /** The unit of a dimensionless ratio. */
    public static final String RATIO = "x";

    /** A measured quantity: its interval is {@code value ± error}. */
    public Measure(double value, double error, String unit, long samples) {
        this(value, error, unit, samples, value - error, value + error);
    }

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

    /** Whether the interval is not {@code value ± error} (a ratio from {@link #over} with a wide denominator). */
    public boolean asymmetric() {
        double below = value - low;
        double above = high - value;
        return errorKnown() && error > 0
                && (Double.isInfinite(below) != Double.isInfinite(above) || Math.abs(below - above) > 1e-3 * error);
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
     * {@code this / denominator} in unit {@link #RATIO}, with the interval Fieller's theorem gives for a
     * ratio of two independent estimates, each known to {@code ± error} at the same confidence: the
     * ratios {@code r} with {@code (a - r b)^2 <= ea^2 + r^2 eb^2}. While both relative errors are small
     * this is the familiar {@code r ± r sqrt((ea/a)^2 + (eb/b)^2)}; when they are not, it is asymmetric
     * (a first-order {@code ±} would reach below 0 for a ratio of two positive quantities, and say
     * nothing), and when the denominator's interval reaches 0 it is unbounded above: the ratio is then
     * known only to be at least {@code low} (for positive quantities, the part of Fieller's set above 0).
     * A side without an error makes the ratio's interval unknown ({@code NaN}), never exact: use
     * {@link #exact} for a constant. The denominator should be positive: see {@link #overIfDefined}.
     */
    public Measure over(Measure denominator) {
        double a = value;
        double b = denominator.value;
        double r = a / b;
        double ea = Math.abs(error);
        double eb = Math.abs(denominator.error);
        if (Double.isNaN(ea) || Double.isNaN(eb)) {
            return new Measure(r, Double.NaN, RATIO, 0, Double.NaN, Double.NaN);
        }
        if (eb == 0) {
            // an exact denominator scales the numerator's interval (a negative one flips it)
            double l = (a - ea) / b;
            double h = (a + ea) / b;
            return interval(r, Math.min(l, h), Math.max(l, h));
        }
        // the roots of r^2 (b^2 - eb^2) - 2 a b r + (a^2 - ea^2) = 0
        double lead = b * b - eb * eb;
        double disc = a * a * eb * eb + b * b * ea * ea - ea * ea * eb * eb;
        if (lead > 0) {
            double root = Math.sqrt(Math.max(0, disc));
            // two positive quantities (times, sizes) have a ratio >= 0, however far the numerator's interval reaches
            double low = (a * b - root) / lead;
            return interval(r, a > 0 && b > 0 ? Math.max(0, low) : low, (a * b + root) / lead);
        }
        // the denominator's interval reaches 0: the set lies outside the roots; keep its part at or above 0
        if (a > ea && disc > 0 && lead < 0) {
            double root = Math.sqrt(disc);
            double positive = Math.max((a * b - root) / lead, (a * b + root) / lead);
            return interval(r, Math.max(0, Math.min(positive, r)), Double.POSITIVE_INFINITY);
        }
        return interval(r, a >= 0 && b > 0 ? 0 : Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private static Measure interval(double value, double low, double high) {
        return new Measure(value, Math.max(value - low, high - value), RATIO, 0, low, high);
    }

    /** {@link #over}, or empty when the denominator is not positive, so the ratio means nothing. */
    public Optional<Measure> overIfDefined(Measure denominator) {
        return denominator.value > 0 ? Optional.of(over(denominator)) : Optional.empty();
    }

    /** {@code 1 / this}: a ratio's interval inverted ({@code [1/high, 1/low]} while {@code low > 0}). */
    public Measure inverse() {
        if (!errorKnown()) {
            return new Measure(1 / value, Double.NaN, RATIO, 0, Double.NaN, Double.NaN);
        }
        if (low > 0) {
            return interval(1 / value, 1 / high, 1 / low);
        }
        return interval(1 / value, high > 0 ? 1 / high : Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** The same quantity divided by a positive constant (e.g. a per-claim reference value). */
    public Measure scaled(double divisor, String newUnit) {
        return new Measure(value / divisor, error / divisor, newUnit, samples, low / divisor, high / divisor);
    }

    /**
     * E.g. {@code "812 ± 12.3 ns/op"}, {@code "1.01 MiB"}, {@code "9.7 ± 0.4 x"}; an asymmetric interval
     * as {@code "105 x (interval 33.8..∞)"}.
     */
    public String format() {
        if (asymmetric()) {
            return number(value) + " " + unit + " (interval " + number(low) + ".." + number(high) + ")";
        }
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
