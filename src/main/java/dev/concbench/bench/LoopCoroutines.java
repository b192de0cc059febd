package dev.concbench.bench;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.Coroutine;
import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.loop.LoopTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The {@code coroutines} model's side of the raw-task benchmarks: the same units of work as the
 * {@code eventloop} model's callback versions ({@link LoopHandoff}, the spawn chain, the waiting
 * units, the racy counter), written as coroutines with {@code await} at each switch point, on the
 * same loop. What separates the two models' figures is what straight-line code costs.
 *
 * <p>Every method is called on the loop thread (from a {@link LoopTasks#run} body) and returns the
 * future the benchmark thread waits for.
 */
final class LoopCoroutines {

    private LoopCoroutines() {
    }

    /**
     * Two coroutines pass a token {@code passesPerSide} times each: a side awaits its turn future,
     * then completes the other's. One pass is one await that suspends and one resume.
     */
    static LoopFuture<List<Void>> handoff(EventLoop loop, int passesPerSide) {
        @SuppressWarnings("unchecked")
        LoopFuture<Void>[] turn = new LoopFuture[] {loop.completed(null), loop.newFuture()};
        List<LoopTask<Void>> sides = new ArrayList<>(2);
        for (int side = 0; side < 2; side++) {
            int me = side;
            sides.add(loop.spawnCoroutine("side-" + me, () -> {
                for (int i = 0; i < passesPerSide; i++) {
                    await(turn[me]);
                    turn[me] = loop.newFuture();
                    turn[1 - me].complete(null);
                }
            }));
        }
        return loop.gather(sides);
    }

    /** A parent coroutine starts {@code n} child coroutines and awaits each before the next. */
    static LoopFuture<Void> spawn(EventLoop loop, int n) {
        return loop.spawnCoroutine("parent", () -> {
            for (int i = 0; i < n; i++) {
                await(loop.spawnCoroutine("child", () -> { }));
            }
        });
    }

    /** One waiting unit: a coroutine suspended in {@code await(signal)} until the signal completes. */
    static LoopTask<Void> waiter(EventLoop loop, LoopFuture<Void> signal) {
        return loop.spawnCoroutine("unit", () -> {
            await(signal);
        });
    }

    /** A sleeping task of the scalability benchmark: await the gate, then sleep {@code millis}. */
    static LoopFuture<Void> sleeper(EventLoop loop, LoopFuture<Void> gate, long millis) {
        return loop.spawnCoroutine("sleeper", () -> {
            await(gate);
            await(loop.sleep(Duration.ofMillis(millis)));
        });
    }

    /**
     * The preemption benchmark's heartbeat as a coroutine: beside it {@code disturbers} coroutines
     * each run {@code disturb} until the shot's end (a CPU hog or a blocking sleep: neither awaits);
     * the heartbeat awaits a sleep to its next beat until {@code durationNanos} have passed, then
     * awaits the disturbers. Completes with the number of beats.
     */
    static LoopFuture<Integer> heartbeat(EventLoop loop, OpenLoopHeartbeat hb, long durationNanos, int disturbers,
            LongConsumer disturb) {
        return loop.spawnCoroutine("heartbeat", () -> {
            long end = System.nanoTime() + durationNanos;
            List<LoopTask<Void>> disturbing = new ArrayList<>(disturbers);
            for (int i = 0; i < disturbers; i++) {
                disturbing.add(loop.spawnCoroutine("disturber-" + i, () -> disturb.accept(end)));
            }
            int beats = 0;
            do {
                await(loop.sleep(Duration.ofNanos(Math.max(0, hb.nanosToNextBeat()))));
                beats += hb.beat();
            } while (hb.elapsedNanos() < durationNanos);
            await(loop.gather(disturbing));
            return beats;
        });
    }

    /**
     * The racy counter on coroutines: {@code tasks} coroutines of {@code increments} increments each,
     * yielding ({@code await asyncio.sleep(0)}) every {@code chunk} increments, never between a read
     * and its write; the future completes with the final count.
     */
    static LoopFuture<Long> count(EventLoop loop, int tasks, int increments, int chunk) {
        DeterminismBenchmark.Counter counter = new DeterminismBenchmark.Counter();
        List<LoopTask<Void>> all = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            all.add(loop.spawnCoroutine("counter-" + t, () -> {
                for (int i = 1; i <= increments; i++) {
                    counter.increment();
                    if (i % chunk == 0 && i < increments) {
                        Coroutine.yieldNow();
                    }
                }
            }));
        }
        return loop.gather(all).map(ignored -> counter.count);  // every write ran on this thread
    }
}
