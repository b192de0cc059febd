package dev.concbench.workload;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopTask;
import dev.concbench.workload.http.LoopConnectionPool;
import java.time.Duration;
import java.util.List;

/**
 * Runs a {@link Workload} as a coroutine on the event loop: the same non-blocking steps as
 * {@link LoopRunner} (a timer for a wait, the loop's connection pool for requests, the burn through
 * the same {@link LoopRunner.CpuStep}), written straight-line with {@code await} at each switch
 * point, as the seed writes them. A fan-out is {@code gather} over two child coroutines. A step
 * records its placement after its {@code await}, on the thread the coroutine resumed on.
 *
 * <p>Loop thread only, inside a coroutine ({@link EventLoop#spawnCoroutine}).
 */
public final class CoroutineRunner {

    private final EventLoop loop;
    private final LoopConnectionPool http;
    private final LoopRunner.CpuStep cpu;

    /**
     * @param http the loop's connection pool, or {@code null} without a server (then HTTP workloads fail)
     * @param cpu  where the burn runs
     */
    public CoroutineRunner(EventLoop loop, LoopConnectionPool http, LoopRunner.CpuStep cpu) {
        this.loop = loop;
        this.http = http;
        this.cpu = cpu;
    }

    /** Runs {@code workload} to its end; its steps record where they ran into {@code log}. */
    public WorkResult run(Workload workload, PlacementLog log) throws InterruptedException {
        loop.checkInLoop("CoroutineRunner.run");
        return switch (workload) {
            case Workload.TimerWait w -> {
                await(loop.sleep(Duration.ofMillis(w.millis())));
                log.add(Placement.here(Step.WAIT, loop::inLoop));   // where the coroutine goes on after the wait
                yield WorkResult.EMPTY;
            }
            case Workload.BlockingSleep b -> {
                log.add(Placement.here(Step.BLOCK, loop::inLoop));
                Thread.sleep(b.millis());  // the pitfall: it blocks the loop, as in asyncio
                yield WorkResult.EMPTY;
            }
            case Workload.HttpGet g -> request(g.path(), log);
            case Workload.CpuBurn c -> await(cpu.burn(c.iterations(), log));
            case Workload.Mixed m -> request(m.path(), log).then(await(cpu.burn(m.iterations(), log)));
            case Workload.FanOut f -> {
                LoopTask<WorkResult> first = loop.spawnCoroutine("fanout-first", () -> request(f.firstPath(), log));
                LoopTask<WorkResult> second = loop.spawnCoroutine("fanout-second", () -> request(f.secondPath(), log));
                List<WorkResult> both = await(loop.gather(List.of(first, second)));
                yield both.get(0).then(both.get(1));
            }
        };
    }

    private WorkResult request(String path, PlacementLog log) {
        if (http == null) {
            throw new IllegalStateException("workload requests " + path + " but this model was started without a delay server");
        }
        WorkResult result = WorkResult.ofResponse(await(http.get(path)));
        log.add(Placement.here(Step.IO, loop::inLoop));         // where the coroutine goes on after the response
        return result;
    }
}
