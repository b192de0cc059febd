package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import dev.concbench.server.HttpServerHandle;
import dev.concbench.server.ServerImpl;
import dev.concbench.server.ServerLimits;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The http-server scenario's load generator against both servers: every request sent is answered and measured. */
@Timeout(30)
class HttpLoadTest {

    private static final long RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    @ParameterizedTest
    @EnumSource(ServerImpl.class)
    void closedAndOpenLoopGetEveryRequestAnswered(ServerImpl impl) throws Exception {
        LatencyRecorder log = new LatencyRecorder(new LogIdentity("http-server", "test", Map.of("rate", "0"), "rate"));
        try (HttpServerHandle server = impl.start(new InetSocketAddress("127.0.0.1", 0), ServerLimits.DEFAULT);
                HttpLoad load = new HttpLoad(server.address(), 4, log)) {
            HttpLoad.Tally closed = load.closedLoop(4, RUN_NANOS);
            assertTrue(closed.sent() > 0);
            assertEquals(closed.sent(), closed.completed(), "closed loop: every request answered with 200");
            assertEquals(closed.completed(), log.endInterval().getTotalCount(), "one latency per answer");

            HttpLoad.Tally open = load.openLoop(500, RUN_NANOS, TimeUnit.MILLISECONDS.toNanos(50));
            assertEquals(100, open.sent(), 2);
            assertEquals(open.sent(), open.completed(), "open loop: every request answered with 200");
            assertEquals(open.completed(), log.endInterval().getTotalCount());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "netty"})
    void eachFreshServerGetsTheSameWarmUpRuleBeforeTheFirstIteration(String model) throws Exception {
        HttpServerBenchmark b = new HttpServerBenchmark();
        b.model = model;
        b.connections = 4;
        b.rate = 0;
        b.durationMs = 100;
        b.warmUpMaxS = 2;  // below the rule's patience: the cap ends it, and the rows say so
        IterationMetrics.drain();
        b.start();
        try {
            b.publish();
            Map<String, Double> published = IterationMetrics.drain().stream()
                    .collect(Collectors.toMap(IterationMetrics.Value::label, IterationMetrics.Value::value));
            assertEquals(2.0, published.get("warmUp"), "two 1 s slices of untimed load: " + published);
            assertEquals(0.0, published.get("warmUpSteady"), "the cap, not a steady cost, ended it");
            assertTrue(b.serve() > 0, "the warmed server still serves");
        } finally {
            b.stop();
        }
    }

    @Test
    void theScenarioServesWithOurLoopOrNetty() {
        assertEquals(ServerImpl.LOOP, HttpServerBenchmark.serverFor("eventloop"));
        assertEquals(ServerImpl.NETTY, HttpServerBenchmark.serverFor("netty"));
        assertThrows(IllegalArgumentException.class, () -> HttpServerBenchmark.serverFor("virtual"));
    }
}
