package dev.concbench.loop;

import jdk.internal.misc.Unsafe;

/**
 * How deep the current platform thread's HotSpot lock stack is: the one cheap way (a few
 * nanoseconds) to see whether code entered a {@code synchronized} block or method since a given
 * point, which {@link ContinuationAccess} needs at every await (see there for why). The JDK has no
 * API for it, so this reads the JVM's own per-thread record: since JDK 21 HotSpot's lightweight
 * locking pushes each monitor a thread enters onto a small stack in the thread's native structure
 * ({@code JavaThread::_lock_stack}), whose top is a 32-bit field.
 *
 * <p>Where that field lies differs between JVM builds, so it is not written down here: the first
 * use finds it on a fresh platform thread by entering three nested monitors and keeping the one
 * field that grows by the same step at each level and returns afterwards, and whose value points
 * just past itself (it is an offset from the thread's start). When no field, or more than one,
 * passes, the probe is off ({@link #available()} false, {@link #depth()} always {@link #UNKNOWN}):
 * a JVM other than HotSpot, legacy locking ({@code -XX:LockingMode=1}, where the JDK itself pins
 * instead), or a layout this search does not recognize. A monitor the JVM has inflated is not
 * counted: one entered while already inflated, or inflated by its owner while held ({@code wait},
 * a re-entry with another monitor in between, a ninth nested entry); one inflated by a thread that
 * contends on it stays on its owner's stack until the owner next touches it.
 *
 * <p>Reading another structure's memory needs {@value #FLAG}. Threading: {@link #depth()} reads
 * the calling thread's own record; on a virtual thread it answers {@link #UNKNOWN}.
 */
final class LockStack {

    /** The JVM flag that opens {@code jdk.internal.misc} (its {@code Unsafe}) to our code. */
    static final String FLAG = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    /** What {@link #depth()} answers when it cannot tell. */
    static final int UNKNOWN = -1;

    private static final Unsafe U = Unsafe.getUnsafe();
    private static final long EETOP = U.objectFieldOffset(Thread.class, "eetop");
    /** Where the lock stack's top lies in the native thread structure, and its value when empty; -1 when not found. */
    private static final long[] FOUND = Calibration.findTop(U, EETOP);
    private static final long TOP = FOUND[0];
    private static final int EMPTY = TOP < 0 ? UNKNOWN : (int) FOUND[1];

    private LockStack() {
    }

    /** Whether {@link #depth()} can tell on this JVM. */
    static boolean available() {
        return TOP >= 0;
    }

    /**
     * What {@link #depth()} answers on a thread whose lock stack is empty (it holds no monitor there),
     * or {@link #UNKNOWN} when the probe is off.
     */
    static int emptyDepth() {
        return EMPTY;
    }

    /**
     * The current thread's lock stack top (it grows with each monitor entered and shrinks as it is
     * left), or {@link #UNKNOWN}. Only differences between two readings on one thread mean anything.
     */
    static int depth() {
        if (TOP < 0) {
            return UNKNOWN;
        }
        long thread = U.getLong(Thread.currentThread(), EETOP);  // 0 for a virtual thread
        return thread == 0 ? UNKNOWN : U.getInt(thread + TOP);
    }

    /**
     * Finds the top field on a platform thread of its own (so that it does not matter which thread
     * first uses the probe); a class of its own, so that the thread does not wait for
     * {@link LockStack}'s initialization, which is waiting for it.
     */
    private static final class Calibration {

        /** How far into the thread structure to look (the top was at 2,000 bytes on JDK 25). */
        private static final int SPAN = 3072;
        /** Most bytes an entry may take (an oop: 8). */
        private static final int MAX_STEP = 16;
        /** How far past its own field the top may point when the stack is empty (its first slot). */
        private static final int MAX_GAP = 256;

        /** Shared, so that no compiler (under {@code -Xcomp} too) may drop the locking as unobservable. */
        private static final Object[] LOCKS = {new Object(), new Object(), new Object()};

        private Calibration() {
        }

        /** The top's offset and its value on an empty stack, or {-1, -1}. */
        static long[] findTop(Unsafe u, long eetop) {
            long[] found = {-1, -1};
            Thread probe = Thread.ofPlatform().name("concbench-lock-stack-probe").unstarted(() -> {
                try {
                    long thread = u.getLong(Thread.currentThread(), eetop);
                    long top = search(u, thread);
                    found[1] = top < 0 ? -1 : u.getInt(thread + top);  // this thread holds no monitor here
                    found[0] = top;
                } catch (RuntimeException | InternalError e) {
                    found[0] = -1;  // an unreadable layout: the probe stays off
                }
            });
            probe.start();
            try {
                probe.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new long[] {-1, -1};
            }
            return found;
        }

        /** The offset of the one field that behaves as the lock stack's top, or -1. */
        private static long search(Unsafe u, long thread) {
            if (thread == 0) {
                return -1;
            }
            Object a = LOCKS[0];
            Object b = LOCKS[1];
            Object c = LOCKS[2];
            int[] none = snapshot(u, thread);
            int[] one;
            int[] two;
            int[] three;
            synchronized (a) {
                one = snapshot(u, thread);
                synchronized (b) {
                    two = snapshot(u, thread);
                    synchronized (c) {
                        three = snapshot(u, thread);
                    }
                }
            }
            int[] after = snapshot(u, thread);
            long top = -1;
            for (int i = 0; i < none.length; i++) {
                int step = one[i] - none[i];
                boolean grows = step > 0 && step <= MAX_STEP && two[i] - one[i] == step && three[i] - two[i] == step;
                long offset = 4L * i;
                boolean pointsPastItself = none[i] > offset && none[i] <= offset + MAX_GAP;
                if (grows && after[i] == none[i] && pointsPastItself) {
                    if (top >= 0) {
                        return -1;  // ambiguous: trust neither
                    }
                    top = offset;
                }
            }
            return top;
        }

        private static int[] snapshot(Unsafe u, long thread) {
            int[] words = new int[SPAN / 4];
            for (int i = 0; i < words.length; i++) {
                words[i] = u.getInt(thread + 4L * i);
            }
            return words;
        }
    }
}
