package dev.concbench.workload.examples;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.AsyncSemaphore;
import dev.concbench.loop.Coroutine;
import dev.concbench.loop.LoopTask;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's rate limiting: 10 requests of 1 s each under {@code Semaphore(3)}; at most 3 run at
 * once, so it takes ceil(10 / 3) = 4 rounds, about 4 units. Also prints {@code max concurrent: 3}.
 */
final class SemaphoreExample {

    private static final int PERMITS = 3;
    private static final int REQUESTS = 10;

    private SemaphoreExample() {
    }

    static void run(ExampleContext ctx) {
        AsyncSemaphore semaphore = new AsyncSemaphore(ctx.loop(), PERMITS);
        int[] inside = {0};
        int[] maxInside = {0};
        List<LoopTask<String>> tasks = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String url = "http://api.example.com/endpoint/" + i;
            // the seed's limited_request(url): async with semaphore: ...
            tasks.add(ctx.loop().spawnCoroutine("limited_request", () -> {
                try (var permit = Coroutine.acquire(semaphore)) {
                    inside[0]++;
                    maxInside[0] = Math.max(maxInside[0], inside[0]);
                    ctx.print("Requesting " + url);
                    ctx.sleep(1);
                    inside[0]--;
                    return "Response from " + url;
                }
            }));
        }
        List<String> results = await(ctx.loop().gather(tasks));
        ctx.print("Completed " + results.size() + " requests");
        ctx.print("max concurrent: " + maxInside[0]);
        ctx.fact(ExampleResult.MAX_CONCURRENT, maxInside[0]);
    }
}
