package dev.concbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading a JVM's compiler-thread CPU from /proc: this JVM's own threads, no timing asserted. */
@Timeout(10)
class CompilerCpuTest {

    @Test
    void hotSpotsCompilerThreadsAreRecognisedByName() {
        assertTrue(CompilerCpu.isCompilerThread("C2 CompilerThre"));
        assertTrue(CompilerCpu.isCompilerThread("C1 CompilerThre"));
        assertFalse(CompilerCpu.isCompilerThread("main"));
        assertFalse(CompilerCpu.isCompilerThread("http-load"));
    }

    @Test
    void thisJvmsCompilerTimeIsPartOfItsCpuAndNeverFallsBelowNothing() {
        CompilerCpu c = CompilerCpu.of(ProcessHandle.current().pid());
        assertTrue(c.processTicks() > 0, c.toString());
        assertTrue(c.compilerTicks() >= 0 && c.compilerTicks() <= c.processTicks(), c.toString());
    }

    @Test
    void theShareIsTheCompilersPartOfTheProcessesCpuSince() {
        CompilerCpu before = new CompilerCpu(100, 10);
        assertEquals(0.25, new CompilerCpu(140, 20).compileShareSince(before), 1e-9);
        assertEquals(0.0, new CompilerCpu(140, 5).compileShareSince(before), "an ended compiler thread took its ticks along");
        assertEquals(0.0, new CompilerCpu(100, 10).compileShareSince(before), "no CPU used: nothing compiled");
    }

    @Test
    void anEndedProcessReadsAsZeros() {
        assertEquals(new CompilerCpu(0, 0), CompilerCpu.of(Long.MAX_VALUE / 2));
    }
}
