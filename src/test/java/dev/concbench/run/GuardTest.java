package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.results.ResultRow;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.Scenario;
import dev.concbench.scenario.ScenarioCatalog;
import dev.concbench.server.DelayServerProcess;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A guarded row is kept and marked: an open-loop driver asked for more than it can send. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GuardTest {

    @Test
    void droppedSendsAreKeptAndGuardTheRowPastTheirShare() throws Exception {
        // a new platform thread per request cannot keep up with one send every 10 us
        Scenario s = JmhRunTest.scenario("scenarios/io-load.yaml", """
                claim: "table: best for"
                title: I/O under load
                benchmark: IoLoadBenchmark.openLoop
                server: true
                models: [thread-per-task]
                metrics:
                  throughput: {unit: req/s, better: higher}
                  dropped: {unit: count, better: lower}
                profiles:
                  smoke: {params: {rate: [100000], delayMs: [1], durationMs: [200]}, warmup: 0, iterations: 1}
                  quick: {}
                  full: {}
                """);
        PlanItem item = new Planner(BenchmarkCatalog.of()).plan(new ScenarioCatalog(List.of(s)), Profile.SMOKE,
                List.of(), List.of()).items().get(0);
        try (DelayServerProcess server = DelayServerProcess.start()) {
            InetSocketAddress a = server.address();
            JmhInvocation.Outcome outcome = new JmhInvocation(List.of(
                    "-D" + BenchmarkCatalog.SERVER_PROPERTY + "=" + a.getHostString() + ":" + a.getPort())).run(item);
            assertEquals(1, outcome.results().size(), outcome.output());
            List<ResultRow> rows = RowMapper.rows(item, outcome.results().iterator().next());
            assertEquals(2, rows.size(), "guarded rows are kept");
            ResultRow dropped = rows.get(1);
            // The driver hands every send to a submitter and never waits on the model (issue 10), so a
            // send is late only when the OS kept the driver itself off the CPU: whether that happens
            // here is the machine's doing. What must hold either way: the count is kept, and the row
            // is guarded exactly when more than the guard's share of the 20,000 sends went out late.
            double sends = 100_000 * 0.2;
            boolean guarded = dropped.guards().stream().anyMatch(g -> g.matches(
                    "dropped-sends: \\d+ send\\(s\\) could not go out at their intended time"));
            assertTrue(dropped.value() >= 0, dropped.toString());
            assertEquals(dropped.value() > sends * dev.concbench.bench.IoLoadBenchmark.DROPPED_GUARD_SHARE, guarded,
                    dropped.toString());
            assertEquals(!guarded, dropped.trusted(), dropped.toString());
        }
    }
}
