package dev.concbench.model;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

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
     * Interrupts {@code executor}'s running tasks, abandons its queued ones (an {@link Abandonable}
     * completes its future exceptionally; other runnables are dropped), waits for it to terminate and
     * for every remembered thread to end.
     *
     * @param owner names the owner in the failure message, e.g. {@code "model 'virtual'"}
     * @throws IllegalStateException when a thread is still alive after {@code grace}, or on interrupt
     */
    void shutdownAndJoin(ExecutorService executor, String owner, Duration grace) {
        for (Runnable neverStarted : executor.shutdownNow()) {
            if (neverStarted instanceof Abandonable task) {
                task.abandon();
            }
        }
        try {
            boolean terminated = executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            List<String> alive = awaitAll(grace);
            if (!terminated || !alive.isEmpty()) {
                throw new IllegalStateException(owner + " left threads running " + grace.toSeconds()
                        + " s after close(): " + alive);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing " + owner, e);
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

    /** A queued task that must tell its waiter when it will never run. */
    interface Abandonable extends Runnable {
        /** Completes the task's future exceptionally: the model closed before the task started. */
        void abandon();
    }
}
