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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both clients against a real delay server whose idle timeout is short: the connection limit holds,
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

            Thread.sleep(IDLE.multipliedBy(3).toMillis());
            assertEquals(0, server.openConnections(), "the server should have closed the idle connections");
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

            Thread.sleep(IDLE.multipliedBy(3).toMillis());
            assertEquals(0, server.openConnections(), "the server should have closed the idle connections");
            assertEquals(200, loop.submit(() -> pool.get("/").map(HttpResponse::status)).join());

            CompletionException slow = assertThrows(CompletionException.class,
                    () -> loop.submit(() -> pool.get("/delay/2000")).join());
            assertInstanceOf(AsyncTimeoutException.class, slow.getCause());
            assertEquals(LIMIT - 1, loop.submit(() -> loop.completed(pool.openConnections())).join(),
                    "the timed-out request's connection must be closed and its slot freed");
        }
    }
}
