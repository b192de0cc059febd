package dev.concbench.workload.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concbench.loop.AsyncTimeoutException;
import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.server.DelayServer;
import dev.concbench.server.ServerLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The three clients (blocking, our loop's, Netty's) against a real delay server whose idle timeout is short: the connection limit holds,
 * connections are reused, a connection the server closed while idle is retried transparently, and a
 * slow response times out.
 */
class ConnectionPoolTest {

    private static final int LIMIT = 3;
    private static final Duration IDLE = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private DelayServer server;

    @BeforeEach
    void start() throws Exception {
        server = DelayServer.start(new InetSocketAddress("127.0.0.1", 0),
                new ServerLimits(8 * 1024, Duration.ofSeconds(5), IDLE, Duration.ofSeconds(5), 1024));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @Timeout(10)
    void blockingPoolKeepsItsLimitReusesAndRetriesAStaleConnection() throws Exception {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try (threads; BlockingConnectionPool pool = new BlockingConnectionPool(server.address(), LIMIT, TIMEOUT)) {
            List<Future<HttpResponse>> responses = new ArrayList<>();
            for (int i = 0; i < 4 * LIMIT; i++) {
                responses.add(threads.submit(() -> pool.get("/delay/30")));
            }
            for (Future<HttpResponse> r : responses) {
                assertEquals(200, r.get().status());
            }
            assertEquals(LIMIT, server.peakConnections());

            awaitServerClosedIdleConnections();
            assertEquals(200, pool.get("/").status());

            assertInstanceOf(SocketTimeoutException.class, assertThrows(IOException.class, () -> pool.get("/delay/2000")));
        }
    }

    @Test
    @Timeout(10)
    void loopPoolKeepsItsLimitReusesAndRetriesAStaleConnection() throws Exception {
        try (EventLoop loop = EventLoop.start()) {
            LoopConnectionPool pool = new LoopConnectionPool(loop, server.address(), LIMIT, TIMEOUT);
            List<Integer> statuses = loop.submit(() -> {
                List<LoopFuture<Integer>> all = new ArrayList<>();
                for (int i = 0; i < 4 * LIMIT; i++) {
                    all.add(pool.get("/delay/30").map(HttpResponse::status));
                }
                return loop.gather(all);
            }).join();
            assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200), statuses);
            assertEquals(LIMIT, server.peakConnections());

            awaitServerClosedIdleConnections();
            assertEquals(200, loop.submit(() -> pool.get("/").map(HttpResponse::status)).join());

            CompletionException slow = assertThrows(CompletionException.class,
                    () -> loop.submit(() -> pool.get("/delay/2000")).join());
            assertInstanceOf(AsyncTimeoutException.class, slow.getCause());
            assertEquals(LIMIT - 1, loop.submit(() -> loop.completed(pool.openConnections())).join(),
                    "the timed-out request's connection must be closed and its slot freed");
        }
    }

    @Test
    @Timeout(10)
    void nettyPoolKeepsItsLimitReusesAndRetriesAStaleConnection() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            io.netty.channel.EventLoop loop = group.next();
            NettyConnectionPool pool = new NettyConnectionPool(loop, server.address(), LIMIT, TIMEOUT);
            List<CompletableFuture<Integer>> all = loop.submit(() -> {
                List<CompletableFuture<Integer>> sent = new ArrayList<>();
                for (int i = 0; i < 4 * LIMIT; i++) {
                    CompletableFuture<Integer> status = new CompletableFuture<>();
                    pool.get("/delay/30").addListener((io.netty.util.concurrent.Future<HttpResponse> f) -> {
                        if (f.isSuccess()) {
                            status.complete(f.getNow().status());
                        } else {
                            status.completeExceptionally(f.cause());
                        }
                    });
                    sent.add(status);
                }
                return sent;
            }).syncUninterruptibly().getNow();
            assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                    all.stream().map(CompletableFuture::join).toList());
            assertEquals(LIMIT, server.peakConnections());

            awaitServerClosedIdleConnections();
            assertEquals(200, nettyGet(loop, pool, "/").status());

            Throwable slow = assertThrows(Exception.class, () -> nettyGet(loop, pool, "/delay/2000"));
            assertInstanceOf(java.util.concurrent.TimeoutException.class, slow);
            assertEquals(0, loop.submit(pool::openConnections).syncUninterruptibly().getNow(),
                    "the timed-out request's connection must be closed (the idle ones the server closed)");
            assertEquals(200, nettyGet(loop, pool, "/").status(), "the timed-out request's slot is free again");
        } finally {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }

    /** One request through {@code pool} on its loop; blocks the test thread for the response, rethrows the failure. */
    private static HttpResponse nettyGet(io.netty.channel.EventLoop loop, NettyConnectionPool pool, String path) throws Exception {
        io.netty.util.concurrent.Future<HttpResponse> f = loop.submit(() -> pool.get(path)).syncUninterruptibly().getNow();
        f.await();
        if (!f.isSuccess()) {
            throw f.cause() instanceof Exception e ? e : new RuntimeException(f.cause());
        }
        return f.getNow();
    }

    @Test
    @Timeout(10)
    void loopPoolForgetsARequestCancelledWhileWaitingForAConnection() throws Exception {
        try (EventLoop loop = EventLoop.start()) {
            LoopConnectionPool pool = new LoopConnectionPool(loop, server.address(), 1, Duration.ofSeconds(5));
            CompletableFuture<Integer> holder = loop.submit(() -> pool.get("/delay/300").map(HttpResponse::status));
            int waiting = loop.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    pool.get("/").cancel();  // the caller gives up while the one connection is busy
                }
                // the cancellations take effect in the loop's next turn; a timer fires only after that
                return loop.sleep(Duration.ofMillis(1)).map(v -> pool.waiting());
            }).join();
            assertEquals(0, waiting, "cancelled requests must not stay queued for a connection");
            assertEquals(200, holder.join());
            assertEquals(200, loop.submit(() -> pool.get("/").map(HttpResponse::status)).join());
        }
    }

    /** Polls the server's count until it closed every idle connection; the test's timeout bounds the wait. */
    private void awaitServerClosedIdleConnections() throws InterruptedException {
        while (server.openConnections() > 0) {
            Thread.sleep(IDLE.toMillis() / 4);
        }
    }
}
