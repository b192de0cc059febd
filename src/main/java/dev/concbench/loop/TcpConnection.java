package dev.concbench.loop;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A non-blocking TCP connection on an {@link EventLoop}: the socket, its registration and its
 * lifecycle, with asyncio's {@code StreamReader} ({@link TcpStreamReader}) and {@code StreamWriter}
 * ({@link TcpStreamWriter}) behind its read and write methods. Loop thread only.
 *
 * <p>Reads: one read may be pending at a time ({@link #read}, {@link #readExactly},
 * {@link #readUntil}); the loop reads from the socket only while a read is pending, so a slow
 * reader pushes back on its peer through TCP flow control.
 *
 * <p>Writes: {@link #write} queues the buffer and returns a future that completes once all of it
 * has been handed to the kernel. Awaiting it before writing more is the back-pressure (asyncio's
 * {@code drain()}); {@link #pendingWriteBytes()} says how much is queued.
 *
 * <p>Errors stay local: a reset or any I/O error fails this connection's pending futures and
 * closes it; the peer's half-close ends reads (-1 from {@link #read}, {@link EOFException} from
 * the others) while writes go on. No other connection and not the loop is affected.
 */
public final class TcpConnection {

    private final EventLoop loop;
    private final SocketChannel channel;
    private IoRegistration registration;
    private final TcpStreamReader reader = new TcpStreamReader(this);
    private final TcpStreamWriter writer = new TcpStreamWriter(this);
    private IOException broken;
    private boolean closed;

    private TcpConnection(EventLoop loop, SocketChannel channel) {
        this.loop = loop;
        this.channel = channel;
    }

    static LoopFuture<TcpConnection> connect(EventLoop loop, InetSocketAddress address) {
        LoopFuture<TcpConnection> result = loop.newFuture();
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            TcpConnection connection = new TcpConnection(loop, channel);
            if (channel.connect(address)) {
                connection.registration = loop.register(channel, 0, connection::onReady, true);
                result.complete(connection);
                return result;
            }
            SocketChannel connecting = channel;
            IoRegistration registration = loop.register(channel, SelectionKey.OP_CONNECT, (reg, ops) -> {
                try {
                    if (!connecting.finishConnect()) {
                        return;
                    }
                } catch (IOException e) {
                    connection.closeChannel();
                    result.fail(e);
                    return;
                }
                reg.interestOps(0);
                reg.handler(connection::onReady);
                if (!result.complete(connection)) {
                    connection.close();
                }
            }, true);
            connection.registration = registration;
            result.awaitOne(() -> {
                connection.close();
                return true;
            });
        } catch (IOException e) {
            if (channel != null) {
                closeSilentlyAfterFailure(channel, e);
            }
            result.fail(e);
        }
        return result;
    }

    static TcpConnection accepted(EventLoop loop, SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        TcpConnection connection = new TcpConnection(loop, channel);
        connection.registration = loop.register(channel, 0, connection::onReady, true);
        return connection;
    }

    /** The loop this connection belongs to. Any thread. */
    public EventLoop loop() {
        return loop;
    }

    public SocketAddress remoteAddress() throws IOException {
        return channel.getRemoteAddress();
    }

    public SocketAddress localAddress() throws IOException {
        return channel.getLocalAddress();
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Bytes queued by {@link #write} and not yet handed to the kernel. */
    public long pendingWriteBytes() {
        return writer.pendingWriteBytes();
    }

    /** Reads what is available (at least one byte) into {@code dst}; the count, or -1 at end of stream. */
    public LoopFuture<Integer> read(ByteBuffer dst) {
        return reader.read(dst);
    }

    /** Exactly {@code n} bytes (asyncio's {@code readexactly}); {@link EOFException} if the stream ends first. */
    public LoopFuture<ByteBuffer> readExactly(int n) {
        return reader.readExactly(n);
    }

    /**
     * Bytes up to and including {@code delimiter} (asyncio's {@code readuntil}); fails with
     * {@link EOFException} if the stream ends first and {@link IOException} if more than
     * {@code maxBytes} arrive without it.
     */
    public LoopFuture<ByteBuffer> readUntil(byte delimiter, int maxBytes) {
        return reader.readUntil(delimiter, maxBytes);
    }

    /**
     * Queues all of {@code src} (from position to limit; do not touch it until the future is done)
     * and returns a future that completes when the kernel has taken every byte.
     */
    public LoopFuture<Void> write(ByteBuffer src) {
        return writer.write(src);
    }

    /** Half-closes: sends FIN after everything queued is written; reads go on. */
    public LoopFuture<Void> shutdownOutput() {
        return writer.shutdownOutput();
    }

    /** Closes now: pending reads and writes fail with {@link ClosedChannelException}. Idempotent. */
    public void close() {
        loop.checkInLoop("TcpConnection.close");
        failAll(new ClosedChannelException());
    }

    // ---- loop-side ----------------------------------------------------------------------------

    private void onReady(IoRegistration reg, int readyOps) {
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            writer.flush();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0) {
            reader.onReadable();
        }
    }

    /** Closes the connection once: the pending read and every queued write fail with {@code error}. */
    void failAll(IOException error) {
        if (closed) {
            return;
        }
        closed = true;
        broken = error instanceof ClosedChannelException ? null : error;
        reader.fail(error);
        writer.fail(error);
        closeChannel();
    }

    /** What an operation on a closed connection fails with: the error that broke it, else {@link ClosedChannelException}. */
    IOException closedError() {
        return broken != null ? broken : new ClosedChannelException();
    }

    SocketChannel channel() {
        return channel;
    }

    IoRegistration registration() {
        return registration;
    }

    private void closeChannel() {
        if (registration != null) {
            registration.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            loop.countCallbackFailure("close " + channel, new java.io.UncheckedIOException(e));
        }
    }

    private static void closeSilentlyAfterFailure(SocketChannel channel, IOException cause) {
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "TcpConnection[" + channel + "]";
    }
}
