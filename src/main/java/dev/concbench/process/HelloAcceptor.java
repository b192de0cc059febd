package dev.concbench.process;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The parent's listening socket: accepts worker connections on its own thread, reads each
 * worker's HELLO and hands the connection to whoever {@linkplain #expect expects} that pid.
 *
 * <p>A worker may say hello before its spawner knows its pid, so hellos and expectations meet in
 * one map whichever comes first. Threads: {@link #expect} and {@link #forget} from any thread;
 * {@link #close} once, from the pool's closing thread.
 */
final class HelloAcceptor implements AutoCloseable {

    /** A worker's connection and when its hello arrived ({@link System#nanoTime()}). */
    record Hello(SocketChannel channel, long arrivedNanos) {
    }

    private final ServerSocketChannel server;
    private final Thread thread;
    private final Map<Long, CompletableFuture<Hello>> byPid = new HashMap<>();
    /** Why no more hellos can come (closed, or accept failed); null while accepting. */
    private WorkerStartException stopped;
    /**
     * The connection whose hello the acceptor thread is reading, if any: {@link #close()} closes it,
     * or a peer that connected and never wrote would keep that thread (and so close()) blocked forever.
     */
    private volatile SocketChannel reading;

    HelloAcceptor(Path socket) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = Thread.ofPlatform().name("concbench-process-acceptor-" + socket.getParent().getFileName())
                .daemon().start(this::acceptLoop);
    }

    /**
     * The hello of worker {@code pid}: completes when it connects, fails when this closes first
     * (at once if it is already closed, so a late spawner never waits for a hello that cannot come).
     */
    synchronized CompletableFuture<Hello> expect(long pid) {
        if (stopped != null) {
            return CompletableFuture.failedFuture(stopped);
        }
        return byPid.computeIfAbsent(pid, p -> new CompletableFuture<>());
    }

    /** Drops the expectation for {@code pid}; closes its connection if nobody took it. */
    void forget(long pid, boolean taken) throws IOException {
        CompletableFuture<Hello> hello;
        synchronized (this) {
            hello = byPid.remove(pid);
        }
        if (!taken && hello != null && hello.isDone() && !hello.isCompletedExceptionally()) {
            hello.join().channel().close();
        }
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                stop(new WorkerStartException("worker socket accept failed: " + e.getMessage(), e));
                return;
            }
            reading = channel;
            try {
                if (!server.isOpen()) {
                    // close() ran before it could see this channel in 'reading': do not block on it
                    throw new ClosedChannelException();
                }
                Frame hello = Frame.readFrom(channel);
                if (hello.kind() != Frame.Kind.HELLO) {
                    throw new IOException("a worker's first frame must be HELLO, was " + hello.kind());
                }
                CompletableFuture<Hello> expected;
                synchronized (this) {
                    expected = byPid.computeIfAbsent(hello.id(), p -> new CompletableFuture<>());
                }
                if (!expected.complete(new Hello(channel, System.nanoTime()))) {
                    channel.close();
                }
            } catch (IOException e) {
                // No pid to report to: the worker that sent no valid hello is reported by its
                // spawner, which sees the process exit or the start timeout.
                closeAfterBadHello(channel, e);
            } finally {
                reading = null;
            }
        }
    }

    private static void closeAfterBadHello(SocketChannel channel, IOException cause) {
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Fails every pending and future expectation with {@code cause}. */
    private synchronized void stop(WorkerStartException cause) {
        if (stopped == null) {
            stopped = cause;
        }
        byPid.values().forEach(f -> f.completeExceptionally(stopped));
    }

    /** Stops accepting, fails every pending expectation, closes unclaimed connections, joins the thread. */
    @Override
    public void close() throws IOException {
        server.close();
        SocketChannel half = reading;
        if (half != null) {
            half.close();
        }
        Uninterruptibly.join(thread);
        stop(new WorkerStartException("worker pool closed while a worker was starting"));
        synchronized (this) {
            for (CompletableFuture<Hello> hello : byPid.values()) {
                if (!hello.isCompletedExceptionally()) {
                    hello.join().channel().close();
                }
            }
            byPid.clear();
        }
    }
}
