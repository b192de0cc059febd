package dev.concbench.loop;

import java.util.function.Function;

/**
 * asyncio's {@code async with}: open a resource asynchronously, use it, and close it
 * asynchronously whatever happened — success, failure or cancellation of the body.
 */
public final class AsyncScope {

    private AsyncScope() {
    }

    /**
     * Awaits {@code opening}, runs {@code body} with the resource, then awaits its
     * {@link AsyncResource#closeAsync()} and completes with the body's outcome (a failing close
     * replaces a success and is added as suppressed to a failure). If {@code opening} fails, the
     * body does not run and nothing is closed. If the scope is cancelled while opening, the
     * resource is closed as soon as it is open. Loop thread.
     */
    public static <R extends AsyncResource, T> LoopFuture<T> using(LoopFuture<R> opening,
            Function<? super R, ? extends LoopFuture<T>> body) {
        EventLoop loop = opening.loop();
        LoopFuture<T> out = loop.newFuture();
        out.awaitOne(opening);
        opening.onDone(o -> {
            Throwable openFailure = o.exception();
            if (openFailure != null) {
                out.fail(openFailure);
                return;
            }
            R resource = o.result();
            if (out.isDone()) {
                // cancelled while opening: close it now; a failing close is reported, not lost
                loop.fireAndForget("close after cancelled open", resource::closeAsync);
                return;
            }
            LoopFuture<T> running;
            try {
                running = body.apply(resource);
            } catch (RuntimeException e) {
                running = loop.failed(e);
            }
            out.follow(running.andFinally(resource::closeAsync));
        });
        return out;
    }
}
