package dev.concbench.workload.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * The blocking HTTP client thread models use: at most {@code limit} connections to one server open
 * or in use at once (the seed's {@code TCPConnector(limit=10)}), reused with keep-alive. A caller
 * beyond the limit blocks until a connection is free.
 *
 * <p>Thread-safe: any number of threads (platform or virtual) may call {@link #get}. Uses plain
 * blocking {@link java.net.Socket}s and starts no thread of its own.
 */
public final class BlockingConnectionPool implements AutoCloseable {

    private final InetSocketAddress target;
    private final Duration timeout;
    private final int limit;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<BlockingConnection> idle = new ConcurrentLinkedDeque<>();
    private final Set<BlockingConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param target the server
     * @param limit the most connections open at once, {@code >= 1}
     * @param timeout the connect timeout and the longest wait for any single read
     */
    public BlockingConnectionPool(InetSocketAddress target, int limit, Duration timeout) {
        if (limit < 1) {
            throw new IllegalArgumentException("connection limit must be >= 1, was " + limit);
        }
        this.target = target;
        this.limit = limit;
        this.timeout = timeout;
        this.permits = new Semaphore(limit, true);
    }

    /** The server this pool talks to. */
    public InetSocketAddress target() {
        return target;
    }

    /** The most connections open at once. */
    public int limit() {
        return limit;
    }

    /**
     * Sends {@code GET path} and blocks until the whole response arrived.
     *
     * @throws IOException on a connection failure, a timeout or a malformed response
     * @throws InterruptedIOException when interrupted while waiting for a free connection
     */
    public HttpResponse get(String path) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for one of " + limit + " connections");
        }
        try {
            return exchange(HttpRequests.get(target, path));
        } finally {
            permits.release();
        }
    }

    private HttpResponse exchange(byte[] request) throws IOException {
        BlockingConnection connection = idle.pollFirst();
        if (connection == null) {
            connection = connect();
        }
        try {
            HttpResponse response;
            try {
                response = connection.exchange(request);
            } catch (StaleConnectionException stale) {
                discard(connection);
                connection = connect();
                response = connection.exchange(request);
            }
            if (response.keepAlive() && !closed) {
                idle.addFirst(connection);
            } else {
                discard(connection);
            }
            return response;
        } catch (IOException | RuntimeException e) {
            discard(connection);
            throw e;
        }
    }

    private BlockingConnection connect() throws IOException {
        if (closed) {
            throw new IOException("connection pool to " + target + " is closed");
        }
        BlockingConnection connection = BlockingConnection.open(target, timeout);
        open.add(connection);
        return connection;
    }

    private void discard(BlockingConnection connection) throws IOException {
        open.remove(connection);
        connection.close();
    }

    /** Closes every connection; requests in flight fail. Idempotent; any thread. */
    @Override
    public void close() {
        closed = true;
        idle.clear();
        for (BlockingConnection connection : open) {
            try {
                discard(connection);
            } catch (IOException e) {
                throw new UncheckedIOException("closing a connection to " + target, e);
            }
        }
    }
}
