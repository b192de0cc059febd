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
     * done (or earlier, if a contribution finishes it). Cancelling it cancels the children, and it
     * is cancelled once they are all done (asyncio 3.11's gather): a child's cleanup, which may
     * await, is over by then.
     */
    private static <C, E> LoopFuture<List<E>> collect(EventLoop loop, List<? extends LoopFuture<? extends C>> children,
            Contribution<C, E> contribution) {
        Gathering<E> out = new Gathering<>(loop, children);
        Object[] elements = new Object[children.size()];
        if (children.isEmpty()) {
            out.complete(List.of());
        }
        for (int i = 0; i < children.size(); i++) {
            int index = i;
            children.get(i).onDone(child -> {
                out.remaining--;
                if (out.cancelling) {
                    out.cancelIfAllDone();
                    return;
                }
                if (out.isDone()) {
                    return;
                }
                elements[index] = contribution.of(child, out);
                if (out.remaining == 0 && !out.isDone()) {
                    out.complete(asList(elements));
                }
            });
        }
        return out;
    }

    /** The gather's own future: its cancellation waits for the children it cancels. Loop thread. */
    private static final class Gathering<E> extends LoopFuture<List<E>> {

        private final List<? extends LoopFuture<?>> children;
        /** Children whose done-callback has not run yet. */
        int remaining;
        /** Cancelled, waiting for the children to be done. */
        boolean cancelling;

        Gathering(EventLoop loop, List<? extends LoopFuture<?>> children) {
            super(loop);
            this.children = children;
            this.remaining = children.size();
        }

        /**
         * Cancels the children; this future is cancelled at once when they all are done now (plain
         * futures), else when the last one is (a coroutine task runs its cleanup first).
         */
        @Override
        public boolean cancel() {
            loop().checkInLoop("LoopFuture.cancel");
            if (isDone()) {
                return false;
            }
            if (!cancelling) {
                cancelling = true;
                List.copyOf(children).forEach(LoopFuture::cancel);
                if (children.stream().allMatch(LoopFuture::isDone)) {
                    super.cancel();
                }
            }
            return true;
        }

        void cancelIfAllDone() {
            if (remaining == 0) {
                super.cancel();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> asList(Object[] items) {
        return Collections.unmodifiableList(Arrays.asList((E[]) items));
    }
}
