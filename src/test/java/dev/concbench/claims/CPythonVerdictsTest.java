package dev.concbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.results.ClaimResult;
import dev.concbench.results.ClaimResult.Verdict;
import dev.concbench.results.DecidingRow;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.RuntimeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CPython column is judged by the same rules and error discipline as the JVM's, from CPython's
 * rows alone. Proof: every table case of {@link RuleProofTest} (supported, refuted or differs, not
 * measured), with its rows handed to CPython's models ({@link #toCPython}), gives the same
 * {@code cpythonVerdict} as the JVM's verdict, except that a claim that differs where the seed did not
 * make it is refuted where it did.
 */
@Timeout(30)
class CPythonVerdictsTest {

    /** The scenarios whose "threading" is a thread per unit (thread-per-task), not a pool. */
    private static final Set<String> PER_TASK = Set.of("memory", "scalability");

    /** A JVM row as the CPython side would have measured it, or null when CPython has no such model. */
    static ResultRow toCPython(ResultRow r) {
        String model = switch (r.model()) {
            case "eventloop" -> ModelKind.PYTHON_ASYNCIO.id();
            case "virtual" -> ModelKind.PYTHON_UVLOOP.id();
            case "process-pool" -> ModelKind.PYTHON_PROCESSES.id();
            case "platform-pool" -> PER_TASK.contains(r.scenario()) ? null : ModelKind.PYTHON_THREADS.id();
            case "thread-per-task" -> PER_TASK.contains(r.scenario()) ? ModelKind.PYTHON_THREADS.id() : null;
            default -> null;
        };
        return model == null ? null : new ResultRow(r.scenario(), "concbench_py." + r.metric(), model, r.params(),
                r.metric(), r.value(), r.unit(), r.error(), r.samples(), r.better(), r.guards(), r.perFork());
    }

    /** The run's rows as CPython's only. */
    static RunData cpythonOnly(RunData jvm) {
        RunSummary s = jvm.summary();
        List<ResultRow> rows = s.rows().stream().map(CPythonVerdictsTest::toCPython).filter(Objects::nonNull).toList();
        return new RunData(new RunSummary(s.format(), s.runId(), s.profile(), s.complete(), s.missing(), rows),
                jvm.env().orElseThrow());
    }

    static Stream<RuleProofTest.Case> tableCases() {
        return RuleProofTest.cases().filter(c -> c.claim().startsWith("table."));
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("tableCases")
    void cpythonGoesEveryWayTheJvmGoes(RuleProofTest.Case proof) {
        RunData jvm = RowEdits.edited(proof.edits().toArray(new UnaryOperator[0]));
        Verdict expected = RowEdits.judge(jvm).get(proof.claim()).verdict();
        ClaimResult py = RowEdits.judge(cpythonOnly(jvm)).get(proof.claim());
        Verdict want = expected == Verdict.DIFFERS_ON_THE_JVM ? Verdict.REFUTED : expected;
        assertEquals(want, py.cpythonVerdict(), py.cpythonExplanation());
        assertEquals(Verdict.NOT_MEASURED, py.verdict(), "no JVM rows: the JVM column is not measured");
        for (DecidingRow row : py.cpythonDeciding()) {
            assertEquals(RuntimeKind.CPYTHON, ModelKind.runtimeOf(row.model()), row.toString());
            assertTrue(row.samples() >= RunData.MIN_SAMPLES && Double.isFinite(row.error()), row.toString());
        }
        if (want != Verdict.NOT_MEASURED) {
            assertFalse(py.cpythonDeciding().isEmpty(), "a decided CPython verdict lists its deciding rows");
        }
    }

    @Test
    void everyTableClaimGetsEachCPythonOutcome() {
        Map<String, Set<Verdict>> reached = new java.util.HashMap<>();
        tableCases().forEach(c -> {
            @SuppressWarnings("unchecked")
            RunData jvm = RowEdits.edited(c.edits().toArray(new UnaryOperator[0]));
            reached.computeIfAbsent(c.claim(), k -> new java.util.HashSet<>())
                    .add(RowEdits.judge(cpythonOnly(jvm)).get(c.claim()).cpythonVerdict());
        });
        for (Claim claim : SeedClaims.all().stream().filter(Claim::isTableRow).toList()) {
            assertEquals(Set.of(Verdict.SUPPORTED, Verdict.REFUTED, Verdict.NOT_MEASURED), reached.get(claim.id()),
                    claim.id());
        }
    }

    @Test
    void bothRuntimesInOneRunAreJudgedApart() {
        RunData jvm = Fixtures.data(FixtureRuns.COMPLETE);
        List<ResultRow> rows = new ArrayList<>(jvm.summary().rows());
        // a condition guard on every CPython row voids CPython's verdicts, never the JVM's
        cpythonOnly(jvm).summary().rows().forEach(r -> rows.add(r.withGuard("cpu-contended: 1 shot(s)")));
        RunSummary s = jvm.summary();
        RunData both = new RunData(new RunSummary(s.format(), s.runId(), s.profile(), s.complete(), s.missing(), rows),
                jvm.env().orElseThrow());
        Map<String, ClaimResult> alone = RowEdits.judge(jvm);
        Map<String, ClaimResult> together = RowEdits.judge(both);
        for (Claim claim : SeedClaims.all()) {
            assertEquals(alone.get(claim.id()).verdict(), together.get(claim.id()).verdict(), claim.id());
            if (claim.isTableRow()) {
                assertEquals(Verdict.NOT_MEASURED, together.get(claim.id()).cpythonVerdict(), claim.id());
            }
        }
    }

    @Test
    void aRunWithoutCPythonRowsSaysSo() {
        Map<String, ClaimResult> r = RowEdits.judge(Fixtures.data(FixtureRuns.COMPLETE));
        ClaimResult gil = r.get("table.gil");
        assertEquals(Verdict.NOT_MEASURED, gil.cpythonVerdict());
        assertTrue(gil.cpythonExplanation().contains("no CPython rows"), gil.cpythonExplanation());
        assertNull(r.get("example.gather").cpythonVerdict(), "examples are judged on the JVM only");
    }

    @Test
    void claimsJsonCarriesTheCPythonColumnBesideTheVerdict(@TempDir Path dir) throws Exception {
        RunData py = cpythonOnly(Fixtures.data(FixtureRuns.COMPLETE));
        List<ClaimResult> claims = SeedClaims.judge(py);
        Path file = dir.resolve("claims.json");
        ResultsDir.writeClaims(file, claims);
        String text = Files.readString(file);
        assertTrue(text.contains("\"cpythonVerdict\""), text);
        assertTrue(text.contains("\"cpythonDeciding\""), text);
        List<ClaimResult> back = List.of(ResultsDir.json().readValue(file.toFile(), ClaimResult[].class));
        assertEquals(claims.stream().map(ClaimResult::cpythonVerdict).toList(),
                back.stream().map(ClaimResult::cpythonVerdict).toList());
        assertNotNull(back.getFirst().cpythonDeciding());
        assertEquals(claims.stream().map(ClaimResult::verdict).collect(Collectors.toList()),
                back.stream().map(ClaimResult::verdict).toList());
    }
}
