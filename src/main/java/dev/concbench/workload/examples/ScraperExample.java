package dev.concbench.workload.examples;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * The seed's web scraper as a {@code run-bench.sh example scraper} program: starts the local HTTP
 * server of {@link ExampleSettings#httpServer()} (the CLI's is a delay server on 127.0.0.1 on its
 * own loop thread, standing in for httpbin.org), runs {@link Scraper} over the
 * seed's four URLs with the example's time scale, prints the seed's summary and stops the server.
 * Records the facts {@value #SUCCEEDED} and {@value #FAILED}.
 */
public final class ScraperExample {

    /** The example, for the catalog in {@link Examples}. */
    public static final SeedExample EXAMPLE = new SeedExample("scraper",
            "the seed's web scraper: 4 URLs against the local delay server, limit 10, per-request timeout 5 s",
            ScraperExample::run);

    /** Fact: pages fetched without an error (count). */
    public static final String SUCCEEDED = "succeeded";
    /** Fact: pages that failed (count). */
    public static final String FAILED = "failed";

    private ScraperExample() {
    }

    static void run(ExampleContext ctx) {
        HttpServerStarter.Running server;
        try {
            // a few milliseconds of blocking before the program starts: the server runs on its own loop
            server = ctx.httpServer().start();
        } catch (IOException e) {
            throw new CompletionException("cannot start the delay server for the scraper", e);
        }
        Scraper scraper = new Scraper(ctx.loop(), server.address(), ctx.unit(), ctx::print);
        try {
            List<Scraper.Page> pages = scraper.processPages(Scraper.SEED_PATHS);
            long failed = pages.stream().filter(Scraper.Page::failed).count();
            ctx.fact(SUCCEEDED, pages.size() - failed);
            ctx.fact(FAILED, failed);
        } finally {
            server.stop().run();
        }
    }
}
