package dev.concbench.loop;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
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
    /** What pinned a frame resumed by a thread that held a monitor then ({@link #suspend}'s answer). */
    static final String LOOP_MONITOR = "a monitor the loop thread entered before resuming it";

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
     * too), so this refuses first; see {@link #heldMonitor} for what is caught, how and at what cost.
     *
     * @return null once resumed; when the frame did not suspend, what pinned it (the frame keeps running)
     */
    static String suspend(Frame frame, boolean checkMonitors) {
        String held = heldMonitor(frame, checkMonitors);
        if (held != null) {
            return held;
        }
        frame.pinnedBy = null;
        if (Continuation.yield(SCOPE)) {
            return null;
        }
        return frame.pinnedBy == null ? "unknown" : frame.pinnedBy;
    }

    /**
     * Why {@code frame} must not suspend here because of a monitor, or null.
     *
     * <p>Every mode (about a nanosecond): the thread's lock stack ({@link LockStack})
     * is deeper than at {@link Frame#resume()}, so the frame entered a monitor it still holds
     * (measured on JDK 25: a plain block or method, nested or recursive entries, a monitor another
     * thread contends on while it is held, one whose identity hash was taken). Or the lock stack was
     * not empty at resume: the loop thread entered a monitor before resuming the frame, and the JDK
     * would carry that record away with the suspended frames (the loop thread then no longer holds
     * it by {@link Thread#holdsLock}, and a later resume brings a phantom entry back).
     *
     * <p>A monitor the JVM has inflated leaves no such trace: one entered while already inflated
     * (contended or waited on earlier, and not yet deflated), one inflated while held
     * ({@code wait}, or re-entered with another monitor in between). HotSpot keeps no per-thread
     * count of those under its default locking ({@code held_monitor_count} is kept for legacy
     * locking only), so finding them takes a walk of the frames with their monitors, tens to
     * hundreds of microseconds at a safepoint: only {@code checkMonitors} (the loop's debug mode)
     * pays it.
     */
    private static String heldMonitor(Frame frame, boolean checkMonitors) {
        int depth = LockStack.depth();
        if (depth != frame.lockStackAtResume) {
            return HELD_MONITOR;
        }
        if (depth != LockStack.emptyDepth()) {
            return LOOP_MONITOR;
        }
        return checkMonitors && monitorsInCoroutineFrames() > 0 ? HELD_MONITOR : null;
    }

    /**
     * How many monitors the current thread holds in the running coroutine's own frames (above the
     * continuation's entry), inflated ones included; monitors of the frames that resumed it do not
     * count (nor do all, conservatively, if the entry frame is not found). A stack walk with lock
     * information at a safepoint: tens to hundreds of microseconds.
     */
    private static int monitorsInCoroutineFrames() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadInfo[] info = threads.getThreadInfo(new long[] {Thread.currentThread().threadId()}, true, false);
        if (info.length != 1 || info[0] == null) {
            return 0;
        }
        StackTraceElement[] stack = info[0].getStackTrace();
        int entry = 0;
        while (entry < stack.length && !isContinuationEntry(stack[entry])) {
            entry++;
        }
        int inCoroutine = 0;
        for (MonitorInfo monitor : info[0].getLockedMonitors()) {
            if (monitor.getLockedStackDepth() < entry) {
                inCoroutine++;
            }
        }
        return inCoroutine;
    }

    private static boolean isContinuationEntry(StackTraceElement frame) {
        return frame.getClassName().equals(Continuation.class.getName()) && frame.getMethodName().startsWith("enter");
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
