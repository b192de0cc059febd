package dev.concbench.server;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopOptions;
import dev.concbench.loop.TcpServer;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delay server: one {@link EventLoop} thread serving every connection (see {@link Routes} for
 * the endpoints and {@link ServerConnection} for what happens per connection).
 *
 * <p>Lifecycle: {@link #start} binds and returns a serving server; {@link #close()} stops the loop,
 * closing the listening socket and every connection, and returns once the loop thread has ended.
 * Public methods may be called from any thread.
 */
public final class DelayServer implements HttpServerHandle {

    /**
     * The listen backlog, in connections: large, so a burst of 10,000 connects is not refused
     * (the kernel caps it at {@code net.core.somaxconn}).
     */
    static final int BACKLOG = 16 * 1024;

    private final EventLoop loop;
    private final TcpServer server;
    private final AtomicInteger connections;
    private final AtomicInteger peak;
    private final CountDownLatch closed = new CountDownLatch(1);
    private LoopWatch watch;

    private DelayServer(EventLoop loop, TcpServer server, AtomicInteger connections, AtomicInteger peak) {
        this.loop = loop;
        this.server = server;
        this.connections = connections;
        this.peak = peak;
    }

    /**
     * Starts serving on {@code bind} (port 0: a free port).
     *
     * @throws BindException when the address is in use or cannot be bound
     */
    public static DelayServer start(InetSocketAddress bind, ServerLimits limits) throws BindException {
        // the injected slowdown (CONCBENCH_INJECT_LOOP_SPIN_NS) is for the loop under test, never the server's
        EventLoop loop = EventLoop.start(LoopOptions.defaults().withThreadName("concbench-delay-server").withInjectedSpinNanos(0));
        loadWhatFailureReportsNeed();
        Routes routes = new Routes(limits);
        OutputBudget output = OutputBudget.forHeap(Runtime.getRuntime().maxMemory());
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try {
            TcpServer server = loop.submit(() -> loop.completed(loop.startServer(bind, BACKLOG, tcp -> {
                peak.accumulateAndGet(connections.incrementAndGet(), Math::max);
                new ServerConnection(loop, tcp, routes, limits, output, connections::decrementAndGet).start();
            }))).join();
            DelayServer started = new DelayServer(loop, server, connections, peak);
            started.watch = new LoopWatch(loop, started.closed);
            return started;
        } catch (CompletionException e) {
            loop.close();
            BindException failure = new BindException("cannot listen on " + bind.getHostString() + ":" + bind.getPort()
                    + ": " + rootMessage(e));
            failure.initCause(e.getCause());
            throw failure;
        }
    }

    /**
     * Loads, while descriptors are plentiful, what the loop's failure report (a java.util.logging
     * line with a local timestamp) opens files for: out of descriptors, the report of an accept
     * failure would otherwise fail to read the time-zone data and kill the loop with an Error.
     */
    private static void loadWhatFailureReportsNeed() {
        java.time.ZonedDateTime.now().getZone().getRules();
        java.util.logging.Level.WARNING.getLocalizedName();
        System.getLogger("dev.concbench.loop");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public InetSocketAddress address() {
        return server.address();
    }

    /** Connections open now. */
    public int openConnections() {
        return connections.get();
    }

    /** The most connections that were open at once since the server started. */
    public int peakConnections() {
        return peak.get();
    }

    /**
     * Why the server's loop thread died, if it did: then {@link #awaitClosed()} returns and the
     * server serves no more (its process should exit non-zero, saying {@link #failureLine()}).
     */
    public java.util.Optional<Throwable> failure() {
        return watch.failure();
    }

    /** One line for a dead loop: what killed it. */
    @Override
    public java.util.Optional<String> failureLine() {
        return failure().map(e -> "the delay server's event loop died: " + LoopWatch.describe(e));
    }

    /** The loop, for tests that must break it. */
    EventLoop loop() {
        return loop;
    }

    /**
     * Blocks the calling thread until {@link #close()} has finished (called from another thread),
     * or the loop thread died ({@link #failure()}).
     */
    @Override
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops listening, closes every connection, ends the loop thread. Idempotent; any thread. */
    @Override
    public void close() {
        loop.close();
        closed.countDown();
    }
}
