package dev.concbench.regress;

import dev.concbench.results.ResultRow;

/**
 * A value with the half-width of its confidence interval, in the same unit; {@code error} is
 * {@code NaN} when unknown (a single sample). Quotients propagate relative errors in quadrature
 * (first-order, independent measurements).
 */
record Estimate(double value, double error) {

    static Estimate of(ResultRow row) {
        return new Estimate(row.value(), Math.abs(row.error()));
    }

    /** {@code this / divisor}, its error from both relative errors added in quadrature. */
    Estimate over(Estimate divisor) {
        double quotient = value / divisor.value;
        double relative = Math.hypot(error / value, divisor.error / divisor.value);
        return new Estimate(quotient, Math.abs(quotient) * relative);
    }

    /** {@code 1 / this}. */
    Estimate inverse() {
        return new Estimate(1 / value, error / (value * value));
    }

    /** True when a quotient with this as divisor means something: finite and positive. */
    boolean usableDivisor() {
        return Double.isFinite(value) && value > 0;
    }

    boolean errorKnown() {
        return Double.isFinite(error);
    }
}
