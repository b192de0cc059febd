package dev.concbench.workload;

import dev.concbench.workload.http.BlockingConnectionPool;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a {@link Workload} the way thread models do: blocking calls on the calling thread
 * ({@code Thread.sleep}, a blocking socket client, the burn inline). A fan-out's second request is
 * handed to {@code siblings}, the model's own way of getting another thread; if no thread picks it
 * up before the caller is done with the first, the caller runs it itself, so a pool of one thread
 * cannot deadlock on its own fan-out.
 *
 * <p>Thread-safe: one runner serves every task of a model, concurrently.
 */
public final class BlockingRunner {

    private final BlockingConnectionPool http;
    private final Executor siblings;

    /**
     * @param http the model's bounded connection pool, or {@code null} when the model has no server
     *     (then HTTP workloads fail)
     * @param siblings where a fan-out's parallel request runs (the model's threads)
     */
    public BlockingRunner(BlockingConnectionPool http, Executor siblings) {
        this.http = http;
        this.siblings = siblings;
    }

    /**
     * Runs {@code workload} on the calling thread, recording where each step ran into {@code log}.
     *
     * @throws IOException when a request fails
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public WorkResult run(Workload workload, PlacementLog log) throws IOException, InterruptedException {
        return switch (workload) {
            case Workload.TimerWait w -> sleep(w.millis(), Step.WAIT, log);
            case Workload.BlockingSleep b -> sleep(b.millis(), Step.BLOCK, log);
            case Workload.HttpGet g -> request(g.path(), log);
            case Workload.CpuBurn c -> burn(c.iterations(), log);
            case Workload.Mixed m -> request(m.path(), log).then(burn(m.iterations(), log));
            case Workload.FanOut f -> fanOut(f, log);
        };
    }

    private static WorkResult sleep(long millis, Step step, PlacementLog log) throws InterruptedException {
        log.add(Placement.here(step));
        Thread.sleep(millis);
        return WorkResult.EMPTY;
    }

    private static WorkResult burn(long iterations, PlacementLog log) {
        log.add(Placement.here(Step.CPU));
        return WorkResult.ofChecksum(Burn.burn(iterations));
    }

    private WorkResult request(String path, PlacementLog log) throws IOException {
        if (http == null) {
            throw new IllegalStateException("workload requests " + path + " but this model was started without a delay server");
        }
        log.add(Placement.here(Step.IO));
        return WorkResult.ofResponse(http.get(path));
    }

    private WorkResult fanOut(Workload.FanOut f, PlacementLog log) throws IOException, InterruptedException {
        Sibling second = new Sibling(() -> request(f.secondPath(), log));
        try {
            siblings.execute(second);
        } catch (RejectedExecutionException e) {
            // the model is shutting down: the caller runs both requests itself (joined below)
        }
        WorkResult first = request(f.firstPath(), log);
        return first.then(second.join());
    }

    /** A blocking call in a {@link WorkResult}. */
    @FunctionalInterface
    private interface BlockingCall {
        WorkResult call() throws IOException;
    }

    /** The second request of a fan-out: run by whichever thread claims it first. */
    private static final class Sibling implements Runnable {
        private final BlockingCall call;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<WorkResult> result = new CompletableFuture<>();

        Sibling(BlockingCall call) {
            this.call = call;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                result.complete(call.call());
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        WorkResult join() throws IOException, InterruptedException {
            run();
            try {
                return result.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("fan-out request failed", e.getCause());
            }
        }
    }
}
