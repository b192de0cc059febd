package dev.concbench.workload.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.loop.Coroutine;
import dev.concbench.loop.EventLoop;
import dev.concbench.server.DelayServer;
import dev.concbench.server.ServerLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seed's scraper against a real delay server: the seed's summary, timeouts and the connection limit. */
class ScraperTest {

    private static final Duration UNIT = Duration.ofMillis(100);

    private DelayServer server;
    private EventLoop loop;
    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = DelayServer.start(new InetSocketAddress("127.0.0.1", 0), ServerLimits.DEFAULT);
        loop = EventLoop.start();
    }

    @AfterEach
    void stop() {
        loop.close();
        server.close();
    }

    private List<Scraper.Page> scrape(List<String> paths) {
        Scraper scraper = new Scraper(loop, server.address(), UNIT, printed::add);
        return Coroutine.run(loop, "scraper", () -> scraper.processPages(paths)).join();
    }

    @Test
    @Timeout(10)
    void theSeedsUrlsAllSucceedAndA404IsNotAFailure() {
        List<Scraper.Page> pages = scrape(Scraper.SEED_PATHS);

        assertEquals(List.of(200, 200, 200, 404), pages.stream().map(Scraper.Page::status).toList());
        assertTrue(pages.get(0).url().endsWith("/delay/100"), pages.get(0).url());
        assertTrue(pages.get(1).url().endsWith("/delay/200"), pages.get(1).url());
        assertEquals(List.of("Fetching 4 pages...", "✅ Success: 4", "❌ Failed: 0"), printed);
    }

    @Test
    @Timeout(10)
    void aPageSlowerThanTheRequestTimeoutFailsWithTimeoutAndTheOthersStillSucceed() {
        List<Scraper.Page> pages = scrape(List.of("/delay/1", "/delay/" + (Scraper.REQUEST_TIMEOUT_SECONDS + 3), "/status/500"));

        assertEquals("Timeout", pages.get(1).error());
        assertEquals(200, pages.get(0).status());
        assertEquals(500, pages.get(2).status());
        assertEquals("✅ Success: 2", printed.get(1));
        assertEquals("❌ Failed: 1", printed.get(2));
        assertTrue(printed.get(3).matches(" - http://127\\.0\\.0\\.1:\\d+/delay/800: Timeout"), printed.get(3));
    }

    @Test
    @Timeout(10)
    void neverMoreThanTheConnectionLimitIsOpen() {
        List<String> paths = Collections.nCopies(3 * Scraper.CONNECTION_LIMIT, "/delay/1");
        List<Scraper.Page> pages = scrape(paths);

        assertEquals(3 * Scraper.CONNECTION_LIMIT, pages.stream().filter(p -> p.status() == 200).count());
        assertEquals(Scraper.CONNECTION_LIMIT, server.peakConnections(), "the server saw this many connections at once");
    }

    @Test
    @Timeout(10)
    void theScraperExampleRunsLikeTheSeedsProgram() {
        ExampleResult result = ExampleRunner.run(ScraperExample.EXAMPLE, ExampleSettings.quiet(ExampleSettings.DEFAULT_UNIT)
                .withHttpServer(TestDelayServer.STARTER));

        assertEquals(List.of("Fetching 4 pages...", "✅ Success: 4", "❌ Failed: 0"), result.output().subList(0, 3));
        assertTrue(result.output().get(3).startsWith("elapsed: "), result.output().get(3));
        assertEquals(4, result.fact(ScraperExample.SUCCEEDED).orElseThrow());
        assertEquals(0, result.fact(ScraperExample.FAILED).orElseThrow());
        // the slowest page is /delay/2: fetched concurrently the pages take about 2 units, never
        // less, and less than the 3 units (1 + 2) of fetching them one after the other
        assertTrue(result.elapsedUnits() >= 2.0 && result.elapsedUnits() < 3.0, "elapsed " + result.elapsedUnits() + " units");
    }
}
