package dev.concbench.server;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
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
    /**
     * When this connection is closed unless something happens first, in loop-clock nanoseconds;
     * {@link #NO_DEADLINE} when none applies (a request is being answered).
     */
    private long deadlineNanos = NO_DEADLINE;
    /** The one timer that enforces {@link #deadlineNanos}, due at {@link #timerNanos}; null when none. */
    private TimerHandle timer;
    private long timerNanos;
    private boolean headStarted;
    private boolean closed;

    private static final long NO_DEADLINE = Long.MAX_VALUE;

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
        if (deadlineNanos != NO_DEADLINE && inHead == headStarted) {
            return;
        }
        headStarted = inHead;
        setDeadline(inHead ? limits.headTimeout() : limits.idleTimeout());
    }

    /**
     * Moves the deadline {@code limit} from now. One timer per connection enforces it, re-armed only
     * when it fires early (as Netty's IdleStateHandler does): moving a deadline is a field write,
     * not a timer-heap insert and cancel per request.
     */
    private void setDeadline(Duration limit) {
        deadlineNanos = loop.now() + limit.toNanos();
        if (timer != null && timerNanos > deadlineNanos) {
            timer.cancel();  // the new deadline is earlier than the armed timer: it must not be missed
            timer = null;
        }
        if (timer == null) {
            armTimer();
        }
    }

    private void armTimer() {
        timerNanos = deadlineNanos;
        timer = loop.callAt(timerNanos, this::onTimer);
    }

    private void onTimer() {
        timer = null;
        if (deadlineNanos == NO_DEADLINE) {
            return;
        }
        if (deadlineNanos - loop.now() <= 0) {
            close();
        } else {
            armTimer();
        }
    }

    private void cancelDeadline() {
        deadlineNanos = NO_DEADLINE;
    }

    private void respond(Response response, boolean keepAlive) {
        if (closed) {
            return;
        }
        output.hold(this, response.body().length, this::close);
        LoopFuture<Void> write = tcp.write(response.encode(keepAlive));
        if (!write.isDone()) {
            // a client that stops reading leaves the write pending forever: it is idle, so it gets the idle deadline
            setDeadline(limits.idleTimeout());
        }
        write.onDone(written -> {
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
            setDeadline(limits.headTimeout());
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
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        tcp.close();
        onClose.run();
    }
}
