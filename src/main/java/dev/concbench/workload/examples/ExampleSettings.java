package dev.concbench.workload.examples;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * How to run an example.
 *
 * @param unit    the length of one second of the seed (default 100 ms)
 * @param out     receives each printed line, on the loop thread (the CLI passes {@code System.out::println})
 * @param offload where {@code cpu-pitfall}'s fix sends its CPU work ({@code run_in_executor}); empty
 *                means a one-thread pool the runner creates and shuts down. This is the seam for the
 *                process pool.
 * @param httpServer starts the local HTTP server the {@code scraper} example fetches from; empty
 *                means that example fails with a message saying so (the CLI passes the delay server)
 */
public record ExampleSettings(Duration unit, Consumer<String> out, Optional<Executor> offload,
        Optional<HttpServerStarter> httpServer) {

    /** 1 s of the seed = 100 ms. */
    public static final Duration DEFAULT_UNIT = Duration.ofMillis(100);

    public ExampleSettings {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(offload, "offload");
        Objects.requireNonNull(httpServer, "httpServer");
        if (unit.isNegative() || unit.isZero()) {
            throw new IllegalArgumentException("unit must be positive, got " + unit);
        }
    }

    /** {@code unit}, printing nowhere (lines are still collected in the {@link ExampleResult}), own offload pool, no HTTP server. */
    public static ExampleSettings quiet(Duration unit) {
        return new ExampleSettings(unit, line -> { }, Optional.empty(), Optional.empty());
    }

    public ExampleSettings withOut(Consumer<String> sink) {
        return new ExampleSettings(unit, sink, offload, httpServer);
    }

    public ExampleSettings withOffload(Executor executor) {
        return new ExampleSettings(unit, out, Optional.of(executor), httpServer);
    }

    public ExampleSettings withHttpServer(HttpServerStarter starter) {
        return new ExampleSettings(unit, out, offload, Optional.of(starter));
    }
}
