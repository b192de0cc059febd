package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.bench.GivenServer;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.ScenarioCatalog;
import dev.concbench.server.DelayServerProcess.Placement;
import dev.concbench.server.ServerImpl;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run starts the http-server scenario's server under test once per item, for each model, hands it
 * to the item's forks and stops it after; items of other benchmarks get none.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ItemServerTest {

    private static final String HTTP_SERVER = """
            claim: "reference: our loop against Netty"
            title: HTTP server
            benchmark: HttpServerBenchmark.serve
            models: [eventloop, netty]
            metrics:
              throughput: {unit: req/s, better: higher}
            profiles:
              smoke: {params: {rate: [0, 5000]}}
              quick: {params: {rate: [0, 5000]}}
              full: {params: {rate: [0, 5000]}}
            """;

    private static final String SPAWN = """
            claim: "table: context switch"
            title: Spawn
            benchmark: SpawnBenchmark.spawn
            models: [eventloop]
            metrics:
              spawn: {unit: us/op, better: lower, source: primary}
            profiles: {smoke: {}, quick: {}, full: {}}
            """;

    private static List<PlanItem> items(String file, String yaml) throws Exception {
        return new Planner(BenchmarkCatalog.of()).plan(new ScenarioCatalog(List.of(JmhRunTest.scenario(file, yaml))),
                Profile.SMOKE, List.of(), List.of()).items();
    }

    @Test
    void eachModelsItemGetsItsOwnServerForEveryRateAndItStopsAfterTheItem() throws Exception {
        List<PlanItem> items = items("scenarios/http-server.yaml", HTTP_SERVER);
        assertEquals(List.of("http-server/eventloop rate=0,5000", "http-server/netty rate=0,5000"),
                items.stream().map(PlanItem::label).toList());
        List<String> notes = new ArrayList<>();
        for (PlanItem item : items) {
            ServerImpl expected = BenchmarkCatalog.itemServer("HttpServerBenchmark", item.model().name()).orElseThrow();
            GivenServer given;
            try (ItemServer server = ItemServer.startFor(item, Placement.LOOPBACK, notes::add)) {
                given = server.given().orElseThrow();
                assertEquals(expected, given.impl(), item.label());
                assertEquals(List.of(given.forkArg()), server.forkArgs());
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + given.address().getPort() + "/")
                        .toURL().openConnection();
                assertEquals(200, c.getResponseCode(), item.label() + ": the server answers before the forks start");
                c.disconnect();
            }
            assertFalse(ProcessHandle.of(given.pid()).map(ProcessHandle::isAlive).orElse(false),
                    item.label() + ": the server's process ended with the item");
        }
        assertEquals(List.of(), notes);
    }

    @Test
    void itemsOfOtherBenchmarksGetNone() throws Exception {
        PlanItem item = items("scenarios/spawn.yaml", SPAWN).get(0);
        try (ItemServer server = ItemServer.startFor(item, Placement.LOOPBACK, note -> { })) {
            assertTrue(server.given().isEmpty());
            assertEquals(List.of(), server.forkArgs());
        }
    }
}
