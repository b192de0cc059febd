package dev.concbench.report;

import dev.concbench.results.ResultRow;
import java.util.List;
import java.util.Optional;

/**
 * What {@code eventloop} and {@code netty} each measured, scenario by scenario: the one list the
 * "Our loop vs Netty" rows quote. Where the raw-task benchmarks run each loop in its own idiom (a
 * hand-off, a spawn, a waiting unit), a ratio compares two idioms, not one piece of code on two loops,
 * and the row must say so; where both run the same workloads, the note says that too.
 * {@code docs/models.md} tells the same at more length. Immutable.
 *
 * <p>In {@code context-switch} our loop has two rows: its own hand-off through futures (the one the
 * claim reads) and Netty's idiom on our loop ({@value #OUR_MECHANISM}{@code =execute}); Netty's one row
 * stands beside both, and the futures pair names the like-for-like row.
 */
final class NettyMechanisms {

    /**
     * One scenario's two sides.
     *
     * @param scenario the scenario
     * @param param    {@code key=value} a row must carry for this note, or null for every row of the scenario
     * @param ours     what {@code eventloop} (or {@code eventloop+offload}) measured
     * @param netty    what {@code netty} measured; null when the very same
     * @param likeForLike where the two sides measure different mechanisms and another row of ours runs
     *                 Netty's: that row's {@code key=value}; else null
     */
    record Note(String scenario, String param, String ours, String netty, String likeForLike) {

        Note(String scenario, String param, String ours, String netty) {
            this(scenario, param, ours, netty, null);
        }

        /**
         * The note as a row shows it: {@code ours: ...; netty: ...}, or {@code both: ...}; where another
         * row of ours runs Netty's mechanism, {@code (different mechanisms; like for like: our ... row)}.
         */
        String text() {
            return netty == null ? "both: " + ours : "ours: " + ours + "; netty: " + netty
                    + (likeForLike == null ? "" : " (different mechanisms; like for like: our " + likeForLike + " row)");
        }

        boolean fits(ResultRow row) {
            return row.scenario().equals(scenario) && (param == null || row.params().entrySet().stream()
                    .anyMatch(e -> param.equals(e.getKey() + "=" + e.getValue())));
        }
    }

    /**
     * The parameter a {@code context-switch} row of ours carries to say which of our loop's hand-offs it
     * measured ({@code ContextSwitchBenchmark}'s {@code mechanism}). Netty has one hand-off, so its row
     * stands beside each of ours whatever this says.
     */
    static final String OUR_MECHANISM = "mechanism";

    private static final String LIKE_FOR_LIKE = OUR_MECHANISM + "=execute";

    private static final String WORKLOADS = "the same workloads through the model's submit: timers, HTTP through"
            + " a connection pool of 10, the burn inline";

    /** Every scenario that runs {@code netty}, the first fitting note deciding. */
    static final List<Note> NOTES = List.of(
            new Note("context-switch", LIKE_FOR_LIKE, "two tasks that execute each other, each pass one trip through the"
                    + " loop's task queue (the same code on both loops)", null),
            new Note("context-switch", null, "two tasks waking each other through loop futures (a callback queued per"
                    + " hand-off)", "two tasks that execute each other (a promise listener would run inline: a call, not"
                    + " a switch)", LIKE_FOR_LIKE),
            new Note("spawn", null, "loop.spawn a child task, await it",
                    "submit a child task, a listener on its future starts the next"),
            new Note("memory", null, "per unit, a spawned task awaiting the signal future",
                    "per unit, a task run on the loop that leaves a promise listening to the signal promise"),
            new Note("scalability", "work=sleep", "a task awaiting the gate, then a sleep",
                    "a listener on the gate promise that schedules the timer"),
            new Note("scalability", null, WORKLOADS, null),
            new Note("io-load", null, WORKLOADS, null),
            new Note("cpu-bound", null, WORKLOADS, null),
            new Note("determinism", null, "chunks re-queued with execute (await=between: read, execute, write)",
                    "the same with Netty's execute"),
            new Note("preemption", null, "a timer re-armed per beat; hogs are callbacks on the loop"
                    + " (eventloop+offload: runInExecutor on a thread pool)", "schedule re-armed per beat; hogs executed"
                    + " on the loop (offload=executor: submitted to the model's Netty executor group)"),
            new Note("pooling", null, "our loop's connection pool of 1 (or a new pool per request)",
                    "Netty's FixedChannelPool of 1 (or a new pool per request)"),
            new Note("http-server", null, "our delay server in its own JVM", "a Netty server (HttpServerCodec) with the"
                    + " same routes in its own JVM; one load generator drives each"));

    private NettyMechanisms() {
    }

    /** The note for {@code row}'s scenario (and parameters; our row's where ours carries more), if the list has one. */
    static Optional<Note> of(ResultRow row) {
        return NOTES.stream().filter(n -> n.fits(row)).findFirst();
    }
}
