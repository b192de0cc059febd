package dev.concbench.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The bare hand-off mechanism of a loop: two sides that pass a turn through {@code executor}'s task
 * queue, each pass one {@code execute} of the other side. Netty's own hand-off (the {@code netty}
 * model's context-switch row) and the reference benchmark's comparison of both loops.
 *
 * <p>{@link #play} from any thread but the loop's; the sides run on the loop thread only.
 */
final class ExecutePingPong implements Runnable {

    private final Executor executor;
    private final CompletableFuture<Void> done;
    private final int[] left;
    private ExecutePingPong other;

    private ExecutePingPong(Executor executor, CompletableFuture<Void> done, int[] left) {
        this.executor = executor;
        this.done = done;
        this.left = left;
    }

    /** {@code passes} passes between two sides on {@code executor}; blocks until they are done. */
    static void play(Executor executor, int passes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] left = {passes};
        ExecutePingPong a = new ExecutePingPong(executor, done, left);
        ExecutePingPong b = new ExecutePingPong(executor, done, left);
        a.other = b;
        b.other = a;
        executor.execute(a);
        done.join();
    }

    @Override
    public void run() {
        if (--left[0] == 0) {
            done.complete(null);
        } else {
            executor.execute(other);
        }
    }
}
