package dev.concbench.model;

import static dev.concbench.vocab.ModelKind.EVENTLOOP_OFFLOAD;

import dev.concbench.loop.EventLoop;
import dev.concbench.process.WorkerPool;
import dev.concbench.workload.Burn;
import dev.concbench.workload.LoopRunner;
import dev.concbench.workload.Placement;
import dev.concbench.workload.RunWorkloadFunction;
import dev.concbench.workload.Step;
import dev.concbench.workload.ThreadKind;
import dev.concbench.workload.WorkResult;
import dev.concbench.workload.WorkerTask;
import dev.concbench.workload.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where an event-loop model runs the CPU burn, and what it must be able to prove about it:
 * inline on the loop ({@code eventloop}), in a worker process or on a thread pool through
 * {@code runInExecutor} ({@code eventloop+offload}).
 */
interface CpuOffload {

    /** The burn step for a loop runner. */
    LoopRunner.CpuStep step(EventLoop loop);

    /** Whether the burn runs on the loop thread itself (then the loop's own rule covers it). */
    boolean onLoop();

    /**
     * Throws {@link ModelViolationException} unless a CPU {@code placement} is where this offload
     * runs burns; only called when {@link #onLoop()} is false.
     */
    void checkCpu(String model, Placement placement);

    /** Ends the threads or processes this offload started. */
    void close();

    /** The thread pool behind a {@link #threads} offload; empty for the others. */
    default Optional<Executor> executor() {
        return Optional.empty();
    }

    /** The burn on the loop thread. */
    static CpuOffload inline() {
        return new CpuOffload() {
            @Override
            public LoopRunner.CpuStep step(EventLoop loop) {
                return LoopRunner.inline(loop);
            }

            @Override
            public boolean onLoop() {
                return true;
            }

            @Override
            public void checkCpu(String model, Placement placement) {
                throw new IllegalStateException("the inline burn is checked by the loop's rule");
            }

            @Override
            public void close() {
            }
        };
    }

    /** The burn in a worker JVM of {@code pool}, awaited on the loop through {@code adapt}. */
    static CpuOffload processes(WorkerPool pool) {
        return new CpuOffload() {
            @Override
            public LoopRunner.CpuStep step(EventLoop loop) {
                return (iterations, log) -> {
                    String task = WorkerTask.of(new Workload.CpuBurn(iterations), null, 1, WorkTarget.DEFAULT_TIMEOUT).encode();
                    return loop.adapt(pool.submit(RunWorkloadFunction.NAME, task).thenApply(answer -> {
                        WorkerTask.Reply reply = ProcessPoolModel.decode(answer);
                        reply.placements().forEach(p -> ProcessPoolModel.requireWorker(EVENTLOOP_OFFLOAD.id(), p, answer.workerPid()));
                        log.addAll(reply.placements());
                        return reply.result();
                    }));
                };
            }

            @Override
            public boolean onLoop() {
                return false;
            }

            @Override
            public void checkCpu(String model, Placement placement) {
                ProcessPoolModel.requireAnyWorker(model, placement, pool);
            }

            @Override
            public void close() {
                try {
                    pool.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("closing the offload worker pool", e);
                }
            }
        };
    }

    /** The burn on a fixed pool of {@code threads} platform threads through {@code runInExecutor}. */
    static CpuOffload threads(int threads) {
        String prefix = "concbench-offload" + OffloadIds.next() + "-";
        ThreadRegistry registry = new ThreadRegistry();
        ThreadFactory factory = registry.tracking(Thread.ofPlatform().name(prefix, 0).factory());
        ExecutorService executor = Executors.newFixedThreadPool(threads, factory);
        return new CpuOffload() {
            @Override
            public LoopRunner.CpuStep step(EventLoop loop) {
                return (iterations, log) -> loop.runInExecutor(executor, () -> {
                    log.add(Placement.here(Step.CPU));
                    return WorkResult.ofChecksum(Burn.burn(iterations));
                });
            }

            @Override
            public boolean onLoop() {
                return false;
            }

            @Override
            public void checkCpu(String model, Placement placement) {
                if (placement.kind() != ThreadKind.PLATFORM || placement.pid() != Placement.ownPid() || !placement.thread().startsWith(prefix)) {
                    throw new ModelViolationException(model, "its CPU steps run on its offload threads ('" + prefix + "N')", placement);
                }
            }

            @Override
            public void close() {
                registry.shutdownAndJoin(executor, "offload pool '" + prefix + "'", ThreadModel.GRACE);
            }

            @Override
            public Optional<Executor> executor() {
                return Optional.of(executor);
            }
        };
    }

    /** Distinct thread-name prefixes for the offload pools of several models in one JVM. */
    final class OffloadIds {
        private static final AtomicInteger NEXT = new AtomicInteger();

        private OffloadIds() {
        }

        static int next() {
            return NEXT.incrementAndGet();
        }
    }
}
