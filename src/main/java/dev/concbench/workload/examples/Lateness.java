package dev.concbench.workload.examples;

/** Prints and records a pitfall's heartbeat lateness in the examples' common wording. */
final class Lateness {

    private Lateness() {
    }

    static void report(ExampleContext ctx, String who, LoopHeartbeat.Measured measured, String fact) {
        long lateNanos = measured.maxLateNanos();
        ctx.print(String.format("%s returned %s; heartbeat was up to %.2f units (%d ms) late", who, measured.result(),
                (double) lateNanos / ctx.unit().toNanos(), Math.round(lateNanos / 1e6)));
        ctx.fact(fact, Math.round(lateNanos / 1e6));
    }
}
