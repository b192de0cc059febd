package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concbench.loop.LoopStats;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One iteration with a stall is not a stalled model; a second one is, and reports both. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class StallEvidenceTest {

    private static LoopStats slow(long n) {
        return new LoopStats(100, 0, n, 0, 0);
    }

    @Test
    void guardsOnlyOnceSlowCallbacksShowInTwoIterations() {
        StallEvidence e = new StallEvidence();
        assertEquals(0, e.endIteration(slow(0)), "no slow callback");
        assertEquals(0, e.endIteration(slow(1)), "one iteration with one is held back");
        assertEquals(0, e.endIteration(slow(1)), "a clean iteration in between changes nothing");
        assertEquals(3, e.endIteration(slow(3)), "the second blocked iteration reports the first one's too");
        assertEquals(0, e.endIteration(slow(3)), "nothing new");
        assertEquals(1, e.endIteration(slow(4)), "from then on, every slow callback counts");
    }

    @Test
    void threadStallsCountTheSameWay() {
        StallEvidence e = new StallEvidence();
        assertEquals(0, e.endIteration(2), "one iteration with stalls is held back");
        assertEquals(0, e.endIteration(0), "a clean iteration changes nothing");
        assertEquals(3, e.endIteration(1), "the second stalled iteration reports the first one's too");
    }
}
