package dev.concbench.workload.examples;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.AsyncQueue;
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

    static void run(ExampleContext ctx) {
        Random random = new Random(SEED);
        AsyncQueue<Optional<String>> queue = new AsyncQueue<>(ctx.loop(), QUEUE_SIZE);
        int[] consumed = {0};
        List<LoopTask<Void>> producers = new ArrayList<>();
        for (int id = 0; id < PRODUCERS; id++) {
            int producerId = id;
            producers.add(ctx.loop().spawnCoroutine("producer-" + id, () -> producer(ctx, queue, random, producerId)));
        }
        List<LoopTask<Void>> consumers = new ArrayList<>();
        for (int id = 0; id < CONSUMERS; id++) {
            int consumerId = id;
            consumers.add(ctx.loop().spawnCoroutine("consumer-" + id,
                    () -> consumer(ctx, queue, random, consumerId, consumed)));
        }
        await(ctx.loop().gather(producers));
        await(queue.join());
        for (int i = 0; i < CONSUMERS; i++) {
            await(queue.put(Optional.empty()));
        }
        await(ctx.loop().gather(consumers));
        ctx.fact(ExampleResult.ITEMS_CONSUMED, consumed[0]);
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** The seed's {@code async def producer(queue, producer_id)}. */
    private static void producer(ExampleContext ctx, AsyncQueue<Optional<String>> queue, Random random, int producerId) {
        for (int i = 0; i < ITEMS_PER_PRODUCER; i++) {
            String item = "Item-" + producerId + "-" + i;
            await(queue.put(Optional.of(item)));
            ctx.print("Producer " + producerId + " added " + item);
            ctx.sleep(uniform(random, 0.5, 1.5));
        }
    }

    /** The seed's {@code async def consumer(queue, consumer_id)}: until the poison pill. */
    private static void consumer(ExampleContext ctx, AsyncQueue<Optional<String>> queue, Random random,
            int consumerId, int[] consumed) {
        while (true) {
            Optional<String> item = await(queue.get());
            if (item.isEmpty()) {
                break;
            }
            ctx.print("Consumer " + consumerId + " processed " + item.get());
            consumed[0]++;
            ctx.sleep(uniform(random, 0.2, 0.8));
            queue.taskDone();
        }
    }
}
