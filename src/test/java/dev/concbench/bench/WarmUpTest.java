package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.metrics.IterationMetrics;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up rule: it stops when the cost stopped falling, not after a fixed time; fake costs, no timing. */
@Timeout(10)
class WarmUpTest {

    private static WarmUp.Slice costs(double... values) {
        PrimitiveIterator.OfDouble it = DoubleStream.of(values).iterator();
        return () -> new WarmUp.Sample(it.nextDouble(), 0);
    }

    @Test
    void stopsAfterPatienceSlicesWithoutImprovement() throws Exception {
        // 4 improving slices (the JIT at work), then 3 within 10% of the best: steady after 7
        WarmUp.Outcome o = new WarmUp(3, 20, 3, 0.1, 0.05).run(costs(500, 200, 60, 21, 23, 20, 22, 5, 5, 5));
        assertEquals(7, o.slices());
        assertTrue(o.steady());
        assertEquals(22, o.lastCost());
    }

    @Test
    void aPlateauShorterThanThePatienceDoesNotEndIt() throws Exception {
        // a server waiting for its C2 compilation: two flat slices, then the cost falls again
        WarmUp.Outcome o = new WarmUp(3, 20, 3, 0.1, 0.05).run(costs(140, 139, 191, 113, 50, 24, 23, 24, 25));
        assertEquals(9, o.slices());
        assertTrue(o.steady());
    }

    @Test
    void theSlowerToCompileRunsLongerUnderTheSameRule() throws Exception {
        WarmUp rule = new WarmUp(3, 20, 3, 0.1, 0.05);
        WarmUp.Outcome quick = rule.run(costs(100, 20, 20, 20, 20, 20, 20, 20, 20, 20));
        WarmUp.Outcome slow = rule.run(costs(6500, 800, 300, 170, 140, 110, 55, 30, 21, 22, 23, 22, 21));
        assertTrue(slow.slices() > quick.slices(), quick + " vs " + slow);
    }

    @Test
    void aFlatCostWhileTheCompilerIsBusyIsStillWarming() throws Exception {
        // the cost sits at 140 for 5 slices while C2 works (30% of the CPU), then falls and settles
        double[] cost = {140, 139, 141, 140, 138, 40, 21, 20, 21, 22, 20};
        double[] compiling = {0.3, 0.3, 0.3, 0.3, 0.3, 0.2, 0.01, 0.01, 0.0, 0.0, 0.0};
        AtomicInteger i = new AtomicInteger();
        WarmUp.Outcome o = new WarmUp(3, 20, 3, 0.1, 0.05).run(() -> {
            int k = i.getAndIncrement();
            return new WarmUp.Sample(cost[k], compiling[k]);
        });
        assertEquals(10, o.slices(), "settled only once the compiler was idle and the cost flat: " + o);
        assertTrue(o.steady());
        assertEquals(0.0, o.lastCompileShare());
    }

    @Test
    void theCapEndsAWarmUpThatNeverSettlesAndSaysSo() throws Exception {
        AtomicInteger n = new AtomicInteger();
        WarmUp.Outcome o = new WarmUp(3, 8, 3, 0.1, 0.05).run(() -> new WarmUp.Sample(1000.0 / (1 << n.incrementAndGet()), 0));
        assertEquals(8, o.slices());
        assertEquals(8, n.get(), "no slice beyond the cap");
        assertFalse(o.steady());
    }

    @Test
    void theMinimumHoldsEvenWhenTheCostIsFlatFromTheStart() throws Exception {
        WarmUp.Outcome o = new WarmUp(5, 20, 1, 0.1, 0.05).run(costs(20, 20, 20, 20, 20, 20, 20));
        assertEquals(5, o.slices());
        assertTrue(o.steady());
    }

    @Test
    void aSliceThatServedNothingNeverCountsAsProgress() throws Exception {
        WarmUp.Outcome o = new WarmUp(1, 20, 2, 0.1, 0.05).run(costs(Double.NaN, Double.NaN, 5, 5, 5));
        assertEquals(2, o.slices(), "two slices without answers: nothing improved");
    }

    @Test
    void aFailingSliceFailsTheWarmUp() {
        assertThrows(IllegalStateException.class, () -> new WarmUp(1, 3, 1, 0.1, 0.05).run(() -> {
            throw new IllegalStateException("server gone");
        }));
    }

    @Test
    void anImpossibleRuleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WarmUp(0, 3, 1, 0.1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new WarmUp(4, 3, 1, 0.1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new WarmUp(1, 3, 0, 0.1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new WarmUp(1, 3, 1, 1.0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new WarmUp(1, 3, 1, 0.1, 1.5));
    }

    @Test
    void theOutcomeIsPublishedWithTheRows() {
        IterationMetrics.drain();
        new WarmUp.Outcome(14, true, 21, 0.01).publish(1_000_000_000L);
        new WarmUp.Outcome(16, false, 300, 0.4).publish(500_000_000L);
        Map<String, java.util.List<Double>> published = IterationMetrics.drain().stream().collect(Collectors.groupingBy(
                IterationMetrics.Value::label, Collectors.mapping(IterationMetrics.Value::value, Collectors.toList())));
        assertEquals(java.util.List.of(14.0, 8.0), published.get("warmUp"), "seconds of untimed load");
        assertEquals(java.util.List.of(1.0, 0.0), published.get("warmUpSteady"));
        assertEquals(java.util.List.of(0.01, 0.4), published.get("warmUpCompiling"));
    }

    @Test
    void theHttpServerRuleHonoursASmallCap() {
        assertEquals(new WarmUp(3, 20, 3, 0.1, 0.2), HttpServerBenchmark.warmUpRule(20));
        assertEquals(new WarmUp(1, 1, 3, 0.1, 0.2), HttpServerBenchmark.warmUpRule(1));
    }
}
