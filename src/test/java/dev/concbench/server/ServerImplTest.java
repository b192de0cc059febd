package dev.concbench.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.workload.http.HttpResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@link ServerImpl} answers the same routes the same way: the http-server scenario and the
 * wrk comparison set our loop against Netty's on identical work.
 */
@Timeout(10)
class ServerImplTest {

    private static final ServerLimits LIMITS = new ServerLimits(8 * 1024, Duration.ofMillis(500),
            Duration.ofSeconds(30), Duration.ofSeconds(5), 1024 * 1024);

    @ParameterizedTest
    @EnumSource(ServerImpl.class)
    void everyEndpointAnswersOnOneKeptAliveConnection(ServerImpl impl) throws IOException {
        try (HttpServerHandle server = impl.start(new InetSocketAddress("127.0.0.1", 0), LIMITS);
                RawClient client = new RawClient(server.address())) {
            HttpResponse root = client.get("/");
            assertEquals(200, root.status());
            assertEquals(Routes.BANNER + "\n", new String(root.body(), StandardCharsets.UTF_8));
            assertEquals(root.body().length, client.get("/").body().length, "a constant response is sent whole every time");

            long before = System.nanoTime();
            HttpResponse delayed = client.get("/delay/50");
            assertTrue(System.nanoTime() - before >= Duration.ofMillis(50).toNanos(), "answered before its delay");
            assertEquals(200, delayed.status());
            assertEquals("{\"delay_ms\":50}", new String(delayed.body(), StandardCharsets.US_ASCII));

            assertEquals(418, client.get("/status/418").status());
            assertEquals(0, client.get("/status/404").body().length);

            HttpResponse bytes = client.get("/bytes/1000");
            assertArrayEquals(Routes.pattern(1000), bytes.body());

            assertEquals(404, client.get("/nothing-here").status());
            assertEquals(400, client.get("/delay/soon").status());
            assertEquals(400, client.get("/bytes/" + (LIMITS.maxBytes() + 1)).status());
            assertTrue(client.get("/?query=ignored").keepAlive());
            if (server instanceof DelayServer ours) {
                assertEquals(1, ours.openConnections(), "one kept-alive connection carried every request");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerImpl.class)
    void pipelinedRequestsAreAnsweredInOrder(ServerImpl impl) throws IOException {
        try (HttpServerHandle server = impl.start(new InetSocketAddress("127.0.0.1", 0), LIMITS);
                RawClient client = new RawClient(server.address())) {
            client.send("GET /delay/30 HTTP/1.1\r\n\r\nGET /status/201 HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n");
            assertEquals(200, client.read().status());
            assertEquals(201, client.read().status());
            assertEquals(200, client.read().status());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerImpl.class)
    void eachServerRunsInItsOwnProcess(ServerImpl impl) throws IOException {
        try (DelayServerProcess server = DelayServerProcess.start(impl, java.util.List.of());
                RawClient client = new RawClient(server.address())) {
            assertEquals(200, client.get("/").status());
            assertTrue(server.pid() != ProcessHandle.current().pid());
        }
    }
}
