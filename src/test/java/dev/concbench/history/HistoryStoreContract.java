package dev.concbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.fixtures.FixtureRuns;
import dev.concbench.fixtures.Fixtures;
import dev.concbench.results.ClaimResult;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every history database must do, run against SQLite ({@link SqliteHistoryStoreTest}) and a
 * real PostgreSQL server ({@link PostgresHistoryStoreTest}): one schema, one behaviour.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class HistoryStoreContract {

    /** A JDBC URL of a new, empty database. */
    abstract String newUrl() throws Exception;

    static StoredRun fixture(String name) throws Exception {
        return StoredRun.read(ResultsDir.open(Fixtures.source(name)), StoredRun.Origin.imported());
    }

    /** The complete fixture under another run id (a distinct run), with one claim's verdict. */
    static StoredRun variant(StoredRun base, String runId) {
        RunSummary s = base.summary();
        ClaimResult claim = new ClaimResult("table.context-switch", "Context switch", "threads switch in the OS",
                "table", ClaimResult.Verdict.SUPPORTED, "ratio > 2", Map.of("ratio", 7.9), List.of(),
                "the loop hands off faster", List.of());
        return new StoredRun(new RunSummary(s.format(), runId, s.profile(), s.complete(), s.missing(), s.rows()),
                base.env(), List.of(claim), new StoredRun.Origin("host-a", "main", "run"));
    }

    @Test
    void aRunIsStoredAndReadBackWithItsRowsAndClaims() throws Exception {
        String url = newUrl();
        StoredRun plain = variant(fixture(FixtureRuns.COMPLETE), "20261101-120000-quick");
        // the first row kept its raw samples: two forks, of 2 and 1 iterations
        List<ResultRow> rows = new java.util.ArrayList<>(plain.summary().rows());
        ResultRow f = rows.getFirst();
        rows.set(0, new ResultRow(f.scenario(), f.benchmark(), f.model(), f.params(), f.metric(), f.value(), f.unit(),
                f.error(), f.samples(), f.better(), f.guards(), List.of(List.of(1.0, 2.0), List.of(3.0))));
        RunSummary s = plain.summary();
        StoredRun run = new StoredRun(new RunSummary(s.format(), s.runId(), s.profile(), s.complete(), s.missing(), rows),
                plain.env(), plain.claims(), plain.origin());
        try (HistoryStore store = HistoryDatabase.open(url)) {
            assertTrue(store.append(run));
            List<RunEntry> runs = store.runs(0);
            assertEquals(1, runs.size());
            RunEntry e = runs.getFirst();
            assertEquals("20261101-120000-quick", e.runId());
            assertEquals(run.rows().size(), e.rows());
            assertEquals("quick", e.profile());
            assertEquals("host-a", e.host());
            assertEquals(run.env().gitCommit(), e.gitCommit());
            assertTrue(e.complete());

            List<TrendPoint> trend = store.trend(new SeriesQuery("context-switch", "eventloop", "handoff",
                    Map.of("pinned", "true")));
            ResultRow row = run.rows().stream().filter(r -> r.scenario().equals("context-switch")
                    && r.model().equals("eventloop") && r.metric().equals("handoff")
                    && "true".equals(r.params().get("pinned"))).findFirst().orElseThrow();
            assertEquals(1, trend.size());
            assertEquals(row.value(), trend.getFirst().measure().value());
            assertEquals(row.error(), trend.getFirst().measure().error());
            assertEquals(row.unit(), trend.getFirst().measure().unit());
            assertEquals(row.samples(), trend.getFirst().measure().samples());
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT claim_id, verdict, evidence FROM claims")) {
            assertTrue(rs.next());
            assertEquals("table.context-switch", rs.getString(1));
            assertEquals("supported", rs.getString(2));
            assertTrue(rs.getString(3).contains("7.9"));
            assertFalse(rs.next());
        }
        long kept = 3;
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM row_samples")) {
            assertTrue(rs.next());
            assertEquals(kept, rs.getLong(1), "every raw sample the run kept is stored, by fork and iteration");
        }
    }

    @Test
    void theSameRunAppendedTwiceIsStoredOnce() throws Exception {
        try (HistoryStore store = HistoryDatabase.open(newUrl())) {
            StoredRun run = fixture(FixtureRuns.PARTIAL);
            assertTrue(store.append(run));
            assertFalse(store.append(run));
            assertEquals(1, store.runs(0).size());
            assertFalse(store.runs(0).getFirst().complete());
        }
    }

    @Test
    void aTrendFollowsRunsInTimeWithParamsFilterAndNoErrorAsNaN() throws Exception {
        StoredRun base = fixture(FixtureRuns.COMPLETE);
        try (HistoryStore store = HistoryDatabase.open(newUrl())) {
            store.append(variant(base, "20261101-120000-quick"));
            store.append(variant(base, "20261101-130000-quick"));
            List<TrendPoint> all = store.trend(new SeriesQuery("context-switch", null, "handoff", Map.of()));
            assertEquals(List.of("20261101-120000-quick", "20261101-130000-quick"),
                    all.stream().map(TrendPoint::runId).distinct().toList());
            assertTrue(all.stream().map(TrendPoint::model).distinct().count() >= 3);
            List<TrendPoint> pool = store.trend(new SeriesQuery("context-switch", null, "handoff",
                    Map.of("poolSize", "2", "pinned", "true")));
            assertEquals(2, pool.size());
            assertTrue(pool.stream().allMatch(p -> p.model().equals("platform-pool")));
            assertEquals(2, store.runs(1).size() + 1);
        }
        ResultRow exact = new ResultRow("s", "B.m", "virtual", Map.of(), "count", 3, "count", Double.NaN, 1,
                dev.concbench.results.Direction.NEUTRAL, List.of("a guard"));
        StoredRun one = new StoredRun(new RunSummary(RunSummary.FORMAT, "20261102-000000-smoke", "smoke", true,
                List.of(), List.of(exact)), null, List.of(), StoredRun.Origin.imported());
        try (HistoryStore store = HistoryDatabase.open(newUrl())) {
            store.append(one);
            TrendPoint p = store.trend(new SeriesQuery("s", "virtual", "count", Map.of())).getFirst();
            assertTrue(Double.isNaN(p.measure().error()));
            assertEquals(List.of("a guard"), p.guards());
            assertEquals("2026-11-02T00:00:00Z", p.started());
        }
    }

    @Test
    void twoWritersAtOnceBothLand() throws Exception {
        String url = newUrl();
        StoredRun base = fixture(FixtureRuns.COMPLETE);
        try (HistoryStore store = HistoryDatabase.open(url)) {
            assertEquals(0, store.runs(0).size()); // created and migrated before the race on the writes
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    int added = 0;
                    try (HistoryStore store = HistoryDatabase.open(url)) {
                        go.await();
                        for (int i = 0; i < 4; i++) {
                            added += store.append(variant(base, "20261101-12%02d%02d-quick".formatted(writer, i))) ? 1 : 0;
                        }
                    }
                    return added;
                }));
            }
            go.countDown();
            for (Future<Integer> f : writers) {
                assertEquals(4, f.get(100, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        try (HistoryStore store = HistoryDatabase.open(url)) {
            List<RunEntry> runs = store.runs(0);
            assertEquals(8, runs.size());
            assertTrue(runs.stream().allMatch(r -> r.rows() == base.rows().size()));
        }
    }

    @Test
    void aVersionOneDatabaseOpensMigratedWithItsRunsKept() throws Exception {
        String url = newUrl();
        Flyway.configure().dataSource(url, null, null).locations(HistoryDatabase.MIGRATIONS).target("1")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO runs (run_key, run_id, profile, started, ended, complete, missing, git_commit, "
                    + "git_branch, host, env_fingerprint, env_json, source, stored_at) VALUES ('old@2026-10-01T00:00:00Z', "
                    + "'20261001-000000-smoke', 'smoke', '2026-10-01T00:00:00Z', NULL, TRUE, '[]', 'abc', 'main', 'h', "
                    + "'cores=2', NULL, 'run', '2026-10-01T00:01:00Z')");
            st.executeUpdate("INSERT INTO result_rows (run_key, ordinal, scenario, benchmark, model, params, metric, value, "
                    + "unit, error, samples, better, guards) VALUES ('old@2026-10-01T00:00:00Z', 0, 'context-switch', "
                    + "'ContextSwitchBenchmark.handoff', 'eventloop', '', 'handoff', 50.0, 'ns/op', 2.5, 10, 'lower', '[]')");
            try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM flyway_schema_history")) {
                assertTrue(rs.next());
                assertEquals("1", rs.getString(1));
            }
        }
        try (HistoryStore store = HistoryDatabase.open(url)) {
            assertEquals(List.of("20261001-000000-smoke"), store.runs(0).stream().map(RunEntry::runId).toList());
            assertTrue(store.append(fixture(FixtureRuns.COMPLETE)));
            List<TrendPoint> trend = store.trend(new SeriesQuery("context-switch", "eventloop", "handoff", Map.of()));
            // the old run's row, then the fixture's eventloop hand-offs (unpinned 48.2, pinned 47.9)
            assertEquals(List.of(50.0, 48.2, 47.9), trend.stream().map(p -> p.measure().value()).toList());
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM row_samples")) {
            assertTrue(rs.next(), "version 2's table exists after the upgrade");
        }
    }

    @Test
    void aDatabaseNewerThanThisBuildIsRefusedNamingBothVersions() throws Exception {
        String url = newUrl();
        HistoryDatabase.open(url).close();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                    + "'V99__future.sql', 0, 'test', 0, TRUE)");
        }
        HistoryException e = org.junit.jupiter.api.Assertions.assertThrows(HistoryException.class,
                () -> HistoryDatabase.open(url));
        assertTrue(e.getMessage().contains("version 99 is newer than this concbench reads (2)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
