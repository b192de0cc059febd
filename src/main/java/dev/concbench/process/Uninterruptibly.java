package dev.concbench.process;

/**
 * Blocking waits that must run to the end (joining a thread at shutdown, reaping a process): an
 * interrupt does not cut the wait short, it is remembered and restored once the wait is over, so
 * the caller still sees it. Any thread.
 */
final class Uninterruptibly {

    /** A wait that may be interrupted, such as {@code thread::join} or {@code process::waitFor}. */
    @FunctionalInterface
    interface Wait {
        void await() throws InterruptedException;
    }

    private Uninterruptibly() {
    }

    /** Waits until {@code thread} has ended; an interrupt meanwhile is restored afterwards. */
    static void join(Thread thread) {
        await(thread::join);
    }

    /** Runs {@code wait} until it returns without being interrupted, then restores any interrupt. */
    static void await(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
