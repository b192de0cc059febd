package dev.concbench.loop;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** asyncio's {@code gather}, both flavours; see {@link EventLoop#gather} and {@link EventLoop#gatherSettled}. */
final class Gather {

    private Gather() {
    }

    static <T> LoopFuture<List<T>> failFast(EventLoop loop, List<? extends LoopFuture<? extends T>> children) {
        return collect(loop, children, (child, out) -> {
            Throwable error = child.exception();
            if (error != null) {
                out.fail(error);
                return null;
            }
            return child.result();
        });
    }

    static <T> LoopFuture<List<Outcome<T>>> settled(EventLoop loop, List<? extends LoopFuture<? extends T>> children) {
        return collect(loop, children, (child, out) -> {
            Throwable error = child.exception();
            return new Outcome<T>(error == null ? child.result() : null, error);
        });
    }

    /** What one finished child contributes to the list; it may instead finish {@code out} early. */
    @FunctionalInterface
    private interface Contribution<C, E> {
        E of(LoopFuture<? extends C> child, LoopFuture<List<E>> out);
    }

    /**
     * A future of one element per child, in the children's order, complete when every child is
     * done (or earlier, if a contribution finishes it); cancelling it cancels the children.
     */
    private static <C, E> LoopFuture<List<E>> collect(EventLoop loop, List<? extends LoopFuture<? extends C>> children,
            Contribution<C, E> contribution) {
        LoopFuture<List<E>> out = new LoopFuture<>(loop);
        out.awaitAll(children);
        Object[] elements = new Object[children.size()];
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
                elements[index] = contribution.of(child, out);
                if (--remaining[0] == 0 && !out.isDone()) {
                    out.complete(asList(elements));
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
