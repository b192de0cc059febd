package dev.concbench.workload.http;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The event loop's HTTP client, aiohttp's {@code TCPConnector(limit=N)}: at most {@code limit}
 * connections to one server open at once, reused with keep-alive; a request beyond the limit waits
 * (without blocking the loop) for a connection to come back. Each request has a timeout covering the
 * wait for a connection and the exchange; on timeout its connection is closed and its slot freed.
 *
 * <p>Loop thread only: construct it anywhere, then call {@link #get} and {@link #close()} on the loop.
 */
public final class LoopConnectionPool {

    private final EventLoop loop;
    private final InetSocketAddress target;
    private final int limit;
    private final Duration timeout;
    private final ArrayDeque<LoopHttpConnection> idle = new ArrayDeque<>();
    private final ArrayDeque<LoopFuture<LoopHttpConnection>> waiters = new ArrayDeque<>();
    /** Connections open or being opened: never more than {@link #limit}. */
    private int open;
    private boolean closed;

    /**
     * @param limit the most connections open at once, {@code >= 1}
     * @param timeout the longest a request may take, from {@link #get} to the last response byte
     */
    public LoopConnectionPool(EventLoop loop, InetSocketAddress target, int limit, Duration timeout) {
        if (limit < 1) {
            throw new IllegalArgumentException("connection limit must be >= 1, was " + limit);
        }
        this.loop = loop;
        this.target = target;
        this.limit = limit;
        this.timeout = timeout;
    }

    /** The most connections open at once. */
    public int limit() {
        return limit;
    }

    /** Connections open or being opened now. Loop thread. */
    public int openConnections() {
        loop.checkInLoop("LoopConnectionPool.openConnections");
        return open;
    }

    /**
     * Sends {@code GET path}.
     *
     * @return the response; fails with {@link dev.concbench.loop.AsyncTimeoutException} after the
     *     timeout, or with the {@link IOException} of a failed connection or a malformed response
     */
    public LoopFuture<HttpResponse> get(String path) {
        loop.checkInLoop("LoopConnectionPool.get");
        Exchange exchange = new Exchange(HttpRequests.get(target, path));
        exchange.begin(true);
        return loop.waitFor(exchange.response, timeout);
    }

    /** Closes idle connections and refuses new requests; requests in flight finish or time out. Loop thread. */
    public void close() {
        loop.checkInLoop("LoopConnectionPool.close");
        closed = true;
        for (LoopHttpConnection c = idle.poll(); c != null; c = idle.poll()) {
            c.close();
            open--;
        }
        for (LoopFuture<LoopHttpConnection> w = waiters.poll(); w != null; w = waiters.poll()) {
            w.fail(new IOException("connection pool to " + target + " closed"));
        }
    }

    /** One request: waits for a connection, exchanges, gives the connection back. */
    private final class Exchange {
        final byte[] request;
        final LoopFuture<HttpResponse> response = loop.newFuture();
        LoopFuture<LoopHttpConnection> acquiring;
        LoopHttpConnection connection;

        Exchange(byte[] request) {
            this.request = request;
            // a timeout cancels the response: free whatever this request holds
            response.onDone(r -> {
                if (r.isCancelled()) {
                    abandon();
                }
            });
        }

        void begin(boolean mayRetry) {
            use(acquire(), mayRetry);
        }

        /** Exchanges on the connection {@code connecting} yields, once it does. */
        private void use(LoopFuture<LoopHttpConnection> connecting, boolean mayRetry) {
            acquiring = connecting;
            connecting.onDone(a -> {
                if (a.isCancelled()) {
                    return;
                }
                if (response.isDone()) {
                    // timed out between the hand-over and this callback: give the connection back
                    if (a.isSucceeded()) {
                        release(a.result(), true);
                    }
                    return;
                }
                Throwable error = a.exception();
                if (error != null) {
                    response.fail(error);
                    return;
                }
                connection = a.result();
                connection.exchange(request).onDone(x -> finish(x, mayRetry));
            });
        }

        private void finish(LoopFuture<HttpResponse> exchanged, boolean mayRetry) {
            if (response.isDone()) {
                return;
            }
            LoopHttpConnection used = connection;
            connection = null;
            Throwable error = exchanged.exception();
            if (error == null) {
                HttpResponse r = exchanged.result();
                release(used, r.keepAlive());
                response.complete(r);
            } else if (error instanceof StaleConnectionException && mayRetry) {
                // the server closed it while idle; other idle ones may be stale too, so retry on a
                // new connection, in the slot this one held
                used.close();
                use(connect(), false);
            } else {
                release(used, false);
                response.fail(error);
            }
        }

        private void abandon() {
            if (connection != null) {
                release(connection, false);
                connection = null;
            } else if (acquiring != null) {
                acquiring.cancel();
                acquiring = null;
            }
        }
    }

    private LoopFuture<LoopHttpConnection> acquire() {
        if (closed) {
            return loop.failed(new IOException("connection pool to " + target + " is closed"));
        }
        LoopHttpConnection c = idle.poll();
        if (c != null) {
            return loop.completed(c);
        }
        if (open < limit) {
            open++;
            return connect();
        }
        LoopFuture<LoopHttpConnection> waiter = loop.newFuture();
        waiters.add(waiter);
        return waiter;
    }

    /** Opens one connection for a slot already counted in {@link #open}. */
    private LoopFuture<LoopHttpConnection> connect() {
        LoopFuture<LoopHttpConnection> result = loop.newFuture();
        loop.openConnection(target).onDone(c -> {
            Throwable error = c.exception();
            if (error != null) {
                open--;
                slotFreed();
                result.fail(error);
                return;
            }
            LoopHttpConnection connection = new LoopHttpConnection(loop, c.result());
            if (!result.complete(connection)) {
                release(connection, true);
            }
        });
        return result;
    }

    /** Gives a connection back: to the next waiter, to the idle list, or closed when it cannot be reused. */
    private void release(LoopHttpConnection connection, boolean reusable) {
        if (!reusable || closed || !connection.isOpen()) {
            connection.close();
            open--;
            slotFreed();
            return;
        }
        for (LoopFuture<LoopHttpConnection> w = waiters.poll(); w != null; w = waiters.poll()) {
            if (w.complete(connection)) {
                return;
            }
        }
        idle.push(connection);
    }

    /** A connection closed: the next live waiter may open a new one. */
    private void slotFreed() {
        LoopFuture<LoopHttpConnection> waiter = waiters.poll();
        while (waiter != null && waiter.isDone()) {
            waiter = waiters.poll();
        }
        if (waiter == null) {
            return;
        }
        LoopFuture<LoopHttpConnection> next = waiter;
        open++;
        connect().onDone(c -> {
            Throwable error = c.exception();
            if (error != null) {
                next.fail(error);
            } else if (!next.complete(c.result())) {
                release(c.result(), true);
            }
        });
    }
}
