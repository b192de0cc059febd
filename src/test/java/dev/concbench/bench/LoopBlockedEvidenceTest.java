package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concbench.loop.LoopStats;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One iteration with a slow callback is not a blocked loop; a second one is, and reports both. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class LoopBlockedEvidenceTest {

    private static LoopStats slow(long n) {
        return new LoopStats(100, 0, n, 0, 0);
    }

    @Test
    void guardsOnlyOnceSlowCallbacksShowInTwoIterations() {
        LoopBlockedEvidence e = new LoopBlockedEvidence();
        assertEquals(0, e.endIteration(slow(0)), "no slow callback");
        assertEquals(0, e.endIteration(slow(1)), "one iteration with one is held back");
        assertEquals(0, e.endIteration(slow(1)), "a clean iteration in between changes nothing");
        assertEquals(3, e.endIteration(slow(3)), "the second blocked iteration reports the first one's too");
        assertEquals(0, e.endIteration(slow(3)), "nothing new");
        assertEquals(1, e.endIteration(slow(4)), "from then on, every slow callback counts");
    }
}
