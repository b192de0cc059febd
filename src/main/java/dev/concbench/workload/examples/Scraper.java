package dev.concbench.workload.examples;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.AsyncTimeoutException;
import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.workload.http.HttpResponse;
import dev.concbench.workload.http.LoopConnectionPool;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The seed's "Real-World Example: Web Scraper" on our loop, against the delay server instead of
 * httpbin.org: {@code fetch_all_pages} through one connection pool of {@value #CONNECTION_LIMIT}
 * connections ({@code TCPConnector(limit=10)}), {@code fetch_page} with a per-request timeout of
 * {@value #REQUEST_TIMEOUT_SECONDS} seed seconds, a total timeout of {@value #TOTAL_TIMEOUT_SECONDS},
 * and {@code process_pages}' summary. As in aiohttp, a 404 is a successful fetch (only an exception
 * is a failure).
 *
 * <p>Time is scaled like every seed example: one seed second is {@code unit}, so
 * {@code /delay/1} becomes {@code /delay/<unit in ms>}. Inside a coroutine on the loop only.
 */
public final class Scraper {

    /** The seed's connector limit. */
    public static final int CONNECTION_LIMIT = 10;
    /** The seed's {@code session.get(url, timeout=5)}, in seed seconds. */
    public static final int REQUEST_TIMEOUT_SECONDS = 5;
    /** The seed's {@code ClientTimeout(total=30)}, in seed seconds. */
    public static final int TOTAL_TIMEOUT_SECONDS = 30;
    /** The seed's URL list, as paths; {@code /delay/N} is in seed seconds. */
    public static final List<String> SEED_PATHS = List.of("/delay/1", "/delay/2", "/status/200", "/status/404");

    /**
     * One fetched page: a status, or an error (the seed's {@code {"url": url, "error": ...}}).
     *
     * @param url the URL fetched
     * @param status the HTTP status, or -1 when the fetch failed
     * @param bytes the body length in bytes (0 when failed)
     * @param error {@code null} on success, else {@code "Timeout"} or the failure's message
     */
    public record Page(String url, int status, int bytes, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final EventLoop loop;
    private final InetSocketAddress server;
    private final Duration unit;
    private final Consumer<String> print;

    /**
     * @param server the delay server
     * @param unit the length of one seed second
     * @param print the seed's {@code print}, called on the loop thread
     */
    public Scraper(EventLoop loop, InetSocketAddress server, Duration unit, Consumer<String> print) {
        this.loop = loop;
        this.server = server;
        this.unit = unit;
        this.print = print;
    }

    /** The seed's path with its delay scaled from seed seconds to milliseconds of {@code unit}. */
    public String scaled(String path) {
        if (path.startsWith("/delay/")) {
            double seconds = Double.parseDouble(path.substring("/delay/".length()));
            return "/delay/" + Math.round(seconds * unit.toMillis());
        }
        return path;
    }

    /**
     * The seed's {@code process_pages(urls)}: fetch every path concurrently (one task per page, as
     * {@code asyncio.gather(*[fetch_page(session, url) for url in urls])}), print the summary.
     * Straight-line code with {@code await}: call it inside a coroutine.
     */
    public List<Page> processPages(List<String> seedPaths) {
        List<String> paths = seedPaths.stream().map(this::scaled).toList();
        print.accept("Fetching " + paths.size() + " pages...");
        // async with aiohttp.ClientSession(connector=TCPConnector(limit=10), timeout=ClientTimeout(total=30)) as session:
        LoopConnectionPool session = new LoopConnectionPool(loop, server, CONNECTION_LIMIT, units(REQUEST_TIMEOUT_SECONDS));
        try {
            List<LoopFuture<Page>> fetches = new ArrayList<>();
            for (String path : paths) {
                fetches.add(loop.spawnCoroutine("fetch " + path, () -> fetchPage(session, path)));
            }
            List<Page> pages = await(loop.waitFor(loop.gather(fetches), units(TOTAL_TIMEOUT_SECONDS)));
            printSummary(pages);
            return pages;
        } finally {
            session.close();
        }
    }

    /**
     * The seed's {@code fetch_page}: the page, or an error record on a timeout ({@code "Timeout"})
     * or any other failure (its message). A cancellation is not a failure of the page: it ends the
     * task, as Python's {@code except Exception} does not catch {@code CancelledError}.
     */
    private Page fetchPage(LoopConnectionPool session, String path) {
        String url = "http://" + server.getHostString() + ":" + server.getPort() + path;
        try {
            HttpResponse response = await(session.get(path));
            return new Page(url, response.status(), response.body().length, null);
        } catch (AsyncTimeoutException e) {
            return new Page(url, -1, 0, "Timeout");
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return new Page(url, -1, 0, cause instanceof AsyncTimeoutException ? "Timeout" : String.valueOf(cause.getMessage()));
        }
    }

    private void printSummary(List<Page> pages) {
        List<Page> failed = pages.stream().filter(Page::failed).toList();
        print.accept("✅ Success: " + (pages.size() - failed.size()));
        print.accept("❌ Failed: " + failed.size());
        for (Page failure : failed) {
            print.accept(" - " + failure.url() + ": " + failure.error());
        }
    }

    private Duration units(int seconds) {
        return unit.multipliedBy(seconds);
    }
}
