package dev.concbench.history;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The history contract on a real PostgreSQL server started for this class ({@link PostgresCluster}):
 * a new database per test. Skipped loudly without PostgreSQL installed; failed under {@code CI=true}.
 */
class PostgresHistoryStoreTest extends HistoryStoreContract {

    private static PostgresCluster cluster;

    @BeforeAll
    @Timeout(180)
    static void startServer() throws Exception {
        cluster = PostgresCluster.start();
    }

    @AfterAll
    @Timeout(120)
    static void stopServer() throws Exception {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Override
    String newUrl() throws Exception {
        return cluster.newDatabase();
    }
}
