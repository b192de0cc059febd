package dev.concbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.concbench.claims.RowEdits.judge;
import static dev.concbench.claims.RowEdits.judgeEdited;
import static dev.concbench.claims.RowEdits.set;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.results.ClaimResult;
import dev.concbench.results.ClaimResult.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SeedClaimsTest {

    @Test
    void everySeedClaimIsCoveredOnceTableRowsFirst() {
        List<Claim> all = SeedClaims.all();
        assertEquals(15, all.size());
        assertEquals(List.of("table.concurrency-model", "table.best-for", "table.context-switch", "table.memory",
                "table.gil", "table.debugging", "table.scalability"),
                all.stream().filter(Claim::isTableRow).map(Claim::id).toList());
        assertEquals(all.size(), all.stream().map(Claim::id).distinct().count());
        all.forEach(c -> {
            assertFalse(c.quote().isBlank(), c.id());
            assertFalse(c.charts().isEmpty(), c.id());
            assertTrue(c.rule().describe().contains("supported") || c.rule().describe().contains("differs"), c.id());
        });
    }

    @Test
    void completeRunDecidesEveryClaim() {
        Map<String, ClaimResult> r = judge(FixtureRuns.COMPLETE);
        Map<String, Verdict> expected = Map.ofEntries(
                Map.entry("table.concurrency-model", Verdict.SUPPORTED),
                Map.entry("table.best-for", Verdict.SUPPORTED),
                Map.entry("table.context-switch", Verdict.SUPPORTED),
                Map.entry("table.memory", Verdict.DIFFERS_ON_THE_JVM),
                Map.entry("table.gil", Verdict.DIFFERS_ON_THE_JVM),
                Map.entry("table.debugging", Verdict.SUPPORTED),
                Map.entry("table.scalability", Verdict.SUPPORTED),
                Map.entry("example.gather", Verdict.SUPPORTED),
                Map.entry("example.tasks", Verdict.SUPPORTED),
                Map.entry("example.semaphore", Verdict.SUPPORTED),
                Map.entry("example.wait-for", Verdict.SUPPORTED),
                Map.entry("example.blocking-call", Verdict.SUPPORTED),
                Map.entry("example.cpu-offload", Verdict.SUPPORTED),
                Map.entry("example.gather-vs-sequential", Verdict.SUPPORTED),
                Map.entry("example.connection-pooling", Verdict.SUPPORTED));
        expected.forEach((id, v) -> assertEquals(v, r.get(id).verdict(), id + ": " + r.get(id).explanation()));
        r.values().forEach(c -> assertFalse(c.evidence().isEmpty(), c.id()));
    }

    @Test
    void memoryRowSeparatesReservedFromResidentAndNamesTheJvmStack() {
        ClaimResult memory = judge(FixtureRuns.COMPLETE).get("table.memory");
        assertEquals("1.01 ± 0.02 MiB", memory.evidence().get("thread-per-task VmSize (reserved) per unit"));
        assertEquals("38.0 ± 3.8 KiB", memory.evidence().get("thread-per-task RSS (resident) per unit"));
        assertEquals("8192 KiB", memory.evidence().get("ulimit -s (glibc's default thread stack)"));
        assertTrue(memory.explanation().contains("not ~8 MB"), memory.explanation());
    }

    @Test
    void memoryNearEightMegabytesReservedIsSupported() {
        ClaimResult memory = judgeEdited(set("memory", "thread-per-task", "vmSizePerUnit", null, 8.4e6))
                .get("table.memory");
        assertEquals(Verdict.SUPPORTED, memory.verdict(), memory.explanation());
    }

    @Test
    void threadsNoCostlierThanTheLoopRefutesTheMemoryRow() {
        ClaimResult memory = judgeEdited(set("memory", "thread-per-task", "rssPerUnit", null, 700))
                .get("table.memory");
        assertEquals(Verdict.REFUTED, memory.verdict(), memory.explanation());
    }

    @Test
    void gilRowReportsTheSpeedupNextToOneX() {
        ClaimResult gil = judge(FixtureRuns.COMPLETE).get("table.gil");
        assertEquals("1 x (one thread runs bytecode at a time)", gil.evidence().get("what a GIL allows"));
        assertTrue(gil.evidence().containsKey("platform-pool speed-up with 2 workers on 2 cores"), gil.evidence()
                .toString());
        assertTrue(gil.explanation().contains("no GIL"), gil.explanation());
    }

    @Test
    void serialisedThreadsSupportTheGilRow() {
        ClaimResult gil = judgeEdited(set("cpu-bound", "platform-pool", "time", "workers=2", 409)).get("table.gil");
        assertEquals(Verdict.SUPPORTED, gil.verdict(), gil.explanation());
    }

    @Test
    void ratioBelowThresholdRefutesAndStraddlingIsNotMeasured() {
        // threads no slower than the loop (30 / 48.2 ns): the claim's negation
        Map<String, ClaimResult> refuted = judgeEdited(set("context-switch", "platform-pool", "handoff", null, 30));
        assertEquals(Verdict.REFUTED, refuted.get("table.context-switch").verdict());
        // 1.45 x: short of the claimed 2 x, yet no contradiction either
        ClaimResult between = judgeEdited(set("context-switch", "platform-pool", "handoff", null, 70))
                .get("table.context-switch");
        assertEquals(Verdict.NOT_MEASURED, between.verdict());
        assertTrue(between.explanation().contains("nor wholly < 1 x (its negation)"), between.explanation());
        // 48.2 ns ± 6% x 2 = 96.4: 100 ns ± 12% straddles the 2 x threshold
        Map<String, ClaimResult> straddles = judgeEdited(set("context-switch", "platform-pool", "handoff", null, 100));
        ClaimResult c = straddles.get("table.context-switch");
        assertEquals(Verdict.NOT_MEASURED, c.verdict());
        assertTrue(c.explanation().startsWith("inconclusive"), c.explanation());
    }

    @Test
    void exampleTimingOutsideTheBandIsRefuted() {
        ClaimResult gather = judgeEdited(set("examples", "eventloop", "elapsedUnits", "example=gather", 6.02))
                .get("example.gather");
        assertEquals(Verdict.REFUTED, gather.verdict());
        // a slow loop on a busy machine is still nearer 4 rounds (3 at a time) than 10 (one at a time)
        assertEquals(Verdict.SUPPORTED, judgeEdited(set("examples", "eventloop", "elapsedUnits", "example=semaphore",
                5.33)).get("example.semaphore").verdict());
        ClaimResult sem = judgeEdited(set("examples", "eventloop", "maxConcurrent", null, 4)).get("example.semaphore");
        assertEquals(Verdict.REFUTED, sem.verdict());
        assertTrue(sem.explanation().contains("maxConcurrent was 4"), sem.explanation());
        ClaimResult timeout = judgeEdited(set("examples", "eventloop", "timedOut", null, 0)).get("example.wait-for");
        assertEquals(Verdict.REFUTED, timeout.verdict());
    }

    @Test
    void aNegativeDenominatorIsNotMeasuredAndSaysWhichRatio() {
        ClaimResult memory = judgeEdited(set("memory", "eventloop", "rssPerUnit", null, -2700)).get("table.memory");
        assertEquals(Verdict.NOT_MEASURED, memory.verdict());
        assertTrue(memory.explanation().startsWith("thread RSS / loop RSS per unit is undefined"),
                memory.explanation());
        // a negative resident size is noise, never evidence that threads cost less
        ClaimResult negative = judgeEdited(set("memory", "thread-per-task", "rssPerUnit", null, -11_000))
                .get("table.memory");
        assertEquals(Verdict.NOT_MEASURED, negative.verdict(), negative.explanation());
        assertTrue(negative.explanation().contains("its numerator is"), negative.explanation());
    }

    @Test
    void aStallIsTheWorstLatenessOfTwoModelsUnderTheSameDisturbance() {
        ClaimResult blocking = judge(FixtureRuns.COMPLETE).get("example.blocking-call");
        assertTrue(blocking.evidence().containsKey("platform-pool worst lateness, blocking sleep"));
        // the loop's worst lateness no worse than the pool's (0.78 ms): no stall at all
        assertEquals(Verdict.REFUTED, judgeEdited(set("preemption", "eventloop", "lateness.max",
                "disturbance=blocking-sleep", 0.8)).get("example.blocking-call").verdict());
        // 2.6 x the pool's: late, but short of a stall; not evidence against the seed either
        assertEquals(Verdict.NOT_MEASURED, judgeEdited(set("preemption", "eventloop", "lateness.max",
                "disturbance=blocking-sleep", 2)).get("example.blocking-call").verdict());
    }

    @Test
    void loopRaceRefutesDebuggingAndNoThreadRaceIsNotMeasured() {
        assertEquals(Verdict.REFUTED, judgeEdited(set("determinism", "eventloop", "distinctOutcomes", "await=none", 3))
                .get("table.debugging").verdict());
        assertEquals(Verdict.REFUTED, judgeEdited(set("determinism", "eventloop", "distinctOutcomes", "await=between",
                2)).get("table.debugging").verdict());
        Map<String, ClaimResult> noRace = judgeEdited(r -> set("determinism", "platform-pool", "distinctOutcomes",
                null, 1).apply(set("determinism", "platform-pool", "lostUpdates", null, 0).apply(r)));
        assertEquals(Verdict.NOT_MEASURED, noRace.get("table.debugging").verdict());
    }

    @Test
    void scalabilityNamesEveryModelsBreakPointAndTheStartFailure() {
        ClaimResult s = judge(FixtureRuns.COMPLETE).get("table.scalability");
        String threads = (String) s.evidence().get("thread-per-task");
        assertTrue(threads.contains("p99 broke (>= 2 x) at 10,000"), threads);
        assertTrue(threads.contains("threads failed to start at 30,000 tasks (24,511 started)"), threads);
        assertTrue(((String) s.evidence().get("platform-pool")).contains("p99 broke (>= 2 x) at 1,000"));
        assertTrue(((String) s.evidence().get("eventloop")).startsWith("held to 30,000 tasks"));
    }

    @Test
    void threadsHoldingToTenThousandRefuteScalability() {
        Map<String, ClaimResult> r = judgeEdited(set("scalability", "thread-per-task", "latencyFromGate.p99",
                "tasks=10000", 110));
        assertEquals(Verdict.REFUTED, r.get("table.scalability").verdict(), r.get("table.scalability").explanation());
    }

    @Test
    void partialRunSaysWhatIsMissingAndNeverGuesses() {
        Map<String, ClaimResult> r = judge(FixtureRuns.PARTIAL);
        for (String id : List.of("table.memory", "table.debugging", "example.connection-pooling")) {
            assertEquals(Verdict.NOT_MEASURED, r.get(id).verdict(), id);
            assertTrue(r.get(id).explanation().contains("the run lists it as missing")
                    && r.get(id).explanation().contains("not started (run interrupted)"), r.get(id).explanation());
        }
        ClaimResult scal = r.get("table.scalability");
        assertEquals(Verdict.NOT_MEASURED, scal.verdict());
        assertTrue(scal.explanation().contains("only up to 1,000 tasks"), scal.explanation());
        assertEquals(Verdict.SUPPORTED, r.get("table.context-switch").verdict());
    }

    @Test
    void guardedRowsNeverDecideAVerdict() {
        Map<String, ClaimResult> r = judge(FixtureRuns.GUARDED);
        for (String id : List.of("table.context-switch", "table.best-for", "example.gather",
                "example.gather-vs-sequential")) {
            ClaimResult c = r.get(id);
            assertEquals(Verdict.NOT_MEASURED, c.verdict(), id);
            assertTrue(c.explanation().contains("a guarded row never decides a verdict")
                    || c.explanation().contains("what voids one compared model's row voids every compared model's"), c.explanation());
        }
        // a guarded context row (process-pool speed-up) is shown as such but does not change the verdict
        ClaimResult gil = r.get("table.gil");
        assertEquals(Verdict.DIFFERS_ON_THE_JVM, gil.verdict());
        assertTrue(String.valueOf(gil.evidence().get("process-pool time, 2 workers")).contains("not-process"));
    }
}
