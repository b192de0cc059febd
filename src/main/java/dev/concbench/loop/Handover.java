package dev.concbench.loop;

/**
 * A future whose value is something handed over by a primitive: a semaphore's permit, a queue's
 * item, an item's place in a queue. The hand-over happens when the future succeeds, but the one
 * who asked may be cancelled after that and before it runs on: a coroutine woken by the future and
 * cancelled before its turn, or a {@code then} whose derived future was cancelled meanwhile. Then
 * nobody takes the value, and {@link #giveBack()} undoes the hand-over (the permit goes to the next
 * waiter, the item back to the head of the queue, a put is withdrawn), as asyncio's
 * {@code Semaphore.acquire}, {@code Queue.get} and {@code Queue.put} do in their own coroutines.
 * Wrappers that carry the value ({@code waitFor}, {@code map}, ...: see {@link LoopFuture#giveBack()})
 * pass a give-back on to it. The value belongs to one consumer: a second consumer of the same future would see a value that
 * was given back. Loop thread only.
 *
 * @param <T> the result type
 */
final class Handover<T> extends LoopFuture<T> {

    /** Undoes a hand-over. */
    @FunctionalInterface
    interface Undo<T> {
        /** @return false when it cannot be undone any more (a put whose item a getter already took) */
        boolean undo(T value);
    }

    private Undo<? super T> undo;

    Handover(EventLoop loop, Undo<? super T> undo) {
        super(loop);
        this.undo = undo;
    }

    /** A hand-over that already happened (a permit or room that was free). */
    static <T> Handover<T> done(EventLoop loop, T value, Undo<? super T> undo) {
        Handover<T> handed = new Handover<>(loop, undo);
        handed.complete(value);
        return handed;
    }

    /** Undoes the hand-over once, if it happened; false when it happened and cannot be undone. */
    @Override
    boolean giveBack() {
        Undo<? super T> once = undo;
        if (once == null || !isDone() || !isSucceeded()) {
            return true;
        }
        undo = null;
        return once.undo(result());
    }
}
