package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.metrics.MemorySnapshot;
import dev.concbench.vocab.Guard;
import org.junit.jupiter.api.Test;

/** What a memory shot makes of its two snapshots, and when it refuses to call the result a cost. */
class PerUnitTest {

    private static final long MIB = 1 << 20;

    @Test
    void perUnitFiguresAddTheUnitsHeapToWhatGrewOutsideIt() {
        PerUnit p = PerUnit.of(new MemorySnapshot(400_000, 0, 20_000_000, 1000 * MIB, 1000), 1000);
        assertEquals(400, p.heap());
        assertEquals(20_400, p.rss());
        assertEquals(MIB + 400, p.vmSize());
        assertFalse(p.anyNegative());
    }

    @Test
    void aNegativeDeltaIsAMeasurementFailure() {
        // RSS shrank between the snapshots: the previous shot's stacks were still being unmapped
        PerUnit p = PerUnit.of(new MemorySnapshot(400_000, 0, -10_000_000, 1000 * MIB, 1000), 1000);
        assertTrue(p.anyNegative());
        assertTrue(PerUnit.of(new MemorySnapshot(-1_000_000, 0, 0, 0, 0), 1000).anyNegative(), "heap counts too");
        assertEquals("negative-memory: 1 shot(s) in which a memory-per-unit figure came out negative"
                + " (the snapshots measured something else)", Guard.note(Guard.NEGATIVE_MEMORY.key(), 1));
    }

    @Test
    void aPlatformThreadReservingLessThanItsStackIsGuardedBeyondTheStacksGlibcMayReuse() {
        // the bug this guards: "before" held half the previous shot's stacks, 551 KiB per 1 MiB thread
        assertTrue(PerUnit.of(new MemorySnapshot(0, 0, 0, 1000 * 551 * 1024, 1000), 1000).underReserved(MIB));
        // every stack fresh, or a few taken back from glibc's cache: a real reservation
        assertFalse(PerUnit.of(new MemorySnapshot(0, 0, 0, 1000 * MIB, 1000), 1000).underReserved(MIB));
        assertFalse(PerUnit.of(new MemorySnapshot(0, 0, 0, 9997 * MIB, 10000), 10000).underReserved(MIB));
        assertTrue(PerUnit.of(new MemorySnapshot(0, 0, 0, 980 * MIB, 1000), 1000).underReserved(MIB));
        // an 8 MiB stack is held to 8 MiB
        assertTrue(PerUnit.of(new MemorySnapshot(0, 0, 0, 1000 * 2 * MIB, 1000), 1000).underReserved(8 * MIB));
        assertFalse(PerUnit.of(new MemorySnapshot(0, 0, 0, 8 * MIB, 1), 1).underReserved(8 * MIB));
    }
}
