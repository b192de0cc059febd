package dev.concbench.loop;

import java.time.Duration;

/** asyncio's {@code wait_for} on our loop ({@link EventLoop#waitFor}). Loop thread only. */
final class Timeouts {

    private Timeouts() {
    }

    /**
     * {@code work}'s outcome, or after {@code timeout} {@code work} is cancelled and, once it is done,
     * an {@link AsyncTimeoutException}; the timer goes as soon as the outcome is known.
     */
    static <T> LoopFuture<T> waitFor(EventLoop loop, LoopFuture<T> work, Duration timeout) {
        LoopFuture<T> out = loop.newFuture();
        boolean[] timedOut = {false};
        TimerHandle timer = loop.callLater(timeout, () -> {
            if (!out.isDone()) {
                timedOut[0] = true;
                work.cancel();
            }
        });
        work.onDone(w -> {  // registered before follow's copy, so the timeout wins over the cancellation
            if (timedOut[0] && w.isCancelled()) {
                out.fail(new AsyncTimeoutException(timeout));
            }
        });
        out.follow(work);
        out.onDone(o -> timer.cancel());
        return out;
    }
}
