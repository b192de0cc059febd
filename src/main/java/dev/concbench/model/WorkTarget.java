package dev.concbench.model;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * The delay server a model's HTTP workloads talk to, and how.
 *
 * @param server the server's address, or {@code null} for a model that runs no HTTP workload
 * @param connectionLimit the most connections the model keeps open at once (the seed's
 *     {@code TCPConnector(limit=10)}), {@code >= 1}; per worker process for {@code process-pool}
 * @param requestTimeout the longest wait for a connect or a response
 */
public record WorkTarget(InetSocketAddress server, int connectionLimit, Duration requestTimeout) {

    /** The seed's connector limit. */
    public static final int DEFAULT_CONNECTION_LIMIT = 10;
    /** The seed's {@code ClientTimeout(total=30)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public WorkTarget {
        if (connectionLimit < 1) {
            throw new IllegalArgumentException("connectionLimit must be >= 1, was " + connectionLimit);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** A target at {@code server} with the seed's limit and timeout. */
    public static WorkTarget of(InetSocketAddress server) {
        return new WorkTarget(Objects.requireNonNull(server, "server"), DEFAULT_CONNECTION_LIMIT, DEFAULT_TIMEOUT);
    }

    /** No server: timer, CPU and blocking-sleep workloads only. */
    public static WorkTarget none() {
        return new WorkTarget(null, DEFAULT_CONNECTION_LIMIT, DEFAULT_TIMEOUT);
    }

    /** Whether a server was given. */
    public boolean hasServer() {
        return server != null;
    }
}
