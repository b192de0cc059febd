package dev.concbench.server;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.TcpConnection;
import dev.concbench.loop.TimerHandle;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One client connection of the {@link DelayServer}: read a request head, answer (after the delay
 * the route asks for), repeat while the client keeps the connection alive. Requests on one
 * connection are answered one at a time, in order (pipelined bytes wait in the buffer).
 *
 * <p>Everything that can go wrong stays here: a bad or oversized head gets 400 and a close, a read
 * or write error (a reset) closes only this connection, and a client that stalls mid-request past
 * {@link ServerLimits#headTimeout()}, sits idle past {@link ServerLimits#idleTimeout()} or stops
 * reading a response for as long is closed.
 * Loop thread only.
 */
final class ServerConnection {

    private final EventLoop loop;
    private final TcpConnection tcp;
    private final Routes routes;
    private final ServerLimits limits;
    private final Runnable onClose;
    private final RequestParser parser;
    /** The server-wide cap on unsent response bytes. */
    private final OutputBudget output;
    private final ByteBuffer buffer = ByteBuffer.allocate(4 * 1024).flip();
    private TimerHandle deadline;
    private boolean headStarted;
    private boolean closed;

    ServerConnection(EventLoop loop, TcpConnection tcp, Routes routes, ServerLimits limits, OutputBudget output,
            Runnable onClose) {
        this.output = output;
        this.loop = loop;
        this.tcp = tcp;
        this.routes = routes;
        this.limits = limits;
        this.onClose = onClose;
        this.parser = new RequestParser(limits.maxHeadBytes());
    }

    /** Starts serving: waits for the first request. */
    void start() {
        awaitRequest();
    }

    /** Parses what is buffered; reads more when that is not a whole request yet. */
    private void awaitRequest() {
        output.release(this);
        if (closed) {
            return;
        }
        Request request;
        try {
            request = parser.feed(buffer);
        } catch (BadRequestException e) {
            respond(Response.text(400, e.getMessage()), false);
            return;
        }
        if (request != null) {
            cancelDeadline();
            headStarted = false;
            Response response = routes.answer(request);
            if (response.delay().isZero()) {
                respond(response, request.keepAlive());
            } else {
                loop.callLater(response.delay(), () -> respond(response, request.keepAlive()));
            }
            return;
        }
        armDeadline();
        buffer.compact();
        tcp.read(buffer).onDone(read -> {
            buffer.flip();
            if (read.exception() != null || read.result() < 0) {
                close();
            } else {
                awaitRequest();
            }
        });
    }

    /** Idle between requests, or a head in progress: whichever applies gets its own deadline. */
    private void armDeadline() {
        boolean inHead = parser.inProgress();
        if (deadline != null && inHead == headStarted) {
            return;
        }
        cancelDeadline();
        headStarted = inHead;
        Duration limit = inHead ? limits.headTimeout() : limits.idleTimeout();
        deadline = loop.callLater(limit, this::close);
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }

    private void respond(Response response, boolean keepAlive) {
        if (closed) {
            return;
        }
        output.hold(this, response.body().length, this::close);
        // a client that stops reading leaves the write pending forever: it is idle, so it gets the idle deadline
        cancelDeadline();
        deadline = loop.callLater(limits.idleTimeout(), this::close);
        tcp.write(response.encode(keepAlive)).onDone(written -> {
            cancelDeadline();
            if (written.exception() != null) {
                close();
            } else if (!keepAlive) {
                closeAfterClientReads();
            } else {
                awaitRequest();
            }
        });
    }

    /**
     * Sends FIN, then discards what the client still sends until it closes too (or the head timeout
     * passes): closing with unread bytes would make the kernel send a reset, and the client could
     * lose the 400 it has not read yet.
     */
    private void closeAfterClientReads() {
        output.release(this);
        tcp.shutdownOutput().onDone(shut -> {
            if (shut.exception() != null) {
                close();
                return;
            }
            cancelDeadline();
            deadline = loop.callLater(limits.headTimeout(), this::close);
            discardUntilEof();
        });
    }

    private void discardUntilEof() {
        buffer.clear();
        tcp.read(buffer).onDone(read -> {
            if (read.exception() != null || read.result() < 0) {
                close();
            } else {
                discardUntilEof();
            }
        });
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        output.release(this);
        cancelDeadline();
        tcp.close();
        onClose.run();
    }
}
