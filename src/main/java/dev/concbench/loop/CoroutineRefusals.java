package dev.concbench.loop;

/**
 * Why a coroutine call cannot go on, each as the one-line error the user sees: the JVM was started
 * without a flag coroutines need, a coroutine-only call came from outside a coroutine, an await
 * named its own task or another loop's future, or an await was pinned and cannot suspend. Every
 * message says what to do instead. Its own class so that these refusals have one owner and
 * {@link Coroutine} keeps to suspending and resuming; the messages are built only on the failing
 * branch, and the flag check on every await reads one constant, as before.
 *
 * <p>Threading: any thread (the messages name the current one).
 */
final class CoroutineRefusals {

    /** Null when this JVM may use continuations; otherwise the one line saying which flag is missing. */
    static final String MISSING_FLAG = missingFlag();

    private CoroutineRefusals() {
    }

    /** Throws the one line naming the missing JVM flag, unless coroutines can run here. */
    static void requireFlag() {
        if (MISSING_FLAG != null) {
            throw new IllegalStateException(MISSING_FLAG);
        }
    }

    /** A coroutine-only call ({@code what}) made outside a coroutine. */
    static IllegalStateException outsideCoroutine(String what) {
        return new IllegalStateException(what + " called outside a coroutine (thread '"
                + Thread.currentThread().getName() + "'): only a body started by EventLoop.spawnCoroutine"
                + " or Coroutine.run may await; elsewhere chain the future with then/onDone");
    }

    /** {@code coroutine} awaited a future of another loop. */
    static IllegalArgumentException otherLoop(Coroutine<?> coroutine) {
        return new IllegalArgumentException(coroutine + " awaited a future of another loop");
    }

    /** {@code coroutine} awaited its own task (asyncio's "Task cannot await on itself"). */
    static IllegalStateException ownTask(Coroutine<?> coroutine) {
        return new IllegalStateException(coroutine + " cannot await its own task: it would wait for itself for ever"
                + " (asyncio: Task cannot await on itself)");
    }

    /** The one-line error of an await that cannot suspend: what pinned it and what to do instead. */
    static IllegalStateException pinned(Coroutine<?> coroutine, String pinnedBy) {
        if (pinnedBy.equals(ContinuationAccess.HELD_MONITOR)) {
            return new IllegalStateException(coroutine + " cannot await inside synchronized on loop thread '"
                    + Thread.currentThread().getName() + "': it is pinned by " + pinnedBy + "; a coroutine cannot"
                    + " suspend while it holds a monitor (the next one to enter it would block the loop for ever):"
                    + " guard the section with an AsyncSemaphore of one permit (try (var p = Coroutine.acquire(semaphore)))"
                    + " or move the await out of it");
        }
        if (pinnedBy.equals(ContinuationAccess.LOOP_MONITOR)) {
            return new IllegalStateException(coroutine + " cannot await on loop thread '" + Thread.currentThread().getName()
                    + "': it is pinned by " + pinnedBy + "; suspending would carry that monitor away with the"
                    + " coroutine's frames: resume coroutines (Coroutine.run) outside synchronized");
        }
        return new IllegalStateException(coroutine + " cannot await here: it is pinned by " + pinnedBy
                + "; move the await out of it (a pinned coroutine could never be resumed)");
    }

    private static String missingFlag() {
        Module base = Object.class.getModule();
        Module ours = Coroutine.class.getModule();
        String missing = !base.isExported("jdk.internal.vm", ours) ? ContinuationAccess.FLAG
                : !base.isExported("jdk.internal.misc", ours) ? LockStack.FLAG : null;
        return missing == null ? null : "coroutines need the JVM flag " + missing + " (this JVM was started without it)";
    }
}
