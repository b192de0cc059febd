package dev.concbench.model;

import static dev.concbench.vocab.ModelKind.PROCESS_POOL;

import dev.concbench.process.WorkerPool;
import dev.concbench.process.WorkerPoolConfig;
import dev.concbench.vocab.ModelParams;
import dev.concbench.workload.Placement;
import dev.concbench.workload.PlacementLog;
import dev.concbench.workload.RunWorkloadFunction;
import dev.concbench.workload.ThreadKind;
import dev.concbench.workload.WorkResult;
import dev.concbench.workload.WorkerTask;
import dev.concbench.workload.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code process-pool}: every task runs, whole, in one of {@code workers} worker JVMs (the seed's
 * {@code ProcessPoolExecutor}), blocking in the worker's style through {@link RunWorkloadFunction}.
 * A worker runs one task at a time, so at most {@code workers} tasks run at once; the rest queue.
 *
 * <p>Proof: every placement must carry the pid the pool reports for the worker that answered, and
 * that pid must not be ours.
 */
final class ProcessPoolModel extends AbstractModel {

    private final WorkerPool pool;
    private final WorkTarget target;

    private ProcessPoolModel(int workers, WorkTarget target, WorkerPool pool) {
        super(PROCESS_POOL.id(), Map.of(ModelParams.WORKERS, Integer.toString(workers)));
        this.pool = pool;
        this.target = target;
    }

    /**
     * Starts {@code workers} worker JVMs.
     *
     * @throws UncheckedIOException when a worker cannot be started
     */
    static ProcessPoolModel start(int workers, WorkTarget target) {
        return new ProcessPoolModel(workers, target, startPool(workers));
    }

    /**
     * Starts a worker pool of {@code workers} JVMs (also the offload pool of {@code eventloop+offload}).
     *
     * @throws UncheckedIOException when a worker cannot be started
     */
    static WorkerPool startPool(int workers) {
        try {
            return WorkerPool.start(WorkerPoolConfig.of(workers));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + workers + " worker processes: " + e.getMessage(), e);
        }
    }

    /** The pool, for {@code eventloop+offload} variants and for tests that inspect its pids. */
    WorkerPool pool() {
        return pool;
    }

    @Override
    CompletableFuture<WorkResult> start(Workload workload, PlacementLog log) {
        String task = WorkerTask.of(workload, target.server(), target.connectionLimit(), target.requestTimeout()).encode();
        return pool.submit(RunWorkloadFunction.NAME, task).thenApply(answer -> {
            WorkerTask.Reply reply = decode(answer);
            for (Placement placement : reply.placements()) {
                requireWorker(name(), placement, answer.workerPid());
            }
            log.addAll(reply.placements());
            return reply.result();
        });
    }

    /** Throws unless {@code placement} is on a platform thread of the worker {@code workerPid}, not ours. */
    static void requireWorker(String model, Placement placement, long workerPid) {
        if (placement.pid() != workerPid || placement.pid() == Placement.ownPid() || placement.kind() != ThreadKind.PLATFORM) {
            throw new ModelViolationException(model, "its steps run in worker process " + workerPid
                    + ", never in the parent " + Placement.ownPid(), placement);
        }
    }

    static WorkerTask.Reply decode(dev.concbench.process.WorkerResult answer) {
        try {
            return WorkerTask.Reply.decode(answer.value());
        } catch (IOException e) {
            throw new CompletionException("worker pid " + answer.workerPid() + " sent an unreadable reply", e);
        }
    }

    @Override
    public long replacedWorkers() {
        return pool.replacements();
    }

    @Override
    void startRaw(Runnable task) {
        throw new UnsupportedOperationException("model '" + name() + "' runs its tasks in worker JVMs, not raw tasks in this one");
    }

    @Override
    void check(Placement placement) {
        requireAnyWorker(name(), placement, pool);
    }

    /** Throws unless {@code placement} is on a platform thread of a worker {@code pool} started (replacements included). */
    static void requireAnyWorker(String model, Placement placement, WorkerPool pool) {
        boolean worker = pool.startupTimes().stream().anyMatch(start -> start.pid() == placement.pid());
        if (!worker || placement.pid() == Placement.ownPid() || placement.kind() != ThreadKind.PLATFORM) {
            throw new ModelViolationException(model, "its work runs in its worker processes " + pool.pids()
                    + ", never in the parent " + Placement.ownPid(), placement);
        }
    }

    @Override
    void stop() {
        try {
            pool.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the worker pool of model '" + name() + "'", e);
        }
    }
}
