package dev.concbench.workload;

import dev.concbench.process.WorkerFunction;
import dev.concbench.workload.http.BlockingConnectionPool;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The worker-process side of the {@code process-pool} model: runs a whole {@link WorkerTask} in the
 * worker JVM with {@link BlockingRunner} (blocking calls on the worker's main thread, like a Python
 * function handed to {@code ProcessPoolExecutor}) and replies with the result and the placements,
 * which carry the worker's pid.
 *
 * <p>A worker runs one task at a time (see {@link WorkerFunction}); it keeps one bounded connection
 * pool per server for the life of the worker process. A fan-out's second request runs on a fresh
 * platform thread of the worker.
 */
public final class RunWorkloadFunction implements WorkerFunction {

    /** The function's name in the process pool. */
    public static final String NAME = "workload.run";

    private static final Executor SIBLINGS = runnable -> Thread.ofPlatform().name("concbench-worker-fanout").start(runnable);

    private final Map<InetSocketAddress, BlockingConnectionPool> pools = new HashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apply(String argument) throws Exception {
        WorkerTask task = WorkerTask.decode(argument);
        InetSocketAddress server = task.server();
        BlockingConnectionPool http = server == null ? null : pools.computeIfAbsent(server,
                s -> new BlockingConnectionPool(s, task.connectionLimit(), Duration.ofMillis(task.timeoutMillis())));
        PlacementLog log = new PlacementLog();
        WorkResult result = new BlockingRunner(http, SIBLINGS).run(task.workload(), log);
        return new WorkerTask.Reply(result, log.snapshot()).encode();
    }
}
