package dev.concbench.workload.examples;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.AsyncResource;
import dev.concbench.loop.Coroutine;
import dev.concbench.loop.LoopFuture;

/**
 * The seed's async context manager: {@code async with AsyncDatabase() as db} connects (0.5 s),
 * queries (0.1 s) and closes (0.2 s, also when the body fails); about 0.8 units.
 */
final class ContextManagerExample {

    /** The seed's {@code AsyncDatabase}. */
    private static final class AsyncDatabase implements AsyncResource {

        private final ExampleContext ctx;
        private String connection;

        private AsyncDatabase(ExampleContext ctx) {
            this.ctx = ctx;
        }

        /** {@code __aenter__}. */
        static AsyncDatabase open(ExampleContext ctx) {
            AsyncDatabase db = new AsyncDatabase(ctx);
            ctx.print("Connecting to database...");
            ctx.sleep(0.5);
            db.connection = "Connected";
            return db;
        }

        /** {@code __aexit__}: a coroutine of its own, so {@link Coroutine#closing} can await it. */
        @Override
        public LoopFuture<Void> closeAsync() {
            return ctx.loop().spawnCoroutine("aexit", () -> {
                ctx.print("Closing database connection...");
                ctx.sleep(0.2);
                connection = null;
            });
        }

        String query(String sql) {
            if (connection == null) {
                throw new IllegalStateException("not connected");
            }
            ctx.sleep(0.1);
            return "Results for: " + sql;
        }
    }

    private ContextManagerExample() {
    }

    /** {@code async with AsyncDatabase() as db: result = await db.query(...); print(result)}. */
    static void run(ExampleContext ctx) {
        AsyncDatabase db = AsyncDatabase.open(ctx);
        try (var scope = Coroutine.closing(db)) {
            String result = db.query("SELECT * FROM users");
            ctx.print(result);
        }
    }
}
