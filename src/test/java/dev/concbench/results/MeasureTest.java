package dev.concbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasureTest {

    @Test
    void aRatioPropagatesBothRelativeErrorsInQuadrature() {
        Measure r = new Measure(262, 5.24, "ns/op").over(new Measure(200, 4, "ns/op"));
        assertEquals(1.31, r.value(), 1e-12);
        assertEquals(1.31 * Math.hypot(0.02, 0.02), r.error(), 1e-12);
        assertEquals(Measure.RATIO, r.unit());
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
