package dev.concbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CPU time this process burns is its own, not "other processes'", and the machine saw it too. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostCpuTest {

    @Test
    void ourOwnBurnCountsAsOwnTime() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        HostCpu before = HostCpu.read();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long sink = 0;
        // 300 ms of this thread's CPU time, however long the machine makes us wait for it
        while (mx.getCurrentThreadCpuTime() - cpuStart < TimeUnit.MILLISECONDS.toNanos(300)) {
            sink += sink * 31 + 7;
        }
        HostCpu after = HostCpu.read();
        long own = after.ownTicks() - before.ownTicks();
        assertTrue(own >= 20, "300 ms of CPU is ~30 ticks of our own: " + own + " (" + sink + ")");
        assertTrue(after.busyTicks() - before.busyTicks() >= own - 2, "the machine was busy at least while we were");
    }

    @Test
    void othersShareIsWhatTheMachineDidBeyondUs() {
        HostCpu before = new HostCpu(1_000, 500);
        HostCpu after = new HostCpu(1_000 + 150, 500 + 100);
        // 1 s on 2 cores is 200 ticks; others took 50 of them
        assertEquals(0.25, after.othersShare(before, TimeUnit.SECONDS.toNanos(1), 2), 1e-9);
        assertEquals(0.0, new HostCpu(1_000, 600).othersShare(before, TimeUnit.SECONDS.toNanos(1), 2),
                "our own time counted on the machine later than on us is not someone else's");
    }
}
