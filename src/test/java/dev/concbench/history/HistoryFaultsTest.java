package dev.concbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.fixtures.FixtureRuns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every database the history cannot use gives one line naming it; a writer killed mid-append
 * leaves the database as it was.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HistoryFaultsTest {

    @TempDir
    Path tmp;

    private static String oneLine(Exception e) {
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aUrlOfAnotherKindIsRefused() {
        String msg = oneLine(assertThrows(HistoryException.class, () -> HistoryDatabase.open("jdbc:mysql://db/x")));
        assertTrue(msg.contains("'jdbc:mysql://db/x' is not a history database URL"), msg);
        assertTrue(oneLine(assertThrows(HistoryException.class, () -> HistoryDatabase.open("jdbc:sqlite::memory:")))
                .contains("naming a file"));
        assertTrue(oneLine(assertThrows(HistoryException.class,
                () -> HistoryDatabase.open("jdbc:sqlite:" + tmp))).contains("is a directory"));
    }

    @Test
    void aClosedPortIsUnreachableNamedWithoutItsPassword() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/history?user=u&password=secret";
        String msg = oneLine(assertThrows(HistoryException.class, () -> HistoryDatabase.open(url)));
        assertTrue(msg.startsWith("jdbc:postgresql://127.0.0.1:" + port + "/history: unreachable"), msg);
        assertTrue(!msg.contains("secret"), msg);
    }

    @Test
    void aFileThatIsNotADatabaseIsRefused() throws Exception {
        Path file = tmp.resolve("notes.db");
        Files.writeString(file, "these are my notes, not a database\n".repeat(200));
        String msg = oneLine(assertThrows(HistoryException.class, () -> HistoryDatabase.open("jdbc:sqlite:" + file)));
        assertTrue(msg.contains("not a SQLite database"), msg);
        assertTrue(Files.readString(file).startsWith("these are my notes"), "the file is left as it was");
    }

    @Test
    void anotherProgramsSqliteDatabaseIsRefused() throws Exception {
        Path file = tmp.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
        }
        String msg = oneLine(assertThrows(HistoryException.class, () -> HistoryDatabase.open("jdbc:sqlite:" + file)));
        assertTrue(msg.contains("not a concbench history database"), msg);
    }

    @Test
    void aLockHeldLongerThanTheBusyTimeoutIsOneLineAndLeavesNothing() throws Exception {
        String url = "jdbc:sqlite:" + tmp.resolve("h.db");
        HistoryDatabase.open(url).close();
        try (Connection holder = DriverManager.getConnection(url); Statement st = holder.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            String msg = oneLine(assertThrows(HistoryException.class, () -> {
                try (HistoryStore store = HistoryDatabase.open(url, 200)) {
                    store.append(HistoryStoreContract.fixture(FixtureRuns.COMPLETE));
                }
            }));
            assertTrue(msg.contains("locked by another writer"), msg);
            st.execute("ROLLBACK");
        }
        try (HistoryStore store = HistoryDatabase.open(url)) {
            assertEquals(0, store.runs(0).size());
            assertTrue(store.append(HistoryStoreContract.fixture(FixtureRuns.COMPLETE)), "usable once the lock is gone");
        }
    }

    @Test
    void aWriterKilledMidAppendLeavesTheDatabaseConsistent() throws Exception {
        Path db = tmp.resolve("h.db");
        String url = "jdbc:sqlite:" + db;
        try (HistoryStore store = HistoryDatabase.open(url)) {
            store.append(HistoryStoreContract.fixture(FixtureRuns.PARTIAL));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), KilledWriter.class.getName(), url).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(KilledWriter.MID_APPEND));
            assertEquals(KilledWriter.MID_APPEND, line, "the child reached the middle of its append");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        try (HistoryStore store = HistoryDatabase.open(url)) {
            List<RunEntry> runs = store.runs(0);
            assertEquals(List.of(FixtureRuns.PARTIAL.substring(FixtureRuns.PARTIAL.indexOf('/') + 1)),
                    runs.stream().map(RunEntry::runId).toList(), "only the run committed before the kill");
            assertTrue(store.append(HistoryStoreContract.fixture(FixtureRuns.COMPLETE)));
            assertEquals(2, store.runs(0).size());
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                var rs = st.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
    }
}
