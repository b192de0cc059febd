package dev.concbench.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens a history database by JDBC URL and brings its schema up to this build's version.
 *
 * <p>Two kinds: {@code jdbc:sqlite:FILE} (the default, {@value #DEFAULT_FILE} in the results
 * root; WAL journal and a {@value #BUSY_TIMEOUT_MS} ms busy timeout, so two runs finishing at
 * once both land; a transaction takes the write lock when it begins, so a writer waits rather
 * than failing half-way) and {@code jdbc:postgresql://HOST:PORT/DB} (user and password as URL
 * parameters, e.g. {@code ?user=concbench&password=...}). Both
 * migrate with the same Flyway scripts in {@value #MIGRATIONS}.
 */
public final class HistoryDatabase {

    /** The default database file, inside the results root ({@code results/history.db}). */
    public static final String DEFAULT_FILE = "history.db";
    /** The environment variable that names a database when no URL is given. */
    public static final String ENV_VARIABLE = "CONCBENCH_DB";
    /** How long a SQLite writer waits for another's lock before giving up, in milliseconds. */
    public static final int BUSY_TIMEOUT_MS = 30_000;
    /** Where the migrations live on the class path. */
    static final String MIGRATIONS = "classpath:dev/concbench/history/migration";
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRES = "jdbc:postgresql:";
    /** PostgreSQL connect and login timeout, in seconds: an unreachable server fails fast. */
    private static final int PG_CONNECT_TIMEOUT_S = 5;
    /**
     * Flyway logs every migration at INFO, and its own failures with stack traces, through
     * java.util.logging: silenced (keep the reference so the level sticks), since every failure
     * reaches the caller as one {@link HistoryException} line.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.OFF);
    }

    private HistoryDatabase() {
    }

    /** {@code jdbc:sqlite:<resultsRoot>/history.db}. */
    public static String defaultUrl(Path resultsRoot) {
        return SQLITE + resultsRoot.resolve(DEFAULT_FILE);
    }

    /**
     * The URL to use: {@code explicit} when given, else {@value #ENV_VARIABLE} when set and not
     * blank, else the default file in {@code resultsRoot}.
     */
    public static String resolve(String explicit, String environment, Path resultsRoot) {
        if (explicit != null) {
            return explicit;
        }
        return environment != null && !environment.isBlank() ? environment.strip() : defaultUrl(resultsRoot);
    }

    /**
     * Opens the database at {@code url}, creating it (a SQLite file and its directory) if needed,
     * and migrates its schema to this build's version.
     *
     * @throws HistoryException one line naming the database: a URL of another kind, a server that
     *         does not answer, a file that is not a history database, a schema newer than this build
     */
    public static HistoryStore open(String url) throws HistoryException {
        return open(url, BUSY_TIMEOUT_MS);
    }

    /** {@link #open(String)} with another SQLite busy timeout, in milliseconds (tests of a held lock). */
    static HistoryStore open(String url, int busyTimeoutMs) throws HistoryException {
        String name = display(url);
        DataSource source = dataSource(url, name, busyTimeoutMs);
        migrate(source, name);
        try {
            return new HistoryStore(source.getConnection(), name);
        } catch (SQLException e) {
            throw HistoryStore.failure(name, e);
        }
    }

    /** The URL without its query (which may hold a password), for messages. */
    public static String display(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static DataSource dataSource(String url, String name, int busyTimeoutMs) throws HistoryException {
        if (url.startsWith(SQLITE)) {
            String file = url.substring(SQLITE.length());
            int q = file.indexOf('?');
            file = q < 0 ? file : file.substring(0, q);
            if (file.isBlank() || file.equals(":memory:")) {
                throw new HistoryException(name + ": expected jdbc:sqlite:FILE naming a file (the history must outlive the process)");
            }
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw new HistoryException(name + ": is a directory (expected a SQLite file)");
            }
            try {
                Path parent = path.toAbsolutePath().getParent();
                Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                throw new HistoryException(name + ": cannot create its directory (" + e.getMessage() + ")");
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setBusyTimeout(busyTimeoutMs);
            config.enforceForeignKeys(true);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl(url);
            return ds;
        }
        if (url.startsWith(POSTGRES)) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            ds.setConnectTimeout(PG_CONNECT_TIMEOUT_S);
            ds.setLoginTimeout(PG_CONNECT_TIMEOUT_S);
            ds.setSocketTimeout(120);
            return ds;
        }
        throw new HistoryException("'" + name + "' is not a history database URL (expected jdbc:sqlite:FILE or "
                + "jdbc:postgresql://HOST:PORT/DB)");
    }

    /**
     * Applies the migrations this build has that the database lacks. Two processes opening a new
     * database at once may race to create the schema; the loser retries once, and then sees it.
     */
    private static void migrate(DataSource source, String name) throws HistoryException {
        Flyway flyway = Flyway.configure(HistoryDatabase.class.getClassLoader())
                .dataSource(source)
                .locations(MIGRATIONS)
                .loggers("org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator")
                .connectRetries(0)
                .load();
        try {
            refuseNewer(flyway, name);
            flyway.migrate();
        } catch (FlywayException first) {
            try {
                Thread.sleep(200);
                refuseNewer(flyway, name);
                flyway.migrate();
            } catch (FlywayException e) {
                throw failure(name, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(name, first);
            }
        }
    }

    private static void refuseNewer(Flyway flyway, String name) throws HistoryException {
        MigrationInfo[] all = flyway.info().all();
        if (Arrays.stream(all).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS)) {
            MigrationInfo current = flyway.info().current();
            String known = Arrays.stream(all).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS)
                    .reduce((a, b) -> b).map(m -> m.getVersion().getVersion()).orElse("none");
            throw new HistoryException(name + ": history schema version " + current.getVersion().getVersion()
                    + " is newer than this concbench reads (" + known + "); use a newer concbench");
        }
    }

    /** A Flyway failure as one line: what the database is, from the first SQL cause. */
    private static HistoryException failure(String name, FlywayException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("non-empty schema") || text.contains("no schema history table")) {
            return new HistoryException(name + ": not a concbench history database (it holds other tables)", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return HistoryStore.failure(name, sql);
            }
        }
        return new HistoryException(name + ": " + text.lines().filter(l -> !l.isBlank()).findFirst().orElse(text), e);
    }
}
