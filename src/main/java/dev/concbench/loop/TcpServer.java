package dev.concbench.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A listening TCP socket on an {@link EventLoop} (asyncio's {@code Server}): accepts connections
 * and hands each to the accept callback on the loop thread. Loop thread only, except
 * {@link #port()} and {@link #address()}.
 *
 * <p>A callback that throws is counted as a callback failure and that connection is closed; the
 * server goes on accepting. When {@code accept} itself fails (out of file descriptors: EMFILE or
 * ENFILE) the server stops accepting for a back-off that doubles from {@link #MIN_BACKOFF} up to
 * {@link #MAX_BACKOFF}, keeps serving the connections it has, and reports the failure at most once
 * per {@link #REPORT_INTERVAL} (as Netty and Tomcat back off): a level-triggered selector would
 * otherwise spin on the pending connection.
 */
public final class TcpServer {

    private final EventLoop loop;
    private final ServerSocketChannel channel;
    private final InetSocketAddress address;
    private final Consumer<TcpConnection> onAccept;
    private IoRegistration registration;
    private long accepted;
    /** The current accept back-off; zero while accepting works. */
    private Duration backoff = Duration.ZERO;
    private long acceptFailures;

    private long lastReportNanos = NEVER;
    private static final long NEVER = Long.MIN_VALUE;
    /** Accept failures are reported at most this often: a server out of descriptors must not flood its log. */
    static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

    /** The first pause after {@code accept} failed. */
    static final Duration MIN_BACKOFF = Duration.ofMillis(10);
    /** The longest pause between accept attempts while they keep failing. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private TcpServer(EventLoop loop, ServerSocketChannel channel, Consumer<TcpConnection> onAccept)
            throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.onAccept = onAccept;
    }

    static TcpServer bind(EventLoop loop, InetSocketAddress address, int backlog, Consumer<TcpConnection> onAccept)
            throws IOException {
        loop.checkInLoop("startServer");
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address, backlog);
            TcpServer server = new TcpServer(loop, channel, onAccept);
            server.registration = loop.register(channel, SelectionKey.OP_ACCEPT, (reg, ops) -> server.acceptAll(), true);
            return server;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The bound address (with the real port when port 0 was asked for). Any thread. */
    public InetSocketAddress address() {
        return address;
    }

    /** The bound port. Any thread. */
    public int port() {
        return address.getPort();
    }

    /** Connections accepted so far. */
    public long accepted() {
        loop.checkInLoop("TcpServer.accepted");
        return accepted;
    }

    /** Stops listening; connections already accepted stay open. Idempotent. */
    public void close() throws IOException {
        loop.checkInLoop("TcpServer.close");
        registration.cancel();
        channel.close();
    }

    /** Times {@code accept} failed (e.g. out of file descriptors) since the server started. */
    public long acceptFailures() {
        loop.checkInLoop("TcpServer.acceptFailures");
        return acceptFailures;
    }

    private void acceptAll() throws IOException {
        while (true) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (IOException e) {
                if (!channel.isOpen()) {
                    throw e;
                }
                pauseAccepting(e);
                return;
            }
            if (client == null) {
                return;
            }
            backoff = Duration.ZERO;
            accepted++;
            TcpConnection connection;
            try {
                connection = TcpConnection.accepted(loop, client);
            } catch (IOException | RuntimeException e) {
                // setting the connection up failed (e.g. no descriptor left to register it): close just it
                client.close();
                loop.countCallbackFailure(onAccept, e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e));
                continue;
            }
            try {
                onAccept.accept(connection);
            } catch (RuntimeException e) {
                loop.countCallbackFailure(onAccept, e);
                connection.close();
            }
        }
    }

    /** Stops watching for connections for the back-off, then tries again; reports a streak's first failure. */
    private void pauseAccepting(IOException e) {
        acceptFailures++;
        if (backoff.isZero()) {
            long now = loop.now();
            if (lastReportNanos == NEVER || now - lastReportNanos >= REPORT_INTERVAL.toNanos()) {
                lastReportNanos = now;
                loop.options().listener().acceptPaused(String.valueOf(address), e.getMessage());
            }
            backoff = MIN_BACKOFF;
        } else {
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        registration.unwatch(SelectionKey.OP_ACCEPT);
        loop.callLater(backoff, () -> {
            if (registration.isValid()) {
                registration.watch(SelectionKey.OP_ACCEPT);
            }
        });
    }
}
