package dev.concbench.server;

import java.net.InetSocketAddress;

/**
 * A running HTTP server with the delay server's routes, whichever loop serves them
 * ({@link ServerImpl}). Any thread.
 */
public interface HttpServerHandle extends AutoCloseable {

    /** Where the server listens (the real port when port 0 was asked for). */
    InetSocketAddress address();

    /** Blocks the calling thread until {@link #close()} has finished (called from another thread). */
    void awaitClosed() throws InterruptedException;

    /**
     * One line saying why the server's loop thread died, if it did (then {@link #awaitClosed()} has
     * returned and nothing more is served); empty while it serves, after a {@link #close()}, and for a
     * server whose loop death is not watched.
     */
    default java.util.Optional<String> failureLine() {
        return java.util.Optional.empty();
    }

    /** Stops listening, closes every connection, ends the loop thread. Idempotent. */
    @Override
    void close();
}
