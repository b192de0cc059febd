package dev.concbench.claims;

import java.util.Locale;
import java.util.Optional;

/**
 * A number with its error and unit, as read from one row or derived from two.
 *
 * @param value the value, in {@code unit}
 * @param error the half-width of its confidence interval, in {@code unit}; {@code NaN} when the
 *              row reported none (a single sample), and then the interval is unknown, never taken as
 *              exact: {@link #low()}, {@link #high()} and a ratio's error are {@code NaN} too, and no
 *              {@link Check} decides on it. An exact number (a constant, an exact count) has error 0
 * @param unit  e.g. {@code ns/op}, {@code bytes}, {@code x} for a ratio
 */
public record Measure(double value, double error, String unit) {

    /** The unit of a plain count, shown without a suffix. */
    public static final String COUNT = "count";

    /** The unit of a dimensionless ratio. */
    public static final String RATIO = "x";

    /** An exact number: a constant or an exact count, error 0. */
    public static Measure exact(double value, String unit) {
        return new Measure(value, 0, unit);
    }

    /** Whether the interval is known: the error is finite (0 for an exact number). */
    public boolean hasError() {
        return Double.isFinite(error) && error >= 0;
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
     * {@code this / denominator}, its error propagated from both relative errors (first order,
     * independent errors); unknown ({@code NaN}) when either side's error is.
     *
     * @throws NotMeasured when the denominator is zero or negative, so the ratio means nothing
     */
    public Measure over(Measure denominator) throws NotMeasured {
        return over(denominator, "the ratio");
    }

    /**
     * {@link #over(Measure)}, naming the ratio in the reason when it is undefined.
     *
     * @param what the ratio's name, e.g. {@code "thread RSS / loop RSS per unit"}
     * @throws NotMeasured when either side is not positive: every ratio here divides two costs
     *                     (times, bytes, rates), and a cost at or below 0 is noise, not a cost
     */
    public Measure over(Measure denominator, String what) throws NotMeasured {
        if (!(value > 0)) {
            throw new NotMeasured(what + " is undefined: its numerator is " + format()
                    + ", not a positive number (a noisy measurement, not a cost)");
        }
        return overIfDefined(denominator).orElseThrow(() -> new NotMeasured(what + " is undefined: its denominator is "
                + denominator.format() + ", not a positive number (a noisy measurement, not a cost)"));
    }

    /** {@link #over}, or empty when the denominator is not positive. */
    public Optional<Measure> overIfDefined(Measure denominator) {
        if (!(denominator.value > 0)) {
            return Optional.empty();
        }
        double ratio = value / denominator.value;
        double relA = value == 0 ? (Double.isFinite(error) ? 0 : Double.NaN) : error / value;
        double relB = denominator.error / denominator.value;
        // Math.hypot returns NaN when either is NaN (and neither infinite): an unknown error stays unknown
        double err = Math.abs(ratio) * Math.hypot(relA, relB);
        return Optional.of(new Measure(ratio, err, RATIO));
    }

    /** The same quantity divided by a constant (e.g. a per-claim reference value). */
    public Measure scaled(double divisor, String newUnit) {
        return new Measure(value / divisor, error / divisor, newUnit);
    }

    /** E.g. {@code "812 ± 12.3 ns/op"}, {@code "1.01 MiB"}, {@code "9.7 ± 0.4 x"}. */
    public String format() {
        if ("bytes".equals(unit)) {
            return formatBytes();
        }
        String err = Double.isFinite(error) && error > 0 ? " ± " + errorText(value, error) : "";
        return number(value) + err + (COUNT.equals(unit) ? "" : " " + unit);
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
