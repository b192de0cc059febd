package dev.concbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.workload.http.HttpResponse;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The delay server over real loopback sockets, including clients that misbehave. */
class DelayServerTest {

    /** Short timeouts so the stalled-client test ends quickly; everything else as in production. */
    private static final ServerLimits LIMITS = new ServerLimits(8 * 1024, Duration.ofMillis(500),
            Duration.ofSeconds(30), Duration.ofSeconds(5), 1024 * 1024);

    private DelayServer server;

    @BeforeEach
    void start() throws BindException {
        server = DelayServer.start(new InetSocketAddress("127.0.0.1", 0), LIMITS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONSENSE\r\n\r\n", "\r\n\r\n", "GET / HTTP/1.1\r\n: no name\r\n\r\n",
            "GET / HTTP/2\r\n\r\n", "GET nowhere HTTP/1.1\r\n\r\n"})
    @Timeout(10)
    void aMalformedRequestGets400AndItsConnectionCloses(String malformed) throws IOException {
        try (RawClient client = new RawClient(server.address())) {
            client.send(malformed);
            HttpResponse response = client.read();
            assertEquals(400, response.status());
            assertTrue(!response.keepAlive(), "400 must announce Connection: close");
            assertTrue(client.closedByServer(), "connection still open after a malformed request");
        }
        assertServerStillServes();
    }

    @Test
    @Timeout(10)
    void anOversizedRequestGets400AndItsConnectionCloses() throws IOException {
        try (RawClient client = new RawClient(server.address())) {
            client.send("GET / HTTP/1.1\r\nX-Big: " + "x".repeat(LIMITS.maxHeadBytes()) + "\r\n\r\n");
            assertEquals(400, client.read().status());
            assertTrue(client.closedByServer(), "connection still open after an oversized request");
        }
        assertServerStillServes();
    }

    @Test
    @Timeout(10)
    void aRequestWithABodyIsRefused() throws IOException {
        try (RawClient client = new RawClient(server.address())) {
            client.send("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
            assertEquals(400, client.read().status());
        }
    }

    @Test
    @Timeout(10)
    void aResetClientAffectsOnlyItsOwnConnection() throws IOException {
        try (RawClient survivor = new RawClient(server.address())) {
            assertEquals(200, survivor.get("/").status());
            RawClient victim = new RawClient(server.address());
            victim.sendGet("/delay/100");
            victim.reset();
            RawClient halfway = new RawClient(server.address());
            halfway.send("GET /delay/1");
            halfway.reset();

            assertEquals(200, survivor.get("/delay/150").status());
            assertEquals(200, survivor.get("/").status());
        }
        assertServerStillServes();
    }

    @Test
    @Timeout(10)
    void aStalledClientIsClosedAndOthersAreServedMeanwhile() throws IOException {
        try (RawClient stalled = new RawClient(server.address()); RawClient other = new RawClient(server.address())) {
            stalled.send("GET /delay/1 HTTP/1.1\r\nHost: te");
            assertEquals(200, other.get("/delay/20").status());
            assertEquals(200, other.get("/").status());
            assertTrue(stalled.closedByServer(), "a request stalled past the head timeout must be closed");
            assertEquals(200, other.get("/").status());
        }
    }

    @Test
    @Timeout(10)
    void aClientThatStopsReadingResponsesIsClosedAfterTheIdleTimeout() throws IOException, InterruptedException {
        ServerLimits shortIdle = new ServerLimits(LIMITS.maxHeadBytes(), LIMITS.headTimeout(), Duration.ofMillis(300),
                LIMITS.maxDelay(), LIMITS.maxBytes());
        try (DelayServer strict = DelayServer.start(new InetSocketAddress("127.0.0.1", 0), shortIdle);
                RawClient stalled = new RawClient(strict.address())) {
            // far more than the socket buffers hold: the server's writes can only finish if we read
            stalled.send(("GET /bytes/" + LIMITS.maxBytes() + " HTTP/1.1\r\n\r\n").repeat(32));
            // polling the server's counts; the test's timeout bounds the wait
            while (strict.peakConnections() < 1 || strict.openConnections() > 0) {
                Thread.sleep(20);
            }
            try (RawClient fresh = new RawClient(strict.address())) {
                assertEquals(200, fresh.get("/").status());
            }
        }
    }

    @Test
    @Timeout(20)
    void twoThousandConcurrentConnectionsAreAllServed() throws IOException {
        int n = 2_000;
        List<RawClient> clients = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                clients.add(new RawClient(server.address()));
            }
            for (RawClient c : clients) {
                c.sendGet("/delay/200");
            }
            int ok = 0;
            for (RawClient c : clients) {
                ok += c.read().status() == 200 ? 1 : 0;
            }
            assertEquals(n, ok);
            assertEquals(n, server.openConnections(), "every connection should still be open (keep-alive)");
        } finally {
            for (RawClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    @Timeout(10)
    void aPortInUseIsABindException() {
        BindException e = assertThrows(BindException.class,
                () -> DelayServer.start(server.address(), ServerLimits.DEFAULT).close());
        assertTrue(e.getMessage().contains(Integer.toString(server.address().getPort())), e.getMessage());
    }

    private void assertServerStillServes() throws IOException {
        try (RawClient fresh = new RawClient(server.address())) {
            assertEquals(200, fresh.get("/").status());
        }
    }
}
