package dev.concbench.workload.examples;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Starts the local HTTP server the {@code scraper} example fetches from (the delay server, standing
 * in for httpbin.org). The caller supplies it through {@link ExampleSettings#withHttpServer}, so the
 * examples depend on no server implementation; the CLI passes the delay server.
 */
@FunctionalInterface
public interface HttpServerStarter {

    /** Starts a server on the loopback interface; called from the example's loop thread. */
    Running start() throws IOException;

    /**
     * A started server.
     *
     * @param address where it listens
     * @param stop    stops it (any thread)
     */
    record Running(InetSocketAddress address, Runnable stop) {
    }
}
