package dev.concbench.bench;

import static dev.concbench.loop.Coroutine.await;
import static dev.concbench.vocab.ModelKind.COROUTINES;

import dev.concbench.loop.EventLoop;
import dev.concbench.metrics.CompilerCpu;
import dev.concbench.loop.LoopFuture;
import dev.concbench.workload.http.BlockingConnectionPool;
import dev.concbench.workload.http.LoopConnectionPool;
import dev.concbench.workload.NettyRunner;
import dev.concbench.workload.http.NettyConnectionPool;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import dev.concbench.workload.http.HttpResponse;
import dev.concbench.model.WorkTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The seed's performance tip "use connection pooling for network requests".
 *
 * <p>A task of the model makes {@value #REQUESTS} {@code GET /} requests to the delay server one
 * after another, over one pooled keep-alive connection ({@code pooled}) or a new TCP connection per
 * request ({@code new-per-request}); the score is the time per request. Expect the new connection
 * to cost a TCP handshake and teardown more per request, even on loopback. On {@code netty} the
 * requests go through Netty's HTTP client ({@link NettyConnectionPool}), a fresh one per request for
 * {@code new-per-request}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PoolingBenchmark extends TaskBenchmark {

    /** Requests per invocation. */
    static final int REQUESTS = 20;

    /** One slice of the untimed warm-up each trial gets, in nanoseconds. */
    static final long WARM_UP_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /**
     * The warm-up rule, the same for every model: 0.5 s slices of this benchmark's own requests
     * until, for 3 slices in a row, the time per request has not fallen 10% below its best and this
     * JVM's compiler threads took at most 20% of its CPU; at least 1 s (or {@code maxSeconds} when
     * less), at most {@code maxSeconds} (6 in quick and full: measured on 2026-12-02 at load 4.8-5.9
     * in 250 ms iterations, our loop's pooled request fell from ms to about 60-80 us within 5 s,
     * Netty's client within about 9.5 s).
     *
     * @param maxSeconds the cap, {@code >= 1}
     */
    static WarmUp warmUpRule(int maxSeconds) {
        int maxSlices = 2 * maxSeconds;
        return new WarmUp(Math.min(2, maxSlices), maxSlices, 3, 0.1, 0.2);
    }

    /**
     * The longest untimed warm-up a trial gets, in seconds ({@link #warmUpRule}). The gate and smoke
     * profiles set 2: their rows compare one model with itself (A and B) or only show that it runs,
     * and 6 s a fork would add minutes to CI's {@code ab}.
     */
    @Param("6")
    public int warmUpMaxS;

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "coroutines", "netty"})
    public String model;

    /** {@code pooled} or {@code new-per-request}. */
    @Param({"pooled", "new-per-request"})
    public String connections;

    private InetSocketAddress server;
    private BlockingConnectionPool pool;
    private LoopConnectionPool loopPool;
    private NettyConnectionPool nettyPool;
    private WarmUp.Outcome warmedUp;

    public PoolingBenchmark() {
        super(1);
    }

    @Override
    String modelName() {
        return model;
    }

    @Override
    void startTrial() throws Exception {
        server = ModelSession.requireServer();
        if (netty != null) {
            nettyPool = new NettyConnectionPool(netty.loop(), server, 1, WorkTarget.DEFAULT_TIMEOUT);
        } else if (loop != null) {
            loopPool = loop.run(() -> loop.loop().completed(
                    new LoopConnectionPool(loop.loop(), server, 1, WorkTarget.DEFAULT_TIMEOUT)));
        } else {
            pool = new BlockingConnectionPool(server, 1, WorkTarget.DEFAULT_TIMEOUT);
        }
        // the client's JIT (and the run's shared server's) is cold in a fresh fork: every model gets
        // its own requests until their time stops falling, so the rows compare compiled clients
        warmedUp = warmUpRule(warmUpMaxS).run(this::warmUpSlice);
    }

    /**
     * One slice of the warm-up: requests for {@link #WARM_UP_SLICE_NANOS}; the time per request, in
     * nanoseconds, and the share of this JVM's CPU its JIT compiler threads took meanwhile.
     */
    private WarmUp.Sample warmUpSlice() throws Exception {
        long pid = ProcessHandle.current().pid();
        CompilerCpu before = CompilerCpu.of(pid);
        long start = System.nanoTime();
        long requests = 0;
        long elapsed;
        do {
            request();
            requests += REQUESTS;
            elapsed = System.nanoTime() - start;
        } while (elapsed < WARM_UP_SLICE_NANOS);
        return new WarmUp.Sample((double) elapsed / requests, CompilerCpu.of(pid).compileShareSince(before));
    }

    @TearDown(Level.Iteration)
    public void publishWarmUp() {
        warmedUp.publish(WARM_UP_SLICE_NANOS);
    }

    @Override
    void stopTrial() {
        if (nettyPool != null) {
            netty.run(() -> {
                nettyPool.close();
                return netty.loop().newSucceededFuture(null);
            });
        } else if (loopPool != null) {
            loop.run(() -> {
                loopPool.close();
                return loop.loop().completed(null);
            });
        } else {
            pool.close();
        }
    }

    /** One invocation: {@value #REQUESTS} requests in a row from one task of the model. */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public int request() throws Exception {
        if (netty != null) {
            return netty.run(() -> requestsOnNetty(netty.loop(), REQUESTS, 0));
        }
        if (COROUTINES.is(model)) {
            return loop.run(() -> requestsInCoroutine(loop.loop(), REQUESTS));
        }
        if (loop != null) {
            return loop.run(() -> requestsOnLoop(loop.loop(), REQUESTS, 0));
        }
        CompletableFuture<Integer> done = new CompletableFuture<>();
        threads.execute(() -> {
            try {
                int ok = 0;
                for (int i = 0; i < REQUESTS; i++) {
                    ok += get().status() == 200 ? 1 : 0;
                }
                done.complete(ok);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done.get();
    }

    /** {@code left} requests one after another on the loop; completes with how many returned 200. */
    private LoopFuture<Integer> requestsOnLoop(EventLoop l, int left, int ok) {
        if (left == 0) {
            return l.completed(ok);
        }
        LoopFuture<HttpResponse> response;
        if (connections.equals("pooled")) {
            response = loopPool.get("/");
        } else {
            LoopConnectionPool fresh = new LoopConnectionPool(l, server, 1, WorkTarget.DEFAULT_TIMEOUT);
            response = fresh.get("/").andFinally(() -> {
                fresh.close();
                return l.completed(null);
            });
        }
        return response.then(r -> requestsOnLoop(l, left - 1, ok + (r.status() == 200 ? 1 : 0)));
    }

    /** {@code left} requests one after another through Netty's client; completes with how many returned 200. */
    private Future<Integer> requestsOnNetty(io.netty.channel.EventLoop l, int left, int ok) {
        if (left == 0) {
            return l.newSucceededFuture(ok);
        }
        NettyConnectionPool through = connections.equals("pooled") ? nettyPool
                : new NettyConnectionPool(l, server, 1, WorkTarget.DEFAULT_TIMEOUT);
        Promise<Integer> out = l.newPromise();
        through.get("/").addListener((Future<HttpResponse> f) -> {
            if (through != nettyPool) {
                through.close();
            }
            if (f.isSuccess()) {
                NettyRunner.relay(requestsOnNetty(l, left - 1, ok + (f.getNow().status() == 200 ? 1 : 0)), out);
            } else {
                out.tryFailure(f.cause());
            }
        });
        return out;
    }

    /** The same {@code n} requests as one coroutine, straight-line; completes with how many returned 200. */
    private LoopFuture<Integer> requestsInCoroutine(EventLoop l, int n) {
        return l.spawnCoroutine("requests", () -> {
            int ok = 0;
            for (int i = 0; i < n; i++) {
                HttpResponse response;
                if (connections.equals("pooled")) {
                    response = await(loopPool.get("/"));
                } else {
                    LoopConnectionPool fresh = new LoopConnectionPool(l, server, 1, WorkTarget.DEFAULT_TIMEOUT);
                    try {
                        response = await(fresh.get("/"));
                    } finally {
                        fresh.close();
                    }
                }
                ok += response.status() == 200 ? 1 : 0;
            }
            return ok;
        });
    }

    private HttpResponse get() throws IOException {
        if (connections.equals("pooled")) {
            return pool.get("/");
        }
        try (BlockingConnectionPool fresh = new BlockingConnectionPool(server, 1, WorkTarget.DEFAULT_TIMEOUT)) {
            return fresh.get("/");
        }
    }
}
