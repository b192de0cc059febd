package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import dev.concbench.server.DelayServerProcess;
import dev.concbench.server.HttpServerHandle;
import dev.concbench.server.ServerImpl;
import dev.concbench.server.ServerLimits;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The http-server scenario's load generator against both servers: every request sent is answered and measured. */
@Timeout(60)
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

    @ParameterizedTest
    @ValueSource(strings = {"eventloop", "netty"})
    void trialsGivenTheRunsServerMeasureItAndLeaveItRunningForTheNext(String model) throws Exception {
        try (DelayServerProcess server = DelayServerProcess.start(HttpServerBenchmark.serverFor(model), List.of())) {
            Optional<GivenServer> given = Optional.of(new GivenServer(HttpServerBenchmark.serverFor(model), server.address(),
                    server.pid()));
            for (int rate : new int[] {0, 200}) {
                HttpServerBenchmark b = new HttpServerBenchmark();
                b.model = model;
                b.connections = 4;
                b.rate = rate;
                b.durationMs = 100;
                b.warmUpMaxS = 1;
                IterationMetrics.drain();
                b.start(given);
                try {
                    assertTrue(b.serve() > 0, "rate " + rate + ": the given server serves the trial");
                    Map<String, Double> published = IterationMetrics.drain().stream()
                            .collect(Collectors.toMap(IterationMetrics.Value::label, IterationMetrics.Value::value));
                    assertTrue(published.get("cpuPerRequest") >= 0, "its CPU is read from the given pid: " + published);
                } finally {
                    b.stop();
                }
                assertTrue(server.isAlive(), "rate " + rate + ": the trial leaves the run's server running");
            }
        }
    }

    @Test
    void aServerOfTheOtherModelIsRefused() throws Exception {
        HttpServerBenchmark b = new HttpServerBenchmark();
        b.model = "netty";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.start(Optional.of(
                new GivenServer(ServerImpl.LOOP, new InetSocketAddress("127.0.0.1", 1), 1))));
        assertTrue(e.getMessage().contains("model netty serves with netty, but the run gave this fork a loop server"),
                e.getMessage());
    }

    @Test
    void theScenarioServesWithOurLoopOrNetty() {
        assertEquals(ServerImpl.LOOP, HttpServerBenchmark.serverFor("eventloop"));
        assertEquals(ServerImpl.NETTY, HttpServerBenchmark.serverFor("netty"));
        assertThrows(IllegalArgumentException.class, () -> HttpServerBenchmark.serverFor("virtual"));
    }
}
