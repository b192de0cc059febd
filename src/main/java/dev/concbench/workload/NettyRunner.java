package dev.concbench.workload;

import dev.concbench.workload.http.NettyConnectionPool;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.PromiseCombiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a {@link Workload} the way a Netty user would, on one Netty {@link EventLoop}: a wait is
 * {@code schedule}, a request goes through the loop's {@link NettyConnectionPool} (Netty's HTTP
 * codec and {@code FixedChannelPool}), the CPU burn runs inline in the task, a fan-out is two
 * requests joined by a {@link PromiseCombiner}, and a step that follows another is a listener on the
 * first one's future. The blocking-sleep pitfall really blocks the loop thread, as on our loop.
 *
 * <p>Loop thread only; every future it returns notifies its listeners on the loop.
 */
public final class NettyRunner {

    private final EventLoop loop;
    private final NettyConnectionPool http;

    /** @param http the loop's connection pool, or {@code null} without a server (then HTTP workloads fail) */
    public NettyRunner(EventLoop loop, NettyConnectionPool http) {
        this.loop = loop;
        this.http = http;
    }

    /** Starts {@code workload}; its steps record where they ran into {@code log}. */
    public Future<WorkResult> run(Workload workload, PlacementLog log) {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("NettyRunner.run called off its loop thread, from " + Thread.currentThread().getName());
        }
        return switch (workload) {
            case Workload.TimerWait w -> {
                log.add(here(Step.WAIT));
                yield loop.schedule(() -> WorkResult.EMPTY, w.millis(), TimeUnit.MILLISECONDS);
            }
            case Workload.BlockingSleep b -> blockingSleep(b.millis(), log);
            case Workload.HttpGet g -> request(g.path(), log);
            case Workload.CpuBurn c -> burn(c.iterations(), log);
            case Workload.Mixed m -> then(request(m.path(), log), r -> r.then(burnInline(m.iterations(), log)));
            case Workload.FanOut f -> both(request(f.firstPath(), log), request(f.secondPath(), log));
        };
    }

    private Placement here(Step step) {
        return Placement.here(step, loop::inEventLoop);
    }

    private Future<WorkResult> burn(long iterations, PlacementLog log) {
        return loop.newSucceededFuture(burnInline(iterations, log));
    }

    /** The burn in the calling task, on the loop thread: the seed's "CPU-bound task in a coroutine". */
    private WorkResult burnInline(long iterations, PlacementLog log) {
        log.add(here(Step.CPU));
        return WorkResult.ofChecksum(Burn.burn(iterations));
    }

    private Future<WorkResult> blockingSleep(long millis, PlacementLog log) {
        log.add(here(Step.BLOCK));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return loop.newFailedFuture(e);
        }
        return loop.newSucceededFuture(WorkResult.EMPTY);
    }

    private Future<WorkResult> request(String path, PlacementLog log) {
        if (http == null) {
            return loop.newFailedFuture(new IllegalStateException("workload requests " + path
                    + " but this model was started without a delay server"));
        }
        log.add(here(Step.IO));
        Promise<WorkResult> result = loop.newPromise();
        http.get(path).addListener((Future<dev.concbench.workload.http.HttpResponse> f) -> {
            if (f.isSuccess()) {
                result.trySuccess(WorkResult.ofResponse(f.getNow()));
            } else {
                result.tryFailure(f.cause());
            }
        });
        return result;
    }

    /** {@code first}, then what {@code next} makes of its result, on the loop. */
    private Future<WorkResult> then(Future<WorkResult> first, Function<WorkResult, WorkResult> next) {
        Promise<WorkResult> out = loop.newPromise();
        first.addListener((Future<WorkResult> f) -> {
            if (f.isSuccess()) {
                out.trySuccess(next.apply(f.getNow()));
            } else {
                out.tryFailure(f.cause());
            }
        });
        return out;
    }

    /** Both results, the first's then the second's, once both are in; the first failure otherwise. */
    private Future<WorkResult> both(Future<WorkResult> a, Future<WorkResult> b) {
        Promise<Void> all = loop.newPromise();
        PromiseCombiner combiner = new PromiseCombiner(loop);
        combiner.add(a);
        combiner.add(b);
        combiner.finish(all);
        Promise<WorkResult> out = loop.newPromise();
        all.addListener(f -> {
            if (f.isSuccess()) {
                out.trySuccess(a.getNow().then(b.getNow()));
            } else {
                out.tryFailure(f.cause());
            }
        });
        return out;
    }
}
