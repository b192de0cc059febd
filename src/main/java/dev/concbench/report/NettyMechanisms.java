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
 */
final class NettyMechanisms {

    /**
     * One scenario's two sides.
     *
     * @param scenario the scenario
     * @param param    {@code key=value} a row must carry for this note, or null for every row of the scenario
     * @param ours     what {@code eventloop} (or {@code eventloop+offload}) measured
     * @param netty    what {@code netty} measured; null when the very same
     */
    record Note(String scenario, String param, String ours, String netty) {

        /** The note as a row shows it: {@code ours: ...; netty: ...}, or {@code both: ...}. */
        String text() {
            return netty == null ? "both: " + ours : "ours: " + ours + "; netty: " + netty;
        }

        boolean fits(ResultRow row) {
            return row.scenario().equals(scenario) && (param == null || row.params().entrySet().stream()
                    .anyMatch(e -> param.equals(e.getKey() + "=" + e.getValue())));
        }
    }

    private static final String WORKLOADS = "the same workloads through the model's submit: timers, HTTP through"
            + " a connection pool of 10, the burn inline";

    /** Every scenario that runs {@code netty}, the first fitting note deciding. */
    static final List<Note> NOTES = List.of(
            new Note("context-switch", null, "two tasks waking each other through loop futures (a callback queued per"
                    + " hand-off)", "two tasks that execute each other (a promise listener would run inline: a call, not"
                    + " a switch)"),
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

    /** The note for {@code row}'s scenario (and parameters), if the list has one. */
    static Optional<Note> of(ResultRow row) {
        return NOTES.stream().filter(n -> n.fits(row)).findFirst();
    }
}
