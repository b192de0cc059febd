package dev.concbench.loop;

import java.util.concurrent.CancellationException;

/**
 * How one future ended, for {@link EventLoop#gatherSettled} (asyncio's
 * {@code gather(..., return_exceptions=True)}): a value, or a failure.
 *
 * @param value   the result when it succeeded, else null
 * @param failure null when it succeeded; a {@link CancellationException} when cancelled
 * @param <T>     the result type
 */
public record Outcome<T>(T value, Throwable failure) {

    public boolean succeeded() {
        return failure == null;
    }

    public boolean cancelled() {
        return failure instanceof CancellationException;
    }

    @Override
    public String toString() {
        return succeeded() ? String.valueOf(value) : failure.toString();
    }
}
