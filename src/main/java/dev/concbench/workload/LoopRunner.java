package dev.concbench.workload;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.workload.http.LoopConnectionPool;
import java.util.List;

/**
 * Runs a {@link Workload} the way the event loop does: non-blocking futures on the loop thread
 * (a timer for a wait, the loop's connection pool for requests, {@code gather} for a fan-out). The
 * CPU burn goes through a {@link CpuStep}: inline on the loop for {@code eventloop}, to a process or
 * thread pool through {@code runInExecutor} for {@code eventloop+offload}. The blocking-sleep
 * pitfall really blocks the loop thread, which is the point of it.
 *
 * <p>A step records its placement where it continues, not where it starts: a wait when its timer
 * has fired, a request in its response handler. A wait or a response carried on by some other loop
 * is then seen on that loop's thread, and the model's check refuses it.
 *
 * <p>Loop thread only.
 */
public final class LoopRunner {

    /** How the CPU burn runs. Called on the loop thread; must not block it except to burn inline. */
    @FunctionalInterface
    public interface CpuStep {
        /** Burns {@code iterations} and records the step's placement into {@code log}. */
        LoopFuture<WorkResult> burn(long iterations, PlacementLog log);
    }

    private final EventLoop loop;
    /** Where a wait or a response continues once it is done: {@link #loop}, but in the placement proof's own test. */
    private final EventLoop continueOn;
    private final LoopConnectionPool http;
    private final CpuStep cpu;

    /**
     * @param http the loop's connection pool, or {@code null} without a server (then HTTP workloads fail)
     * @param cpu where the burn runs; {@link #inline(EventLoop)} for the plain event loop
     */
    public LoopRunner(EventLoop loop, LoopConnectionPool http, CpuStep cpu) {
        this(loop, loop, http, cpu);
    }

    /**
     * A runner whose waits and responses continue on {@code continueOn} once done: with anything but
     * {@code loop}, a hop off the loop that the placement proof must catch (its test builds one);
     * a model always passes its loop.
     */
    public LoopRunner(EventLoop loop, EventLoop continueOn, LoopConnectionPool http, CpuStep cpu) {
        this.loop = loop;
        this.continueOn = continueOn;
        this.http = http;
        this.cpu = cpu;
    }

    /** The burn on the loop thread itself: the seed's "CPU-bound task in a coroutine" (it freezes the loop). */
    public static CpuStep inline(EventLoop loop) {
        return (iterations, log) -> {
            log.add(Placement.here(Step.CPU, loop::inLoop));
            return loop.completed(WorkResult.ofChecksum(Burn.burn(iterations)));
        };
    }

    /** Starts {@code workload}; its steps record where they ran into {@code log}. */
    public LoopFuture<WorkResult> run(Workload workload, PlacementLog log) {
        loop.checkInLoop("LoopRunner.run");
        return switch (workload) {
            case Workload.TimerWait w -> continued(loop.sleep(java.time.Duration.ofMillis(w.millis())), v -> {
                log.add(Placement.here(Step.WAIT, loop::inLoop));   // where the wait goes on, its timer fired
                return WorkResult.EMPTY;
            });
            case Workload.BlockingSleep b -> blockingSleep(b.millis(), log);
            case Workload.HttpGet g -> request(g.path(), log);
            case Workload.CpuBurn c -> cpu.burn(c.iterations(), log);
            case Workload.Mixed m -> request(m.path(), log).then(r -> cpu.burn(m.iterations(), log).map(r::then));
            case Workload.FanOut f -> loop.<WorkResult>gather(List.of(request(f.firstPath(), log), request(f.secondPath(), log)))
                    .map(both -> both.get(0).then(both.get(1)));
        };
    }

    private LoopFuture<WorkResult> blockingSleep(long millis, PlacementLog log) {
        log.add(Placement.here(Step.BLOCK, loop::inLoop));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return loop.failed(e);
        }
        return loop.completed(WorkResult.EMPTY);
    }

    private LoopFuture<WorkResult> request(String path, PlacementLog log) {
        if (http == null) {
            return loop.failed(new IllegalStateException("workload requests " + path
                    + " but this model was started without a delay server"));
        }
        return continued(http.get(path), response -> {
            log.add(Placement.here(Step.IO, loop::inLoop));     // where the request goes on: its response handler
            return WorkResult.ofResponse(response);
        });
    }

    /**
     * {@code next} applied to {@code first}'s result on {@link #continueOn}: a callback on the loop
     * (always, in a model's runner), else handed to that other loop and its result back to this one.
     */
    private <A, B> LoopFuture<B> continued(LoopFuture<A> first, java.util.function.Function<A, B> next) {
        if (continueOn == loop) {
            return first.map(next);
        }
        return first.then(a -> loop.adapt(continueOn.submit(() -> continueOn.completed(next.apply(a)))));
    }
}
