package dev.concbench.loop;

import java.util.Optional;

/**
 * asyncio's async generator ({@code async def ... yield}): an {@link AsyncIterator} whose
 * elements are produced lazily, one awaited step per element, only when asked for. Like a Python
 * async generator it refuses a second {@link #next()} while a step is running, ends for good at
 * the first empty step or failure, and {@link #close()} ({@code aclose}) ends it early. Loop
 * thread only.
 *
 * <pre>{@code
 * // the seed's fetch_paginated_data(pages): one simulated API call per page
 * AsyncGenerator<Page> pages = AsyncGenerator.of(loop, i -> i >= 3
 *         ? loop.completed(Optional.empty())
 *         : loop.sleep(halfUnit).map(v -> Optional.of(new Page(i + 1))));
 * }</pre>
 *
 * @param <T> the element type
 */
public final class AsyncGenerator<T> implements AsyncIterator<T> {

    /** Produces the element at {@code index} (0, 1, 2, ...), or empty to end the generator. */
    @FunctionalInterface
    public interface Step<T> {
        LoopFuture<Optional<T>> produce(int index);
    }

    private final EventLoop loop;
    private final Step<T> step;
    private int index;
    private boolean running;
    private boolean finished;

    private AsyncGenerator(EventLoop loop, Step<T> step) {
        this.loop = loop;
        this.step = step;
    }

    public static <T> AsyncGenerator<T> of(EventLoop loop, Step<T> step) {
        return new AsyncGenerator<>(loop, step);
    }

    @Override
    public LoopFuture<Optional<T>> next() {
        loop.checkInLoop("AsyncGenerator.next");
        if (finished) {
            return loop.completed(Optional.empty());
        }
        if (running) {
            return loop.failed(new IllegalStateException("next() called while the previous step is still running"));
        }
        running = true;
        LoopFuture<Optional<T>> produced;
        try {
            produced = step.produce(index++);
        } catch (RuntimeException e) {
            produced = loop.failed(e);
        }
        // the bookkeeping callback is registered first, so it runs before the caller sees the element
        produced.onDone(p -> {
            running = false;
            if (p.exception() != null || p.result().isEmpty()) {
                finished = true;
            }
        });
        LoopFuture<Optional<T>> out = loop.newFuture();
        out.follow(produced);
        return out;
    }

    /** Ends the generator: every later {@link #next()} is empty (asyncio's {@code aclose}). */
    public void close() {
        loop.checkInLoop("AsyncGenerator.close");
        finished = true;
    }

    /** True once it ended (exhausted, failed or closed). */
    public boolean isFinished() {
        loop.checkInLoop("AsyncGenerator.isFinished");
        return finished;
    }
}
