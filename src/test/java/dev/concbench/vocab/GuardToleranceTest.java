package dev.concbench.vocab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Which counts void a row: every guard at its first event, except cpu-contended's one shot in ten. */
class GuardToleranceTest {

    @ParameterizedTest
    @EnumSource(value = Guard.class, names = "CPU_CONTENDED", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherGuardVoidsARowAtItsFirstEvent(Guard guard) {
        assertFalse(guard.voids(0, 10));
        assertTrue(guard.voids(1, 10));
        assertTrue(guard.voids(1, 100));
    }

    @Test
    void cpuContentionToleratesOneShotInTen() {
        assertFalse(Guard.CPU_CONTENDED.voids(1, 10), "one contended shot of ten stays in the mean");
        assertTrue(Guard.CPU_CONTENDED.voids(2, 10));
        assertTrue(Guard.CPU_CONTENDED.voids(1, 5), "of fewer than ten shots, one voids the row");
        assertFalse(Guard.CPU_CONTENDED.voids(0, 5));
    }

    @Test
    void anUnknownKeyVoidsAtAnyCount() {
        assertTrue(Guard.voids("fromANewerBenchmark", 1, 1000));
        assertFalse(Guard.voids("fromANewerBenchmark", 0, 1000));
    }
}
