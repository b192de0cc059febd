package dev.concbench.regress;

import dev.concbench.results.Measure;
import dev.concbench.results.ResultRow;

/**
 * A quantity the gate compares: a {@link Measure} (value and its first-order error, for display)
 * plus the half-width of {@code ln value}'s 99.9% interval, which the gate tests
 * ({@link Measure#logError()}: infinite when the interval reaches 0, since such a measurement
 * bounds no ratio). Quotients add the log half-widths in quadrature.
 *
 * <p>Stricter than a claim's ratio: a quotient with one side of unknown error has an unknown
 * error, so a row without an error never decides the gate.
 */
record GateRatio(Measure measure, double logError) {

    /** An exact value: no error. */
    static GateRatio exact(double value) {
        return new GateRatio(new Measure(value, 0, Measure.RATIO), 0);
    }

    /** A measured row. */
    static GateRatio of(ResultRow row) {
        Measure m = Measure.of(row);
        return new GateRatio(m, m.logError());
    }

    /** {@code this / divisor}; the log errors add in quadrature. */
    GateRatio over(GateRatio divisor) {
        Measure q = measure.over(divisor.measure);
        if (!measure.errorKnown() || !divisor.measure.errorKnown()) {
            q = new Measure(q.value(), Double.NaN, Measure.RATIO);
        }
        return new GateRatio(q, Math.hypot(logError, divisor.logError));
    }

    /** {@code 1 / this}. */
    GateRatio inverse() {
        return new GateRatio(measure.inverse(), logError);
    }

    double value() {
        return measure.value();
    }

    double error() {
        return measure.error();
    }

    /** True when a quotient with this as divisor means something: finite and positive. */
    boolean usableDivisor() {
        return Double.isFinite(value()) && value() > 0;
    }

    boolean errorKnown() {
        return measure.errorKnown() && !Double.isNaN(logError);
    }
}
