package dev.concbench.workload.examples;

import dev.concbench.loop.AsyncResource;
import dev.concbench.loop.AsyncScope;
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
        static LoopFuture<AsyncDatabase> open(ExampleContext ctx) {
            AsyncDatabase db = new AsyncDatabase(ctx);
            ctx.print("Connecting to database...");
            return ctx.sleep(0.5).map(v -> {
                db.connection = "Connected";
                return db;
            });
        }

        /** {@code __aexit__}. */
        @Override
        public LoopFuture<Void> closeAsync() {
            ctx.print("Closing database connection...");
            return ctx.sleep(0.2).map(v -> {
                connection = null;
                return null;
            });
        }

        LoopFuture<String> query(String sql) {
            if (connection == null) {
                return ctx.loop().failed(new IllegalStateException("not connected"));
            }
            return ctx.sleep(0.1).map(v -> "Results for: " + sql);
        }
    }

    private ContextManagerExample() {
    }

    static LoopFuture<Void> run(ExampleContext ctx) {
        return AsyncScope.using(AsyncDatabase.open(ctx), db -> db.query("SELECT * FROM users").map(result -> {
            ctx.print(result);
            return null;
        }));
    }
}
