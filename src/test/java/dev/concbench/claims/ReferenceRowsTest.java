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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code netty}'s rows are reference rows: beside every {@code eventloop} row of the complete
 * fixture, a {@code netty} row far better or far worse than ours leaves every verdict, explanation
 * and piece of evidence as it was.
 */
class ReferenceRowsTest {

    @ParameterizedTest(name = "netty at {0}x ours")
    @ValueSource(doubles = {0.01, 100})
    void nettyRowsChangeNoVerdict(double factor) {
        RunData base = Fixtures.data(FixtureRuns.COMPLETE);
        RunSummary s = base.summary();
        List<ResultRow> rows = new ArrayList<>(s.rows());
        for (ResultRow r : s.rows()) {
            if (ModelKind.EVENTLOOP.is(r.model())) {
                rows.add(new ResultRow(r.scenario(), r.benchmark(), ModelKind.NETTY.id(), r.params(), r.metric(),
                        r.value() * factor, r.unit(), r.error() * factor, r.samples(), r.better(), r.guards()));
            }
        }
        assertFalse(rows.size() == s.rows().size(), "the fixture has eventloop rows to mirror");
        Map<String, ClaimResult> before = RowEdits.judge(base);
        Map<String, ClaimResult> with = RowEdits.judge(new RunData(
                new RunSummary(s.format(), s.runId(), s.profile(), s.complete(), s.missing(), rows), base.env().orElseThrow()));
        assertEquals(before, with);
    }
}
