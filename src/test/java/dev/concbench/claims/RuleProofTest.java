package dev.concbench.claims;

import static dev.concbench.claims.RowEdits.drop;
import static dev.concbench.claims.RowEdits.error;
import static dev.concbench.claims.RowEdits.guard;
import static dev.concbench.claims.RowEdits.judge;
import static dev.concbench.claims.RowEdits.judgeEdited;
import static dev.concbench.claims.RowEdits.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.results.ClaimResult;
import dev.concbench.results.ClaimResult.Verdict;
import dev.concbench.results.DecidingRow;
import dev.concbench.results.ResultRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule can fail: for each claim, fixture rows that must give {@code refuted} (or {@code differs
 * on the JVM}), rows that must give {@code supported}, and rows that must give {@code not measured}
 * (a missing error bar, a guard, a straddling interval), each with the reason it must state.
 */
@Timeout(20)
class RuleProofTest {

    /** One proof: a claim, the edit to the complete fixture, the verdict it must get and a phrase of why. */
    record Case(String name, String claim, List<UnaryOperator<ResultRow>> edits, Verdict verdict, String because) {
        @Override
        public String toString() {
            return claim + ": " + name + " -> " + verdict.label();
        }
    }

    private static Case c(String claim, String name, Verdict verdict, String because,
            List<UnaryOperator<ResultRow>> edits) {
        return new Case(name, claim, edits, verdict, because);
    }

    private static final String NO_ERROR = "has no error bar";
    private static final String GUARDED = "a guarded row never decides a verdict";
    private static final String VOIDS_EVERY = "what voids one compared model's row voids every compared model's";
    private static final String STRADDLES = "inconclusive";

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        String hog = "disturbance=cpu-hog";
        String sleep = "disturbance=blocking-sleep";
        // table.concurrency-model: eventloop / platform-pool worst lateness under a CPU hog
        String cm = "table.concurrency-model";
        all.add(c(cm, "the fixture", Verdict.SUPPORTED, "preempting", List.of()));
        all.add(c(cm, "the loop's stall predicted, so its loop-blocked guard is no reason to stay silent",
                Verdict.SUPPORTED, "preempting", List.of(guard("preemption", "eventloop", null, hog,
                        "loop-blocked: 9 time(s) the loop was blocked beyond the slow-callback threshold"))));
        all.add(c(cm, "threads as late as the loop", Verdict.REFUTED, "did not stall",
                List.of(set("preemption", "platform-pool", "lateness.max", hog, 150))));
        all.add(c(cm, "a thread stall under the hog", Verdict.REFUTED, "thread-stalled",
                List.of(guard("preemption", "platform-pool", null, hog,
                        "thread-stalled: 3 time(s) the probe thread went unscheduled beyond 100 ms"))));
        all.add(c(cm, "a maximum without an error bar", Verdict.NOT_MEASURED, NO_ERROR,
                List.of(error("preemption", "eventloop", "lateness.max", hog, Double.NaN, 1))));
        all.add(c(cm, "two shots only", Verdict.NOT_MEASURED, "has 2 sample(s)",
                List.of(error("preemption", "platform-pool", "lateness.max", hog, 0.1, 2))));
        all.add(c(cm, "a contended CPU on virtual's row voids every model's", Verdict.NOT_MEASURED, VOIDS_EVERY,
                List.of(guard("preemption", "virtual", "lateness.max", hog,
                        "cpu-contended: 4 shot(s) in which other processes took more than a quarter of the CPU"))));
        all.add(c(cm, "between the stall and its negation", Verdict.NOT_MEASURED, STRADDLES,
                List.of(set("preemption", "platform-pool", "lateness.max", hog, 40))));

        // table.best-for: highest sustained io-load rate, and CPU speed-up
        String bf = "table.best-for";
        all.add(c(bf, "the fixture: the pool falls behind at 2000 req/s, the loop does not", Verdict.SUPPORTED,
                "went at least as far", List.of()));
        all.add(c(bf, "the loop falls behind first", Verdict.REFUTED, "fell behind before the thread pool",
                List.of(set("io-load", "eventloop", "latency.p99", "rate=500", 55))));
        all.add(c(bf, "threads no faster than the loop on CPU", Verdict.REFUTED, "not clearly faster",
                List.of(set("cpu-bound", "platform-pool", "time", "workers=2", 400))));
        all.add(c(bf, "every model meets every rate", Verdict.NOT_MEASURED, "decides nothing",
                List.of(set("io-load", "platform-pool", "latency.p99", "rate=2000", 25),
                        set("io-load", "platform-pool", "notCompleted", "rate=2000", 0))));
        all.add(c(bf, "a p99 without an error bar", Verdict.NOT_MEASURED, NO_ERROR,
                List.of(error("io-load", "eventloop", "latency.p99", "rate=2000", Double.NaN, 50_000))));
        all.add(c(bf, "dropped sends on one model's row void the others'", Verdict.NOT_MEASURED, VOIDS_EVERY,
                List.of(guard("io-load", "virtual", "latency.p99", "rate=500", "dropped-sends: 900 of 5,000 sends"))));
        all.add(c(bf, "the loop's p99 straddles the bound", Verdict.NOT_MEASURED, STRADDLES,
                List.of(set("io-load", "eventloop", "latency.p99", "rate=2000", 39.5))));

        // table.context-switch: platform-pool / eventloop hand-off, pinned rows when both have them
        String cs = "table.context-switch";
        all.add(c(cs, "the fixture's pinned rows", Verdict.SUPPORTED, "went through the kernel", List.of()));
        all.add(c(cs, "pinned threads as cheap as the loop", Verdict.REFUTED, "not clearly slower",
                List.of(set("context-switch", "platform-pool", "handoff", "pinned=true", 40))));
        all.add(c(cs, "a pinned ratio that straddles 2 x", Verdict.NOT_MEASURED, STRADDLES,
                List.of(set("context-switch", "platform-pool", "handoff", "pinned=true", 96))));
        all.add(c(cs, "pinned rows without an error bar", Verdict.NOT_MEASURED, NO_ERROR,
                List.of(error("context-switch", "eventloop", "handoff", "pinned=true", Double.NaN, 1))));
        all.add(c(cs, "pinned rows on virtual threads pinned: only virtual's row is void", Verdict.SUPPORTED,
                "went through the kernel", List.of(guard("context-switch", "virtual", "handoff", null,
                        "pinned: 37 jdk.VirtualThreadPinned events"))));
        all.add(c(cs, "an incomplete loop row voids the threads' row too", Verdict.NOT_MEASURED, VOIDS_EVERY,
                List.of(guard("context-switch", "eventloop", "handoff", "pinned=true", "incomplete: 3 of 5"))));
        all.add(c(cs, "a blocked loop where no claim is about blocking: its own row is void", Verdict.NOT_MEASURED,
                GUARDED, List.of(guard("context-switch", "eventloop", "handoff", "pinned=true",
                        "loop-blocked: a callback held the loop 212 ms"))));

        // table.memory
        String mem = "table.memory";
        all.add(c(mem, "a JVM thread reserves 1 MiB", Verdict.DIFFERS_ON_THE_JVM, "not ~8 MB", List.of()));
        all.add(c(mem, "an 8 MiB reservation", Verdict.SUPPORTED, "about the seed's",
                List.of(set("memory", "thread-per-task", "vmSizePerUnit", null, 8.4e6))));
        all.add(c(mem, "threads no costlier than the loop", Verdict.REFUTED, "did not cost clearly more",
                List.of(set("memory", "thread-per-task", "rssPerUnit", null, 600))));
        all.add(c(mem, "two iterations", Verdict.NOT_MEASURED, "has 2 sample(s)",
                List.of(error("memory", "thread-per-task", "rssPerUnit", null, 100, 2))));
        all.add(c(mem, "a resized heap on virtual's row voids every model's", Verdict.NOT_MEASURED, VOIDS_EVERY,
                List.of(guard("memory", "virtual", "rssPerUnit", null, "heap-resized: 1 shot(s)"))));
        all.add(c(mem, "a negative figure in virtual's fork voids its own row only", Verdict.DIFFERS_ON_THE_JVM,
                "not ~8 MB", List.of(guard("memory", "virtual", "rssPerUnit", null,
                        "negative-memory: 1 shot(s) in which a memory-per-unit figure came out negative"))));
        all.add(c(mem, "a negative figure in the loop's own fork", Verdict.NOT_MEASURED, GUARDED,
                List.of(guard("memory", "eventloop", "rssPerUnit", null,
                        "negative-memory: 1 shot(s) in which a memory-per-unit figure came out negative"))));

        // table.gil: asyncio ~1 x; threads <= 1.1 x supported, >= 1.5 x differs, between not measured
        String gil = "table.gil";
        all.add(c(gil, "two threads 1.9 x faster", Verdict.DIFFERS_ON_THE_JVM, "no GIL", List.of()));
        all.add(c(gil, "two threads serialised", Verdict.SUPPORTED, "as serialised as a GIL",
                List.of(set("cpu-bound", "platform-pool", "time", "workers=2", 409))));
        all.add(c(gil, "1.37 x: neither a GIL nor parallel", Verdict.NOT_MEASURED, "neither wholly",
                List.of(set("cpu-bound", "platform-pool", "time", "workers=2", 300))));
        all.add(c(gil, "the loop sped up: more than one thread ran its coroutines", Verdict.REFUTED,
                "more than one thread", List.of(set("cpu-bound", "eventloop", "time", "workers=2", 214))));
        all.add(c(gil, "a time without an error bar", Verdict.NOT_MEASURED, NO_ERROR,
                List.of(error("cpu-bound", "platform-pool", "time", "workers=2", Double.NaN, 1))));

        // table.debugging: distinct outcomes of both loop variants and of threads
        String dbg = "table.debugging";
        all.add(c(dbg, "the fixture", Verdict.SUPPORTED, "the same each time", List.of()));
        all.add(c(dbg, "the awaiting loop varies between runs", Verdict.REFUTED, "not deterministic",
                List.of(set("determinism", "eventloop", "distinctOutcomes", "await=between", 2))));
        all.add(c(dbg, "the awaiting loop lost nothing (no read and write straddled a switch point)",
                Verdict.NOT_MEASURED, "proves nothing",
                List.of(set("determinism", "eventloop", "lostUpdates", "await=between", 0))));
        all.add(c(dbg, "no race on threads", Verdict.NOT_MEASURED, "no race showed",
                List.of(set("determinism", "platform-pool", "distinctOutcomes", null, 1))));
        all.add(c(dbg, "threads raced in one shot of three (a mean of 1.67 with a t error wider than itself)",
                Verdict.SUPPORTED, "different answers: 1, 1, 3 per shot (3 shots) distinct outcomes",
                List.of(RowEdits.shots("determinism", "platform-pool", "distinctOutcomes", null, 1, 1, 3))));
        all.add(c(dbg, "threads gave one answer in every shot", Verdict.NOT_MEASURED, "no race showed",
                List.of(RowEdits.shots("determinism", "platform-pool", "distinctOutcomes", null, 1, 1, 1))));
        all.add(c(dbg, "a run without the awaiting variant (an older results folder)", Verdict.NOT_MEASURED,
                "no row for determinism/eventloop [await=between]",
                List.of(drop("determinism", "eventloop", null, "await=between"))));
        all.add(c(dbg, "a count without its error", Verdict.NOT_MEASURED, NO_ERROR,
                List.of(error("determinism", "eventloop", "distinctOutcomes", "await=none", Double.NaN, 50))));
        all.add(c(dbg, "two runs", Verdict.NOT_MEASURED, "has 2 sample(s)",
                List.of(error("determinism", "platform-pool", "distinctOutcomes", null, 0, 2))));

        // table.scalability: latencyFromGate.p99
        String sc = "table.scalability";
        all.add(c(sc, "the fixture", Verdict.SUPPORTED, "broke at 10,000", List.of()));
        all.add(c(sc, "threads hold to 10,000", Verdict.REFUTED, "far beyond",
                List.of(set("scalability", "thread-per-task", "latencyFromGate.p99", "tasks=10000", 110))));
        all.add(c(sc, "the loop breaks at 10,000", Verdict.REFUTED, "before the claimed 10,000",
                List.of(set("scalability", "eventloop", "latencyFromGate.p99", "tasks=10000", 400))));
        all.add(c(sc, "a straddling loop ratio is not 'held'", Verdict.NOT_MEASURED, STRADDLES,
                List.of(set("scalability", "eventloop", "latencyFromGate.p99", "tasks=10000", 202))));
        all.add(c(sc, "the loop's p99 without an error bar", Verdict.NOT_MEASURED, NO_ERROR,
                List.of(error("scalability", "eventloop", "latencyFromGate.p99", "tasks=1000", Double.NaN, 1))));
        all.add(c(sc, "an older run without latencyFromGate", Verdict.NOT_MEASURED, "no row",
                List.of(drop("scalability", null, "latencyFromGate.p99", null))));

        // examples (ExampleRule)
        all.add(c("example.gather", "the fixture", Verdict.SUPPORTED, "overlapped", List.of()));
        all.add(c("example.gather", "the sum of the delays", Verdict.REFUTED, "nearer 6",
                List.of(set("examples", "eventloop", "elapsedUnits", "example=gather", 6.02))));
        all.add(c("example.gather", "an elapsed time without an error bar", Verdict.NOT_MEASURED, NO_ERROR,
                List.of(error("examples", "eventloop", "elapsedUnits", "example=gather", Double.NaN, 1))));
        all.add(c("example.semaphore", "4 in flight", Verdict.REFUTED, "maxConcurrent was 4",
                List.of(set("examples", "eventloop", "maxConcurrent", null, 4))));
        all.add(c("example.semaphore", "a guarded counter", Verdict.NOT_MEASURED, GUARDED,
                List.of(guard("examples", "eventloop", "maxConcurrent", null, "incomplete: 2 of 5"))));
        all.add(c("example.semaphore", "the fixture", Verdict.SUPPORTED, "Never more than 3", List.of()));
        all.add(c("example.wait-for", "the fixture", Verdict.SUPPORTED, "cancelled", List.of()));
        all.add(c("example.wait-for", "no timeout", Verdict.REFUTED, "timedOut was 0",
                List.of(set("examples", "eventloop", "timedOut", null, 0))));
        all.add(c("example.wait-for", "a counter from one shot", Verdict.NOT_MEASURED, NO_ERROR,
                List.of(error("examples", "eventloop", "timedOut", null, Double.NaN, 1))));
        all.add(c("example.tasks", "the sum of the tasks", Verdict.REFUTED, "nearer 6",
                List.of(set("examples", "eventloop", "elapsedUnits", "example=tasks", 5.9))));
        all.add(c("example.tasks", "the fixture", Verdict.SUPPORTED, "nearer 3 units than 6", List.of()));
        all.add(c("example.tasks", "a straddling elapsed time", Verdict.NOT_MEASURED, STRADDLES,
                List.of(set("examples", "eventloop", "elapsedUnits", "example=tasks", 4.49))));
        all.add(c("example.tasks", "faster than its timers allow", Verdict.REFUTED, "less than the seed's timers allow",
                List.of(set("examples", "eventloop", "elapsedUnits", "example=tasks", 2.0))));
        all.add(c("example.tasks", "just under 0.95 x but within its error (timer jitter)", Verdict.SUPPORTED,
                "nearer 3 units than 6", List.of(set("examples", "eventloop", "elapsedUnits", "example=tasks", 2.8),
                        error("examples", "eventloop", "elapsedUnits", "example=tasks", 0.5, 5))));

        // example.blocking-call: eventloop / platform-pool worst lateness, blocking sleep
        String bc = "example.blocking-call";
        all.add(c(bc, "the fixture", Verdict.SUPPORTED, "froze the whole loop", List.of()));
        all.add(c(bc, "the loop no later than threads", Verdict.REFUTED, "did not delay",
                List.of(set("preemption", "eventloop", "lateness.max", sleep, 0.8))));
        all.add(c(bc, "a stalled thread pool", Verdict.REFUTED, "blocks only its own thread",
                List.of(guard("preemption", "platform-pool", null, sleep, "thread-stalled: 2 time(s)"))));
        all.add(c(bc, "between the stall and its negation", Verdict.NOT_MEASURED, STRADDLES,
                List.of(set("preemption", "eventloop", "lateness.max", sleep, 2))));

        // example.cpu-offload: eventloop / eventloop+offload worst lateness under a CPU hog
        String off = "example.cpu-offload";
        all.add(c(off, "the fixture", Verdict.SUPPORTED, "stayed on time", List.of()));
        all.add(c(off, "a loop blocked although the work was offloaded", Verdict.REFUTED, "keeps the loop responsive",
                List.of(guard("preemption", "eventloop+offload", null, hog,
                        "loop-blocked: 4 time(s) the loop was blocked beyond the slow-callback threshold"))));
        all.add(c(off, "offloading as late as inline", Verdict.REFUTED, "did not keep",
                List.of(set("preemption", "eventloop+offload", "lateness.max", hog, 180))));
        all.add(c(off, "a worst lateness without an error bar", Verdict.NOT_MEASURED, NO_ERROR,
                List.of(error("preemption", "eventloop+offload", "lateness.max", hog, Double.NaN, 1))));

        // example.gather-vs-sequential and example.connection-pooling
        String gs = "example.gather-vs-sequential";
        all.add(c(gs, "the fixture", Verdict.SUPPORTED, "at once", List.of()));
        all.add(c(gs, "sequential as fast as gather", Verdict.REFUTED, "not clearly faster",
                List.of(set("examples", "eventloop", "elapsedUnits", "example=sequential", 3.05))));
        all.add(c(gs, "1.3 x: short of the claim, no contradiction", Verdict.NOT_MEASURED, STRADDLES,
                List.of(set("examples", "eventloop", "elapsedUnits", "example=sequential", 3.93))));
        String pool = "example.connection-pooling";
        all.add(c(pool, "the fixture", Verdict.SUPPORTED, "faster", List.of()));
        all.add(c(pool, "new connections cheaper than pooled", Verdict.REFUTED, "not clearly slower",
                List.of(set("pooling", "eventloop", "request", "connections=new-per-request", 50))));
        all.add(c(pool, "a straddling ratio", Verdict.NOT_MEASURED, STRADDLES,
                List.of(set("pooling", "eventloop", "request", "connections=new-per-request", 68))));
        return all.stream();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRuleCanGoEveryWay(Case proof) {
        UnaryOperator<ResultRow>[] edits = proof.edits().toArray(new UnaryOperator[0]);
        ClaimResult r = judgeEdited(edits).get(proof.claim());
        assertEquals(proof.verdict(), r.verdict(), r.explanation());
        assertTrue(r.explanation().contains(proof.because()), "'" + proof.because() + "' not in: " + r.explanation());
        if (proof.verdict() == Verdict.NOT_MEASURED) {
            return;
        }
        assertFalse(r.deciding().isEmpty(), proof + ": a decided verdict lists its deciding rows");
        for (DecidingRow row : r.deciding()) {
            assertTrue(row.samples() >= RunData.MIN_SAMPLES && Double.isFinite(row.error()), row.toString());
        }
    }

    /** A rule with no reachable refuted (or differs) is a defect: every claim has each outcome above. */
    @Test
    void everyClaimHasAProofOfEachOutcome() {
        Map<String, Set<Verdict>> reached = cases().collect(Collectors.groupingBy(Case::claim,
                Collectors.mapping(Case::verdict, Collectors.toSet())));
        for (Claim claim : SeedClaims.all()) {
            Set<Verdict> v = reached.getOrDefault(claim.id(), Set.of());
            boolean againstOrDiffers = v.contains(Verdict.REFUTED) || v.contains(Verdict.DIFFERS_ON_THE_JVM);
            assertTrue(againstOrDiffers && v.contains(Verdict.SUPPORTED) && v.contains(Verdict.NOT_MEASURED),
                    claim.id() + " proves only " + v);
        }
    }

    @Test
    void claimsJsonListsTheDecidingRowsAsData() {
        ClaimResult cs = judge(FixtureRuns.COMPLETE).get("table.context-switch");
        assertEquals(List.of("platform-pool", "eventloop"), cs.deciding().stream().map(DecidingRow::model).toList());
        DecidingRow pool = cs.deciding().getFirst();
        assertEquals(Map.of("pinned", "true", "poolSize", "2"), pool.params());
        assertEquals("handoff", pool.metric());
        assertEquals("ns/op", pool.unit());
        assertEquals(3150, pool.value(), 1e-9);
        assertEquals(10, pool.samples());
        assertTrue(String.valueOf(cs.evidence().get("rows compared")).startsWith("the pinned variant"));
        assertTrue(String.valueOf(cs.evidence().get("platform-pool hand-off mechanism")).contains("futex"));
        ClaimResult unpinned = judgeEdited(drop("context-switch", null, null, "pinned=true")).get("table.context-switch");
        assertEquals(Verdict.SUPPORTED, unpinned.verdict());
        assertTrue(String.valueOf(unpinned.evidence().get("rows compared")).startsWith("the default rows"));
        assertTrue(unpinned.deciding().stream().allMatch(d -> !d.params().containsKey("pinned")));
    }

    @Test
    void thePreemptionRatioSaysWhatIsFixedByConstruction() {
        ClaimResult cm = judge(FixtureRuns.COMPLETE).get("table.concurrency-model");
        assertTrue(String.valueOf(cm.evidence().get("by construction")).contains("durationMs"));
        assertTrue(cm.rule().contains("By construction"), cm.rule());
    }
}
