package dev.concbench.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.results.ClaimResult;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import dev.concbench.vocab.ModelKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code netty}'s rows are reference rows: beside every {@code eventloop} row of the complete
 * fixture, a {@code netty} row far better or far worse than ours, or one carrying condition guards
 * of its own, leaves every verdict, explanation and piece of evidence as it was.
 */
class ReferenceRowsTest {

    @ParameterizedTest(name = "netty at {0}x ours")
    @ValueSource(doubles = {0.01, 100})
    void nettyRowsChangeNoVerdict(double factor) {
        assertEquals(RowEdits.judge(Fixtures.data(FixtureRuns.COMPLETE)), withNetty(factor, r -> r));
    }

    /**
     * A condition guard on a reference model's row voids that row only: the claims compare their
     * cast's models, and netty is in no cast. Here netty's cpu-bound rows are cpu-contended (as a
     * loop thread beside a busy machine's other work often is) and every other netty row incomplete.
     */
    @ParameterizedTest(name = "guarded netty rows at {0}x ours")
    @ValueSource(doubles = {0.01, 1, 100})
    void guardedNettyRowsChangeNoVerdict(double factor) {
        Map<String, ClaimResult> before = RowEdits.judge(Fixtures.data(FixtureRuns.COMPLETE));
        Map<String, ClaimResult> with = withNetty(factor, r -> r.withGuard(r.scenario().equals("cpu-bound")
                ? "cpu-contended: 4 of 10 shot(s) got less CPU than they asked for"
                : "incomplete: 3 unit(s) could not be started"));
        assertEquals(before.keySet(), with.keySet());
        before.forEach((id, c) -> {
            assertEquals(c.verdict() + ": " + c.explanation(), with.get(id).verdict() + ": " + with.get(id).explanation(), id);
            assertEquals(c, with.get(id), id);
        });
    }

    /**
     * The context-switch claim reads our hand-off through futures: an {@code eventloop} row of Netty's
     * mechanism ({@code mechanism=execute}) beside each of ours, far faster or far slower, changes no verdict.
     */
    @ParameterizedTest(name = "our execute hand-off at {0}x our futures one")
    @ValueSource(doubles = {0.01, 100})
    void ourExecuteHandoffRowsChangeNoVerdict(double factor) {
        RunData base = Fixtures.data(FixtureRuns.COMPLETE);
        RunSummary s = base.summary();
        List<ResultRow> rows = new ArrayList<>(s.rows());
        for (ResultRow r : s.rows(ContextSwitchRule.SCENARIO)) {
            if (ModelKind.EVENTLOOP.is(r.model())) {
                Map<String, String> params = new java.util.TreeMap<>(r.params());
                params.put("mechanism", "execute");
                rows.add(new ResultRow(r.scenario(), r.benchmark(), r.model(), params, r.metric(), r.value() * factor,
                        r.unit(), r.error() * factor, r.samples(), r.better(), r.guards()));
            }
        }
        assertFalse(rows.size() == s.rows().size(), "the fixture has eventloop context-switch rows to mirror");
        assertEquals(RowEdits.judge(base), RowEdits.judge(new RunData(new RunSummary(s.format(), s.runId(), s.profile(),
                s.complete(), s.missing(), rows), base.env().orElseThrow())));
    }

    /** The complete fixture judged with a netty row beside each eventloop row: {@code factor} x its value and error. */
    private static Map<String, ClaimResult> withNetty(double factor, UnaryOperator<ResultRow> edit) {
        RunData base = Fixtures.data(FixtureRuns.COMPLETE);
        RunSummary s = base.summary();
        List<ResultRow> rows = new ArrayList<>(s.rows());
        for (ResultRow r : s.rows()) {
            if (ModelKind.EVENTLOOP.is(r.model())) {
                rows.add(edit.apply(new ResultRow(r.scenario(), r.benchmark(), ModelKind.NETTY.id(), r.params(),
                        r.metric(), r.value() * factor, r.unit(), r.error() * factor, r.samples(), r.better(),
                        r.guards())));
            }
        }
        assertFalse(rows.size() == s.rows().size(), "the fixture has eventloop rows to mirror");
        return RowEdits.judge(new RunData(new RunSummary(s.format(), s.runId(), s.profile(), s.complete(), s.missing(),
                rows), base.env().orElseThrow()));
    }
}
