package dev.concbench.loop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * A listening TCP socket on an {@link EventLoop} (asyncio's {@code Server}): accepts connections
 * and hands each to the accept callback on the loop thread. Loop thread only, except
 * {@link #port()} and {@link #address()}.
 *
 * <p>A callback that throws is counted as a callback failure and that connection is closed; the
 * server goes on accepting.
 */
public final class TcpServer {

    private final EventLoop loop;
    private final ServerSocketChannel channel;
    private final InetSocketAddress address;
    private final Consumer<TcpConnection> onAccept;
    private IoRegistration registration;
    private long accepted;

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

    private void acceptAll() throws IOException {
        for (SocketChannel client = channel.accept(); client != null; client = channel.accept()) {
            accepted++;
            TcpConnection connection = TcpConnection.accepted(loop, client);
            try {
                onAccept.accept(connection);
            } catch (RuntimeException e) {
                loop.countCallbackFailure(onAccept, e);
                connection.close();
            }
        }
    }
}
