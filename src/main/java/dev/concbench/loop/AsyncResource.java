package dev.concbench.loop;

/**
 * Something opened asynchronously that must be closed asynchronously: the {@code __aexit__} half
 * of asyncio's async context manager. Use with {@link AsyncScope#using}.
 */
@FunctionalInterface
public interface AsyncResource {

    /** Starts closing; the future completes when closed. Loop thread. */
    LoopFuture<Void> closeAsync();
}
