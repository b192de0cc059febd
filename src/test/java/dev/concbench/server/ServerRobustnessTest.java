package dev.concbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Heads RFC 9112 lets a server refuse get 400 at once (a bare LF would otherwise wait out the head
 * timeout, set to a minute here so waiting would hit the test's timeout); a loop thread that dies
 * releases whoever waits on the server, with the reason; the output cap closes the worst offender.
 */
class ServerRobustnessTest {

    private static final ServerLimits LIMITS = new ServerLimits(8 * 1024, Duration.ofMinutes(1),
            Duration.ofMinutes(1), Duration.ofSeconds(5), 1024 * 1024);

    private static DelayServer serve() throws BindException {
        return DelayServer.start(new InetSocketAddress("127.0.0.1", 0), LIMITS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET / HTTP/1.1\nHost: x\n\n",                      // bare LF line ends
        "GET / HTTP/1.1\r\nHost: x\n\r\n",                  // one bare LF
        "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n", // a control byte in a value
        "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n",   // a bare CR in a value
        "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n  folded\r\n\r\n", // obsolete line folding
        "GET /\u007f HTTP/1.1\r\nHost: x\r\n\r\n",           // DEL in the request line
        "GET / HTTP/1.1\r\nHost : x\r\n\r\n",               // whitespace between name and colon
        "GET / HTTP/1.1\r\nHost: x\r\r",                     // a bare CR where the head should end
    })
    @Timeout(20)
    void aHeadTheServerMayRefuseGets400AtOnce(String head) throws IOException {
        try (DelayServer server = serve(); RawClient client = new RawClient(server.address());
                RawClient next = new RawClient(server.address())) {
            client.send(head);
            assertEquals(400, client.read().status());
            assertEquals(200, next.get("/").status(), "the server goes on serving");
        }
    }

    @Test
    @Timeout(20)
    void aDeadLoopThreadReleasesTheWaiterWithTheReason() throws Exception {
        DelayServer server = serve();
        assertTrue(server.failure().isEmpty());
        server.loop().execute(() -> {
            throw new OutOfMemoryError("simulated: Java heap space");
        });
        server.awaitClosed();
        assertTrue(server.failureLine().isPresent());
        assertTrue(server.failureLine().get().contains("OutOfMemoryError: simulated: Java heap space"),
                server.failureLine().get());
        assertFalse(server.failureLine().get().contains("\n"), "one line");
        server.close();
    }

    @Test
    void theOutputCapClosesTheConnectionsHoldingTheMostOldestFirst() {
        OutputBudget budget = new OutputBudget(10);
        List<String> closed = new ArrayList<>();
        budget.hold("a", 4, () -> { closed.add("a"); budget.release("a"); });
        budget.hold("b", 4, () -> { closed.add("b"); budget.release("b"); });
        budget.hold("c", 1, () -> { closed.add("c"); budget.release("c"); });
        assertEquals(9, budget.total());
        budget.hold("d", 3, () -> closed.add("d"));
        assertEquals(List.of("a"), closed, "a and b hold the most; a is older");
        assertEquals(8, budget.total());
        budget.release("d");
        budget.release("d");
        assertEquals(5, budget.total(), "release is idempotent");
        budget.hold("e", 10, () -> closed.add("e"));
        assertEquals(List.of("a", "b", "c"), closed);
        assertEquals(10, budget.total());
        assertEquals(3, budget.shed());
    }

    @Test
    void theCapFollowsTheHeapWithinItsBounds() {
        assertEquals(OutputBudget.MIN_CAP, OutputBudget.forHeap(16L << 20).cap());
        assertEquals(32L << 20, OutputBudget.forHeap(128L << 20).cap());
        assertEquals(OutputBudget.MAX_CAP, OutputBudget.forHeap(64L << 30).cap());
    }
}
