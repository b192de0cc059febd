package dev.concbench.loop;

import java.util.Optional;
import java.util.function.Function;

/**
 * asyncio's async iterator protocol ({@code __anext__}): each {@link #next()} is a future of the
 * next element, empty when the iteration is over ({@code StopAsyncIteration}). Loop thread only.
 *
 * @param <T> the element type (elements are never null)
 */
@FunctionalInterface
public interface AsyncIterator<T> {

    /** The next element, or empty when there are no more. Call again only once it is done. */
    LoopFuture<Optional<T>> next();

    /**
     * {@code async for x in it: await body(x)} — takes elements one at a time, awaiting
     * {@code body} for each before asking for the next; completes when the iterator is exhausted,
     * fails with the first failure. Cancelling it cancels the pending step.
     */
    default LoopFuture<Void> forEach(Function<? super T, ? extends LoopFuture<?>> body) {
        LoopFuture<Optional<T>> step = next();
        return step.then(element -> {
            if (element.isEmpty()) {
                return step.loop().completed(null);
            }
            return body.apply(element.get()).then(v -> forEach(body));
        });
    }
}
