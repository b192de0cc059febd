package dev.concbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasureTest {

    @Test
    void withSmallErrorsARatiosIntervalIsTheRelativeErrorsInQuadrature() {
        Measure r = new Measure(262, 5.24, "ns/op").over(new Measure(200, 4, "ns/op"));
        assertEquals(1.31, r.value(), 1e-12);
        double quadrature = 1.31 * Math.hypot(0.02, 0.02);
        assertEquals(quadrature, r.error(), 0.02 * quadrature);
        assertEquals(quadrature, r.value() - r.low(), 0.02 * quadrature);
        assertEquals(Measure.RATIO, r.unit());
    }

    @Test
    void aRatiosIntervalIsFiellersSetNotAFirstOrderGuess() {
        // both ends solve (a - r b)^2 = ea^2 + r^2 eb^2
        Measure a = new Measure(120, 60, "ms");
        Measure b = new Measure(100, 30, "ms");
        Measure r = a.over(b);
        for (double end : new double[] {r.low(), r.high()}) {
            assertEquals(60 * 60 + end * end * 30 * 30, Math.pow(120 - end * 100, 2), 1e-6);
        }
        assertTrue(r.low() > 0 && r.high() - r.value() > r.value() - r.low(), "asymmetric, and above 0: " + r);
        assertTrue(r.asymmetric());
        // a first-order error would put the lower end at 1.2 - 0.8 = 0.4; Fieller's is higher
        assertTrue(r.low() > 0.4, r.toString());
    }

    @Test
    void aRatioOfTwoPositiveQuantitiesNeverReachesBelowZero() {
        // a p99 of 120 +- 221 ms over 104 +- 19 ms: Fieller's lower root is -0.98; a ratio of times is >= 0
        Measure r = new Measure(120, 221, "ms").over(new Measure(104, 19, "ms"));
        assertEquals(0, r.low(), 0);
        assertTrue(r.high() > 3 && r.high() < 3.5, r.toString());
    }

    @Test
    void aDenominatorIntervalReachingZeroBoundsTheRatioOnlyFromBelow() {
        // the loop's fixed 290 ms against threads' 2.77 +- 5.82 ms: at least 290 / 8.59 = 33.8 x
        Measure r = Measure.exact(290, "ms").over(new Measure(2.77, 5.82, "ms"));
        assertEquals(290 / (2.77 + 5.82), r.low(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, r.high());
        assertEquals("105 x (interval 33.8..∞)", r.format());
        // and its inverse is at most 1 / 33.8
        Measure inverse = r.inverse();
        assertEquals(0, inverse.low(), 0);
        assertEquals((2.77 + 5.82) / 290, inverse.high(), 1e-12);
    }

    @Test
    void anUnknownErrorStaysUnknownAndOnlyAnExactSideCountsAsExact() {
        // issue 10: a missing error is never read as 0
        assertTrue(Double.isNaN(new Measure(2, 0.2, "ms").over(new Measure(1, Double.NaN, "ms")).error()));
        assertTrue(Double.isNaN(new Measure(2, Double.NaN, "ms").over(new Measure(1, Double.NaN, "ms")).error()));
        assertEquals(0.2, new Measure(2, 0.2, "ms").over(Measure.exact(1, "ms")).error(), 1e-12);
        Measure noError = new Measure(5, Double.NaN, "ms");
        assertTrue(Double.isNaN(noError.low()) && Double.isNaN(noError.high()) && !noError.errorKnown());
        assertTrue(new Measure(2, 0.2, "ms").overIfDefined(new Measure(0, 0.1, "ms")).isEmpty());
    }

    @Test
    void theLogErrorIsUnboundedOnceTheIntervalReachesZero() {
        assertEquals(-Math.log1p(-0.1), new Measure(10, 1, "ns").logError(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, new Measure(10, 10, "ns").logError());
        assertTrue(Double.isNaN(new Measure(10, Double.NaN, "ns").logError()));
    }

    @Test
    void oneFormatterWithItsUnitAndError() {
        assertEquals("812 ± 12 ns/op", new Measure(812, 12.3, "ns/op").format());
        assertEquals("1.50 MiB", new Measure(1.5 * 1024 * 1024, Double.NaN, "bytes").format());
        assertEquals("1,234", new Measure(1234, Double.NaN, Measure.COUNT).format());
    }

    @Test
    void aRowsSamplesTravelWithIt() {
        ResultRow row = new ResultRow("s", "B.m", "virtual", null, "handoff", 100, "ns/op", 5, 9,
                Direction.LOWER_IS_BETTER, null);
        assertEquals(new Measure(100, 5, "ns/op", 9), Measure.of(row));
    }
}
