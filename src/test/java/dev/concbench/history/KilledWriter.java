package dev.concbench.history;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A child process for {@link HistoryFaultsTest}: opens the history, starts a run's transaction
 * the way {@link HistoryStore#append} does (the run, then its rows), prints {@value #MID_APPEND}
 * and waits to be killed with the transaction open.
 */
public final class KilledWriter {

    static final String MID_APPEND = "mid-append";

    private KilledWriter() {
    }

    public static void main(String[] args) throws Exception {
        HistoryDatabase.open(args[0]).close();
        Connection c = DriverManager.getConnection(args[0]);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO runs (run_key, run_id, profile, started, ended, complete, missing, git_commit, "
                    + "git_branch, host, env_fingerprint, env_json, source, stored_at) VALUES ('k@t', "
                    + "'20261201-000000-smoke', 'smoke', '2026-12-01T00:00:00Z', NULL, 1, '[]', 'abc', 'main', 'h', "
                    + "'cores=2', NULL, 'run', '2026-12-01T00:01:00Z')");
            for (int i = 0; i < 500; i++) {
                st.executeUpdate("INSERT INTO result_rows (run_key, ordinal, scenario, benchmark, model, params, metric, "
                        + "value, unit, error, samples, better, guards) VALUES ('k@t', " + i + ", 's', 'B.m', 'virtual', "
                        + "'', 'm', 1.0, 'ns/op', 0.1, 3, 'lower', '[]')");
            }
        }
        System.out.println(MID_APPEND);
        System.out.flush();
        Thread.sleep(60_000);
    }
}
