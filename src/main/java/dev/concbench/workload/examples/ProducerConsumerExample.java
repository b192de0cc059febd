package dev.concbench.workload.examples;

import dev.concbench.loop.AsyncQueue;
import dev.concbench.loop.LoopFuture;
import dev.concbench.loop.LoopTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The seed's producer-consumer: 2 producers put 5 items each into a {@code Queue(maxsize=10)},
 * sleeping {@code uniform(0.5, 1.5)} s between puts; 3 consumers process each item for
 * {@code uniform(0.2, 0.8)} s; main gathers the producers, joins the queue, then stops the
 * consumers with one poison pill each (an empty {@link Optional} stands for Python's {@code None}).
 * The random delays come from a {@link Random} seeded with {@link #SEED}, so the interleaving is
 * the same on every run; about 5 units.
 */
final class ProducerConsumerExample {

    /** Seed of the delays' random generator (any fixed value: it makes runs repeatable). */
    static final long SEED = 20_24;
    private static final int PRODUCERS = 2;
    private static final int CONSUMERS = 3;
    private static final int ITEMS_PER_PRODUCER = 5;
    private static final int QUEUE_SIZE = 10;

    private ProducerConsumerExample() {
    }

    static LoopFuture<Void> run(ExampleContext ctx) {
        Random random = new Random(SEED);
        AsyncQueue<Optional<String>> queue = new AsyncQueue<>(ctx.loop(), QUEUE_SIZE);
        int[] consumed = {0};
        List<LoopTask<Void>> producers = new ArrayList<>();
        for (int id = 0; id < PRODUCERS; id++) {
            int producerId = id;
            producers.add(ctx.loop().spawn("producer-" + id, () -> produce(ctx, queue, random, producerId, 0)));
        }
        List<LoopTask<Void>> consumers = new ArrayList<>();
        for (int id = 0; id < CONSUMERS; id++) {
            int consumerId = id;
            consumers.add(ctx.loop().spawn("consumer-" + id, () -> consume(ctx, queue, random, consumerId, consumed)));
        }
        return ctx.loop().gather(producers)
                .then(v -> queue.join())
                .then(v -> poisonPills(ctx, queue, CONSUMERS))
                .then(v -> ctx.loop().gather(consumers))
                .map(v -> {
                    ctx.fact(ExampleResult.ITEMS_CONSUMED, consumed[0]);
                    return null;
                });
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** The seed's {@code producer(queue, producer_id)} from item {@code i} on. */
    private static LoopFuture<Void> produce(ExampleContext ctx, AsyncQueue<Optional<String>> queue, Random random,
            int producerId, int i) {
        if (i == ITEMS_PER_PRODUCER) {
            return ctx.loop().completed(null);
        }
        String item = "Item-" + producerId + "-" + i;
        // asyncio's `await queue.put(x)` does not yield when there is room, so the producer prints
        // before any consumer it woke runs; offer() keeps that order, put() waits when full
        if (queue.offer(Optional.of(item))) {
            return added(ctx, queue, random, producerId, i, item);
        }
        return queue.put(Optional.of(item)).then(v -> added(ctx, queue, random, producerId, i, item));
    }

    private static LoopFuture<Void> added(ExampleContext ctx, AsyncQueue<Optional<String>> queue, Random random,
            int producerId, int i, String item) {
        ctx.print("Producer " + producerId + " added " + item);
        return ctx.sleep(uniform(random, 0.5, 1.5)).then(v -> produce(ctx, queue, random, producerId, i + 1));
    }

    /** The seed's {@code consumer(queue, consumer_id)}: until the poison pill. */
    private static LoopFuture<Void> consume(ExampleContext ctx, AsyncQueue<Optional<String>> queue, Random random,
            int consumerId, int[] consumed) {
        return queue.get().then(item -> {
            if (item.isEmpty()) {
                return ctx.loop().completed(null);
            }
            ctx.print("Consumer " + consumerId + " processed " + item.get());
            consumed[0]++;
            return ctx.sleep(uniform(random, 0.2, 0.8)).then(v -> {
                queue.taskDone();
                return consume(ctx, queue, random, consumerId, consumed);
            });
        });
    }

    private static LoopFuture<Void> poisonPills(ExampleContext ctx, AsyncQueue<Optional<String>> queue, int left) {
        if (left == 0) {
            return ctx.loop().completed(null);
        }
        return queue.put(Optional.empty()).then(v -> poisonPills(ctx, queue, left - 1));
    }
}
