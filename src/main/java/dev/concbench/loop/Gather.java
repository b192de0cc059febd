package dev.concbench.loop;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** asyncio's {@code gather}, both flavours; see {@link EventLoop#gather} and {@link EventLoop#gatherSettled}. */
final class Gather {

    private Gather() {
    }

    static <T> LoopFuture<List<T>> failFast(EventLoop loop, List<? extends LoopFuture<? extends T>> children) {
        LoopFuture<List<T>> out = new LoopFuture<>(loop);
        out.awaitAll(children);
        Object[] results = new Object[children.size()];
        int[] remaining = {children.size()};
        if (children.isEmpty()) {
            out.complete(List.of());
        }
        for (int i = 0; i < children.size(); i++) {
            int index = i;
            children.get(i).onDone(child -> {
                if (out.isDone()) {
                    return;
                }
                Throwable error = child.exception();
                if (error != null) {
                    out.fail(error);
                    return;
                }
                results[index] = child.result();
                if (--remaining[0] == 0) {
                    out.complete(asList(results));
                }
            });
        }
        return out;
    }

    static <T> LoopFuture<List<Outcome<T>>> settled(EventLoop loop, List<? extends LoopFuture<? extends T>> children) {
        LoopFuture<List<Outcome<T>>> out = new LoopFuture<>(loop);
        out.awaitAll(children);
        Object[] outcomes = new Object[children.size()];
        int[] remaining = {children.size()};
        if (children.isEmpty()) {
            out.complete(List.of());
        }
        for (int i = 0; i < children.size(); i++) {
            int index = i;
            children.get(i).onDone(child -> {
                Throwable error = child.exception();
                outcomes[index] = new Outcome<T>(error == null ? child.result() : null, error);
                if (--remaining[0] == 0 && !out.isDone()) {
                    out.complete(asList(outcomes));
                }
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> asList(Object[] items) {
        return Collections.unmodifiableList(Arrays.asList((E[]) items));
    }
}
