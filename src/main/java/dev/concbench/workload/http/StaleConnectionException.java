package dev.concbench.workload.http;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * A reused keep-alive connection turned out closed by the server before any byte of the response
 * arrived: the request never reached the server's handler, so it is safe to retry once on a new
 * connection (what every HTTP client does with idle connections).
 */
final class StaleConnectionException extends IOException {

    private StaleConnectionException(IOException cause) {
        super("reused connection was closed by the server", cause);
    }

    /**
     * {@code failure} as a stale-connection failure when it happened on a {@code reused} connection
     * before {@code parser} saw a byte (and was not a timeout); otherwise {@code failure} unchanged.
     */
    static IOException classify(IOException failure, boolean reused, ResponseParser parser) {
        if (reused && !parser.started() && !(failure instanceof SocketTimeoutException)) {
            return new StaleConnectionException(failure);
        }
        return failure;
    }
}
