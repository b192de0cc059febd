package dev.concbench.regress;

import dev.concbench.results.ResultRow;

/**
 * A positive quantity with its 99.9% interval, held two ways: {@code error}, the half-width in the
 * value's unit (for display, first-order), and {@code logError}, the half-width of {@code ln value}
 * (what the gate tests). Both are {@code NaN} when unknown (a single sample); {@code logError} is
 * infinite when the interval reaches 0, since such a measurement bounds no ratio.
 *
 * <p>Quotients of independent measurements add both in quadrature.
 */
record Estimate(double value, double error, double logError) {

    /** An exact value: no error. */
    static Estimate exact(double value) {
        return new Estimate(value, 0, 0);
    }

    /**
     * A measured row. Its log half-width is the wider side of {@code [v - e, v + e]} on a log scale,
     * {@code -ln(1 - e/v)}: equal to the relative error {@code e/v} while that is small, and
     * unbounded once the interval reaches 0.
     */
    static Estimate of(ResultRow row) {
        double v = row.value();
        double e = Math.abs(row.error());
        double log;
        if (Double.isNaN(e)) {
            log = Double.NaN;
        } else if (e == 0) {
            log = 0;
        } else {
            log = v > 0 && e < v ? -Math.log1p(-e / v) : Double.POSITIVE_INFINITY;
        }
        return new Estimate(v, e, log);
    }

    /**
     * {@code this / divisor}. The linear error is {@code sqrt((e/d)^2 + (v*ed/d^2)^2)}, the
     * relative-error rule without dividing by {@code v} (so a value of 0 keeps a finite error);
     * the log errors add in quadrature.
     */
    Estimate over(Estimate divisor) {
        double d = divisor.value;
        return new Estimate(value / d, Math.hypot(error / d, value * divisor.error / (d * d)),
                Math.hypot(logError, divisor.logError));
    }

    /** {@code 1 / this}. */
    Estimate inverse() {
        return new Estimate(1 / value, error / (value * value), logError);
    }

    /** True when a quotient with this as divisor means something: finite and positive. */
    boolean usableDivisor() {
        return Double.isFinite(value) && value > 0;
    }

    boolean errorKnown() {
        return !Double.isNaN(error) && !Double.isNaN(logError);
    }
}
