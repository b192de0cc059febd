package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The heartbeat records every due beat's lateness, and counts a stall (the thread-stalled guard's
 * evidence) when its thread comes back more than the slow-callback threshold late; time is driven by hand.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class OpenLoopHeartbeatTest {

    private static final long MS = 1_000_000L;

    @Test
    void aBeatFoundPastTheThresholdIsOneStall() {
        AtomicLong now = new AtomicLong();
        LatencyRecorder log = new LatencyRecorder(new LogIdentity("test", "test", java.util.Map.of("rate", "0"), "rate"));
        OpenLoopHeartbeat hb = new OpenLoopHeartbeat(log, now::get);
        now.addAndGet(10 * MS + 50 * MS); // 50 ms late: late, not stalled
        assertEquals(6, hb.beat());
        assertEquals(0, hb.stalls());
        now.addAndGet(10 * MS + OpenLoopHeartbeat.STALL_NANOS + MS); // the next beat comes back 101 ms late
        assertEquals(1 + (int) (OpenLoopHeartbeat.STALL_NANOS / OpenLoopHeartbeat.PERIOD_NANOS), hb.beat());
        assertEquals(1, hb.stalls(), "one stall, however many beats it swallowed");
        assertEquals(1 + 5 + 1 + OpenLoopHeartbeat.STALL_NANOS / OpenLoopHeartbeat.PERIOD_NANOS, log.endInterval().getTotalCount(),
                "every due beat is recorded with its own lateness");
    }
}
