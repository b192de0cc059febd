package dev.concbench.claims;

import dev.concbench.vocab.Guard;
import java.util.List;
import java.util.Set;

/**
 * How a verdict rule treats the guards on a row ({@code "<key>: <explanation>"}). Three kinds:
 * <ul>
 *   <li>a <b>stall</b> ({@code loop-blocked} on loop models, {@code thread-stalled} on thread
 *       models): the model stopped serving for longer than the slow-callback threshold. Where a
 *       claim says that model stays responsive, it is evidence against the claim (refuted), and
 *       where the claim says it stalls, it is what the claim predicts; elsewhere it voids the row;
 *   <li>a <b>model</b> guard ({@code not-virtual}, {@code not-process}, {@code pinned}, {@code worker-replaced}): the model
 *       did not run as itself, so its own row is void and no other model's;
 *   <li>a <b>row fault</b> ({@code negative-memory}): the row's own snapshots failed; its row only;
 *   <li>a <b>condition</b> guard (every other key: {@code cpu-contended}, {@code dropped-sends},
 *       {@code incomplete}, {@code heap-resized}, ...): the conditions of the measurement were off,
 *       so it voids its row and the same row of every other model the claim compares (its
 *       {@link Cast#compared() cast}), which shared those conditions in the comparison; a reference
 *       model in no cast ({@code netty}, {@code coroutines}) is compared by no claim, so its condition
 *       guards void its own rows only.
 * </ul>
 * The kinds are {@link Guard}'s; how each one weighs on a verdict is listed in
 * {@code docs/verdict-rules.md}.
 */
public final class Guards {

    /** A loop model's thread was blocked beyond the slow-callback threshold in at least 2 iterations. */
    public static final String LOOP_BLOCKED = Guard.LOOP_BLOCKED.kind();
    /** A thread model's probe thread went unscheduled beyond the same threshold in at least 2 iterations. */
    public static final String THREAD_STALLED = Guard.THREAD_STALLED.kind();
    /** The stall guards: loop and thread models alike. */
    public static final Set<String> STALLS = Set.of(LOOP_BLOCKED, THREAD_STALLED);
    /** Guards that void only the row they sit on: the model did not run as itself. */
    public static final Set<String> MODEL_ONLY = Set.of(Guard.NOT_VIRTUAL.kind(), Guard.NOT_PROCESS.kind(),
            Guard.PINNED.kind(), Guard.WORKER_REPLACED.kind());
    /**
     * A snapshot fault of the row's own fork: a negative per-unit figure (a collection or the JIT
     * moved the memory between the two snapshots) is impossible as a cost, so the row is void, but it
     * says nothing of the conditions another model's fork ran in; voiding the loop's memory row for a
     * negative figure in virtual's fork (a quick run, 2026-12-02) threw away a valid comparison.
     */
    public static final Set<String> ROW_FAULT = Set.of(Guard.NEGATIVE_MEMORY.kind());

    private Guards() {
    }

    /** The key of a guard, e.g. {@code loop-blocked} of {@code "loop-blocked: 3 time(s) ..."}. */
    public static String key(String guard) {
        int colon = guard.indexOf(':');
        return (colon < 0 ? guard : guard.substring(0, colon)).strip();
    }

    /** Whether {@code guard} voids the same row of every model, not only its own. */
    public static boolean voidsEveryModel(String guard) {
        String key = key(guard);
        return !STALLS.contains(key) && !MODEL_ONLY.contains(key) && !ROW_FAULT.contains(key);
    }

    /** The stall guards among {@code guards}. */
    public static List<String> stalls(List<String> guards) {
        return guards.stream().filter(g -> STALLS.contains(key(g))).toList();
    }
}
