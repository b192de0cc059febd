package dev.concbench.model;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * The threads a model started, so that shutting down can wait until each has really ended
 * ({@code ExecutorService.awaitTermination} returns while the last worker is still exiting).
 * Dead threads are dropped now and then, so a model that ran a million short tasks does not keep a
 * million {@code Thread} objects. Thread-safe.
 */
final class ThreadRegistry {

    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile int purgeAt = 64;

    /** A factory that creates threads with {@code delegate} and remembers them. */
    ThreadFactory tracking(ThreadFactory delegate) {
        return runnable -> {
            Thread thread = delegate.newThread(runnable);
            track(thread);
            return thread;
        };
    }

    private void track(Thread thread) {
        threads.add(thread);
        if (threads.size() >= purgeAt) {
            threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
            purgeAt = Math.max(64, threads.size() * 2);
        }
    }

    /**
     * Waits until every remembered thread has ended.
     *
     * @param grace the longest total wait
     * @return the names of the threads still alive after {@code grace} (empty when all ended)
     */
    List<String> awaitAll(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Duration.ofNanos(left));
            }
        }
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
