package dev.concbench.loop;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * The one class that touches the JDK's internal one-shot delimited continuations
 * ({@code jdk.internal.vm.Continuation}, the engine under virtual threads), so that a public JDK
 * API can replace it later without touching {@link Coroutine}. Using it needs the JVM flag
 * {@value #FLAG} (and {@value LockStack#FLAG} for its pinning check); {@link Coroutine} checks for
 * the flags first (without loading this class) and fails with one line naming a missing one.
 *
 * <p>Threading: a frame is run and suspended on the thread that runs it (the loop thread); it is
 * never touched by two threads.
 */
final class ContinuationAccess {

    /** The JVM flag that opens {@code jdk.internal.vm} to our code (compile and run). */
    static final String FLAG = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";

    private static final ContinuationScope SCOPE = new ContinuationScope("concbench-coroutine");
    /** What pinned a frame that holds a monitor ({@link #suspend}'s answer). */
    static final String HELD_MONITOR = "a synchronized block or method (a held monitor)";

    private ContinuationAccess() {
    }

    /** A suspendable stack running {@code body}, owned by {@code owner}. Nothing runs until {@link Frame#resume()}. */
    static Frame newFrame(Coroutine<?> owner, Runnable body) {
        return new Frame(owner, body);
    }

    /** The coroutine whose frame is running on this thread now, or null outside every coroutine. */
    static Coroutine<?> current() {
        return Continuation.getCurrentContinuation(SCOPE) instanceof Frame frame ? frame.owner : null;
    }

    /**
     * Suspends {@code frame}, which must be the one running on this thread, back to whoever called
     * {@link Frame#resume()}.
     *
     * <p>Pinning: the JDK refuses to suspend a stack with a native frame or inside one of its
     * critical sections ({@code yield} returns false), and that is reported here. A held monitor
     * is different: since JEP 491 the JDK suspends it with the frames (outside a virtual thread
     * too), and the next coroutine on the loop thread that enters the same monitor then blocks the
     * loop for ever. So this refuses first when the frame entered a monitor since it was resumed:
     * the thread's lock stack ({@link LockStack}, a few nanoseconds) is deeper than at
     * {@link Frame#resume()}. That misses a monitor the JVM has inflated (after contention from
     * another thread, or {@code wait}), which the loop thread keeps owning while the coroutine is
     * suspended, so it cannot hang the loop (but another coroutine may enter it); finding those
     * costs a stack walk with lock information (tens of microseconds), so only
     * {@code checkMonitors} (the loop's debug mode) looks for them.
     *
     * @return null once resumed; when the frame did not suspend, what pinned it (the frame keeps running)
     */
    static String suspend(Frame frame, boolean checkMonitors) {
        if (LockStack.depth() != frame.lockStackAtResume || checkMonitors && holdsMonitors()) {
            return HELD_MONITOR;
        }
        frame.pinnedBy = null;
        if (Continuation.yield(SCOPE)) {
            return null;
        }
        return frame.pinnedBy == null ? "unknown" : frame.pinnedBy;
    }

    private static boolean holdsMonitors() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadInfo[] info = threads.getThreadInfo(new long[] {Thread.currentThread().threadId()}, true, false);
        return info.length == 1 && info[0] != null && info[0].getLockedMonitors().length > 0;
    }

    /** One coroutine's stack: a JDK continuation that records why it could not yield instead of throwing. */
    static final class Frame extends Continuation {

        private final Coroutine<?> owner;
        private String pinnedBy;
        /** {@link LockStack#depth()} when this frame was last resumed: deeper at an await means a held monitor. */
        private int lockStackAtResume;

        private Frame(Coroutine<?> owner, Runnable body) {
            super(SCOPE, body);
            this.owner = owner;
        }

        /** Runs the body until it suspends or ends. */
        void resume() {
            lockStackAtResume = LockStack.depth();
            run();
        }

        boolean finished() {
            return isDone();
        }

        @Override
        protected void onPinned(Pinned reason) {
            pinnedBy = switch (reason) {
                case MONITOR -> HELD_MONITOR;
                case NATIVE -> "a native frame on the stack";
                case CRITICAL_SECTION -> "a JDK critical section";
                case EXCEPTION -> "an exception being thrown";
            };
        }
    }
}
