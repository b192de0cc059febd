package dev.concbench.bench;

import dev.concbench.workload.NettyRunner;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.PromiseCombiner;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The {@code netty} model's side of the raw-task benchmarks: the same units of work as the
 * {@code eventloop} model's ({@link LoopHandoff}, the spawn chain, the waiting units, the racy
 * counter), written in Netty's own idiom on the model's Netty loop: {@code execute} and
 * {@code submit} for a task, a {@link Promise} and its listeners for a wait, {@code schedule} for a
 * timer, a {@link PromiseCombiner} for a gather. What separates the two models' figures is the loop.
 *
 * <p>{@link #run} is called from the benchmark thread (never the loop's) and starts its body through
 * the model's raw-task entry point, so the body passes the model's placement check (a body that did
 * not start on the Netty loop thread is counted as {@code misplaced}); the other methods are called
 * on the loop thread, from a {@link #run} body, and every promise they make notifies on the loop.
 *
 * @param session the {@code netty} model's session
 * @param loop    its Netty event loop
 */
record NettyTasks(ModelSession session, EventLoop loop) {

    private static final Callable<Void> NOTHING = () -> null;

    /** Runs {@code body} as a task on the loop and blocks the caller until its future completed; returns its result. */
    <T> T run(Supplier<? extends Future<T>> body) {
        Promise<T> out = loop.newPromise();
        session.execute(() -> {
            try {
                NettyRunner.relay(body.get(), out);
            } catch (RuntimeException e) {
                out.tryFailure(e);
            }
        });
        return out.syncUninterruptibly().getNow();
    }

    /** A future of the benchmark thread's kind that completes as {@code f} does. */
    static <T> CompletableFuture<T> completable(Future<T> f) {
        CompletableFuture<T> out = new CompletableFuture<>();
        f.addListener((Future<T> done) -> {
            if (done.isSuccess()) {
                out.complete(done.getNow());
            } else {
                out.completeExceptionally(done.cause());
            }
        });
        return out;
    }

    /**
     * The context-switch hand-off: two tasks that {@code execute} each other, {@code passes} passes
     * in all, each one trip through the loop's task queue. Benchmark thread; blocks until done.
     */
    void handoff(int passes) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        session.execute(() -> started.complete(null)); // the placement check, once per invocation
        started.join();
        ExecutePingPong.play(loop, passes);
    }

    /** A parent task {@code submit}s {@code n} children, each awaited (a listener on its future) before the next. */
    Future<Void> spawn(int n) {
        Promise<Void> done = loop.newPromise();
        spawnNext(n, done);
        return done;
    }

    private void spawnNext(int left, Promise<Void> done) {
        if (left == 0) {
            done.setSuccess(null);
            return;
        }
        loop.submit(NOTHING).addListener(f -> spawnNext(left - 1, done));
    }

    /**
     * One waiting unit: a task run on the loop that leaves a promise of its own waiting on
     * {@code signal} (a listener), what {@code await signal} leaves behind on a Netty loop.
     */
    Promise<Void> waiter(Future<Void> signal) {
        Promise<Void> unit = loop.newPromise();
        loop.execute(() -> signal.addListener(f -> unit.setSuccess(null)));
        return unit;
    }

    /** Completes once every one of {@code all} has, or fails with the first failure. Loop thread. */
    Future<Void> gather(List<? extends Future<?>> all) {
        Promise<Void> done = loop.newPromise();
        PromiseCombiner combiner = new PromiseCombiner(loop);
        all.forEach(combiner::add);
        combiner.finish(done);
        return done;
    }

    /** A sleeping task of the scalability benchmark: wait for the gate, then {@code schedule} a {@code millis} timer. Any thread. */
    CompletableFuture<Void> sleeper(Future<Void> gate, long millis) {
        Promise<Void> done = loop.newPromise();
        loop.execute(() -> gate.addListener(g -> loop.schedule(() -> done.setSuccess(null), millis, TimeUnit.MILLISECONDS)));
        return completable(done);
    }

    /**
     * The racy counter without an await between a read and its write: {@code tasks} tasks of
     * {@code increments} increments each, re-submitted with {@code execute} (a yield) every
     * {@code chunk} increments. Completes with the final count.
     */
    Future<Long> count(int tasks, int increments, int chunk) {
        return race(tasks, (counter, done) -> countChunk(counter, increments, chunk, done));
    }

    /**
     * The racy counter with a yield between every read and its write: a task reads, re-submits
     * itself with {@code execute}, then writes what it read plus one. Completes with the final count.
     */
    Future<Long> countAwaiting(int tasks, int increments) {
        return race(tasks, (counter, done) -> readYieldWrite(counter, increments, done));
    }

    private Future<Long> race(int tasks, BiConsumer<DeterminismBenchmark.Counter, Promise<Void>> task) {
        DeterminismBenchmark.Counter counter = new DeterminismBenchmark.Counter();
        List<Promise<Void>> all = new java.util.ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            Promise<Void> done = loop.newPromise();
            all.add(done);
            loop.execute(() -> task.accept(counter, done));
        }
        Promise<Long> count = loop.newPromise();
        gather(all).addListener(f -> count.setSuccess(counter.read())); // every write ran on this thread
        return count;
    }

    private void countChunk(DeterminismBenchmark.Counter counter, int left, int chunk, Promise<Void> done) {
        int n = Math.min(chunk, left);
        for (int i = 0; i < n; i++) {
            counter.increment();
        }
        if (left > n) {
            loop.execute(() -> countChunk(counter, left - n, chunk, done));
        } else {
            done.setSuccess(null);
        }
    }

    private void readYieldWrite(DeterminismBenchmark.Counter counter, int left, Promise<Void> done) {
        if (left == 0) {
            done.setSuccess(null);
            return;
        }
        long read = counter.read();
        loop.execute(() -> { // the yield: the rest runs after every task already queued
            counter.write(read + 1);
            readYieldWrite(counter, left - 1, done);
        });
    }
}
