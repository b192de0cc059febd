package dev.concbench.loop;

import java.time.Duration;

/** asyncio's {@code TimeoutError}: {@link EventLoop#waitFor} gave up and cancelled the work. */
public final class AsyncTimeoutException extends RuntimeException {

    private final Duration timeout;

    public AsyncTimeoutException(Duration timeout) {
        super("timed out after " + timeout.toMillis() + " ms");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
