package dev.concbench.server;

import dev.concbench.loop.EventLoop;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Notices when an event loop's thread dies while it should be serving (an {@code Error} such as
 * OutOfMemoryError escaped a callback): records why, instead of the default stack trace, and
 * releases whoever waits for the server to end, so a server process exits non-zero with one line
 * rather than living on deaf. Create on any thread; {@link #failure()} from any thread.
 */
final class LoopWatch {

    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * Watches {@code loop}'s thread; when it ends with an uncaught throwable, records it and
     * counts {@code ended} down.
     */
    LoopWatch(EventLoop loop, CountDownLatch ended) {
        Thread loopThread = loop.submit(() -> loop.completed(Thread.currentThread())).join();
        loopThread.setUncaughtExceptionHandler((t, e) -> {
            failure.compareAndSet(null, e);
            ended.countDown();
        });
    }

    /** Why the loop thread died, if it did. */
    Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** One line saying how the loop died, e.g. {@code java.lang.OutOfMemoryError: Java heap space}. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = e.toString().lines().findFirst().orElse(e.getClass().getName());
        return root == e ? line : line + " (caused by " + root.toString().lines().findFirst().orElse("") + ")";
    }
}
