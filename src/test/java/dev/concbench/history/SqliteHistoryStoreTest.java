package dev.concbench.history;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The history contract on SQLite files in a temporary directory. */
class SqliteHistoryStoreTest extends HistoryStoreContract {

    @TempDir
    Path tmp;
    private int files;

    @Override
    String newUrl() {
        return "jdbc:sqlite:" + tmp.resolve("history-" + ++files + ".db");
    }
}
