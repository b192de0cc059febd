package dev.concbench.history;

import dev.concbench.results.ClaimResult;
import dev.concbench.results.Measure;
import dev.concbench.results.ResultRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An open history database: appends runs and answers the list and trend queries. One connection;
 * not for use by two threads at once (two processes at once are fine: each has its own store).
 */
public final class HistoryStore implements AutoCloseable {

    /** A run's list entry, from {@code runs r}: read by {@link #runEntry}. */
    private static final String RUN_COLUMNS = "SELECT r.run_key, r.run_id, r.started, r.profile, r.git_commit, r.host, "
            + "r.complete, r.source, (SELECT COUNT(*) FROM result_rows x WHERE x.run_key = r.run_key) AS n ";

    private final Connection connection;
    private final String name;

    HistoryStore(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** The database, as messages name it (the URL without its query). */
    public String name() {
        return name;
    }

    /**
     * Stores a run, its rows and its claims in one transaction: a writer killed half-way leaves
     * the database as it was. A run already stored (same {@link StoredRun#key()}) is left as it is.
     *
     * @return true when the run was added, false when it was already there
     */
    public boolean append(StoredRun run) throws HistoryException {
        try {
            connection.setAutoCommit(false);
            try {
                boolean added = insertRun(run);
                if (added) {
                    insertRows(run);
                    insertSamples(run);
                    insertClaims(run);
                }
                connection.commit();
                return added;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(name, e);
        }
    }

    private boolean insertRun(StoredRun run) throws SQLException {
        var s = run.summary();
        String sql = "INSERT INTO runs (run_key, run_id, profile, started, ended, complete, missing, git_commit, "
                + "git_branch, host, env_fingerprint, env_json, source, stored_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_key) DO NOTHING";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, run.key());
            st.setString(2, s.runId());
            st.setString(3, s.profile());
            st.setString(4, run.started());
            st.setString(5, run.env() == null ? null : run.env().end());
            st.setBoolean(6, s.complete());
            st.setString(7, RowCodec.json(s.missing()));
            st.setString(8, run.env() == null ? StoredRun.UNKNOWN : run.env().gitCommit());
            st.setString(9, run.origin().gitBranch());
            st.setString(10, run.origin().host());
            st.setString(11, run.fingerprint());
            st.setString(12, run.env() == null ? null : RowCodec.json(run.env()));
            st.setString(13, run.origin().source());
            st.setString(14, Instant.now().toString());
            return st.executeUpdate() == 1;
        }
    }

    private void insertRows(StoredRun run) throws SQLException {
        String sql = "INSERT INTO result_rows (run_key, ordinal, scenario, benchmark, model, params, metric, value, "
                + "unit, error, samples, better, guards) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            int ordinal = 0;
            for (ResultRow r : run.rows()) {
                st.setString(1, run.key());
                st.setInt(2, ordinal++);
                st.setString(3, r.scenario());
                st.setString(4, r.benchmark());
                st.setString(5, r.model());
                st.setString(6, RowCodec.params(r.params()));
                st.setString(7, r.metric());
                setDouble(st, 8, r.value());
                st.setString(9, r.unit());
                setDouble(st, 10, r.error());
                st.setLong(11, r.samples());
                st.setString(12, r.better().json());
                st.setString(13, RowCodec.json(r.guards()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Each row's raw per-iteration samples, by fork, when the run kept them (V2's row_samples). */
    private void insertSamples(StoredRun run) throws SQLException {
        String sql = "INSERT INTO row_samples (run_key, ordinal, fork, iteration, value) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            int ordinal = 0;
            for (ResultRow r : run.rows()) {
                for (int fork = 0; fork < r.perFork().size(); fork++) {
                    List<Double> values = r.perFork().get(fork);
                    for (int i = 0; i < values.size(); i++) {
                        st.setString(1, run.key());
                        st.setInt(2, ordinal);
                        st.setInt(3, fork);
                        st.setInt(4, i);
                        setDouble(st, 5, values.get(i));
                        st.addBatch();
                    }
                }
                ordinal++;
            }
            st.executeBatch();
        }
    }

    private void insertClaims(StoredRun run) throws SQLException {
        String sql = "INSERT INTO claims (run_key, claim_id, title, verdict, rule, evidence, explanation) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (ClaimResult c : run.claims()) {
                st.setString(1, run.key());
                st.setString(2, c.id());
                st.setString(3, c.title());
                st.setString(4, c.verdict().label());
                st.setString(5, c.rule());
                st.setString(6, RowCodec.json(c.evidence()));
                st.setString(7, c.explanation());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void setDouble(PreparedStatement st, int index, double v) throws SQLException {
        Double d = RowCodec.finite(v);
        if (d == null) {
            st.setNull(index, Types.DOUBLE);
        } else {
            st.setDouble(index, d);
        }
    }

    /**
     * The most recent runs, oldest first.
     *
     * @param last how many (the newest {@code last}); 0 or less for all
     */
    public List<RunEntry> runs(int last) throws HistoryException {
        String sql = RUN_COLUMNS + "FROM runs r ORDER BY r.started DESC, r.run_id DESC" + (last > 0 ? " LIMIT " + last : "");
        List<RunEntry> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(runEntry(rs));
            }
        } catch (SQLException e) {
            throw failure(name, e);
        }
        return out.reversed();
    }

    /** Every stored value of a metric, oldest run first, in the order of its runs' start. */
    public List<TrendPoint> trend(SeriesQuery query) throws HistoryException {
        String where = "x.scenario = ? AND x.metric = ?" + (query.model() == null ? "" : " AND x.model = ?");
        List<String> args = new ArrayList<>(List.of(query.scenario(), query.metric()));
        if (query.model() != null) {
            args.add(query.model());
        }
        return points(where, args).stream().filter(p -> query.matches(p.params())).toList();
    }

    /** Every row of {@code runs} as trend points, in the order of the runs' start. */
    public List<TrendPoint> points(List<RunEntry> runs) throws HistoryException {
        List<TrendPoint> out = new ArrayList<>();
        for (RunEntry run : runs) {
            out.addAll(points("x.run_key = ?", List.of(run.key())));
        }
        return out;
    }

    private List<TrendPoint> points(String where, List<String> args) throws HistoryException {
        String sql = "SELECT x.scenario, x.metric, r.run_id, r.started, r.git_commit, x.model, x.params, x.value, "
                + "x.error, x.unit, x.samples, x.guards FROM result_rows x JOIN runs r ON r.run_key = x.run_key WHERE "
                + where + " ORDER BY r.started, r.run_id, x.ordinal";
        List<TrendPoint> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                st.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Measure m = new Measure(number(rs, 8), number(rs, 9), rs.getString(10), rs.getLong(11));
                    out.add(new TrendPoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), RowCodec.params(rs.getString(7)), m,
                            RowCodec.strings(rs.getString(12))));
                }
            }
        } catch (SQLException e) {
            throw failure(name, e);
        }
        return out;
    }

    /**
     * The runs a run can be judged against: the newest {@code n} stored runs that started before
     * {@code run} with the same environment fingerprint and profile, newest first ({@code run}
     * itself excluded, whether stored or not). The sides of an {@code ab} never count: a side is a
     * build plus JVM arguments (an injected slowdown, another collector) that the fingerprint does
     * not see.
     */
    public List<RunEntry> comparable(StoredRun run, int n) throws HistoryException {
        String sql = RUN_COLUMNS + "FROM runs r "
                + "WHERE r.env_fingerprint = ? AND r.profile = ? AND r.run_key <> ? AND r.started < ? "
                + "AND r.source <> 'ab' "
                + "ORDER BY r.started DESC, r.run_id DESC LIMIT " + Math.max(n, 0);
        List<RunEntry> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, run.fingerprint());
            st.setString(2, run.summary().profile());
            st.setString(3, run.key());
            st.setString(4, run.started());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(runEntry(rs));
                }
            }
        } catch (SQLException e) {
            throw failure(name, e);
        }
        return out;
    }

    /**
     * The unguarded values each of {@code runs} stored, by row key ({@link ResultRow#key()}), in the
     * order of {@code runs}: what a row is judged against.
     */
    public Map<String, List<Measure>> trustedValues(List<RunEntry> runs) throws HistoryException {
        String sql = "SELECT scenario, benchmark, model, params, metric, value, error, unit, samples FROM result_rows "
                + "WHERE run_key = ? AND guards = '[]' ORDER BY ordinal";
        Map<String, List<Measure>> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (RunEntry run : runs) {
                st.setString(1, run.key());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ResultRow row = new ResultRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                RowCodec.params(rs.getString(4)), rs.getString(5), number(rs, 6), rs.getString(8),
                                number(rs, 7), rs.getLong(9), dev.concbench.results.Direction.NEUTRAL, List.of());
                        out.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(Measure.of(row));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(name, e);
        }
        return out;
    }

    /** The columns {@link #RUN_COLUMNS} selects, as a list entry. */
    private static RunEntry runEntry(ResultSet rs) throws SQLException {
        return new RunEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getInt(9), rs.getString(8));
    }

    private static double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing after a failure: the failure was already reported; nothing is left to save.
        }
    }

    /** A database error as one line naming the database and the kind of trouble. */
    static HistoryException failure(String name, SQLException e) {
        String msg = String.valueOf(e.getMessage());
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why;
        if (msg.contains("SQLITE_NOTADB") || msg.contains("file is not a database")) {
            why = "not a SQLite database (a history database is a SQLite file or a PostgreSQL URL)";
        } else if (msg.contains("SQLITE_CORRUPT")) {
            why = "the database file is corrupt";
        } else if (msg.contains("SQLITE_BUSY") || msg.contains("SQLITE_LOCKED")) {
            why = "locked by another writer for longer than the busy timeout (" + HistoryDatabase.BUSY_TIMEOUT_MS / 1000
                    + " s by default)";
        } else if (msg.contains("SQLITE_READONLY")) {
            why = "read-only (cannot append)";
        } else if (msg.contains("SQLITE_CANTOPEN")) {
            why = "cannot open the file (check its directory and permissions)";
        } else if (state.startsWith("08")) {
            why = "unreachable (" + firstLine(msg) + ")";
        } else {
            why = firstLine(msg);
        }
        return new HistoryException(name + ": " + why, e);
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse(text).strip();
    }
}
