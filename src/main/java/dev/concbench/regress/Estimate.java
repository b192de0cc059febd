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

    /**
     * {@code this / divisor}, its error from both errors added in quadrature:
     * {@code sqrt((e/d)^2 + (v*ed/d^2)^2)}, which is the relative-error rule without dividing by {@code v}
     * (so a value of 0 keeps a finite error).
     */
    Estimate over(Estimate divisor) {
        double d = divisor.value;
        return new Estimate(value / d, Math.hypot(error / d, value * divisor.error / (d * d)));
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
