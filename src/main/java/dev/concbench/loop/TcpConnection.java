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
import java.util.ArrayDeque;

/**
 * A non-blocking TCP connection on an {@link EventLoop}: asyncio's {@code StreamReader} and
 * {@code StreamWriter} in one. Loop thread only.
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

    /** Initial size of the inbound buffer, in bytes; it grows for larger exact or delimited reads. */
    private static final int INBOUND_BYTES = 16 * 1024;

    private final EventLoop loop;
    private final SocketChannel channel;
    private IoRegistration registration;
    private ByteBuffer inbound = ByteBuffer.allocate(INBOUND_BYTES).flip();
    private PendingRead pendingRead;
    private final ArrayDeque<PendingWrite> writes = new ArrayDeque<>();
    private long pendingWriteBytes;
    private boolean eof;
    private boolean outputShutdownRequested;
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
        return pendingWriteBytes;
    }

    /** Reads what is available (at least one byte) into {@code dst}; the count, or -1 at end of stream. */
    public LoopFuture<Integer> read(ByteBuffer dst) {
        return startRead(new PendingRead(ReadKind.SOME, dst, 0, (byte) 0, loop.newFuture()));
    }

    /** Exactly {@code n} bytes (asyncio's {@code readexactly}); {@link EOFException} if the stream ends first. */
    public LoopFuture<ByteBuffer> readExactly(int n) {
        return startRead(new PendingRead(ReadKind.EXACTLY, null, n, (byte) 0, loop.newFuture()));
    }

    /**
     * Bytes up to and including {@code delimiter} (asyncio's {@code readuntil}); fails with
     * {@link EOFException} if the stream ends first and {@link IOException} if more than
     * {@code maxBytes} arrive without it.
     */
    public LoopFuture<ByteBuffer> readUntil(byte delimiter, int maxBytes) {
        return startRead(new PendingRead(ReadKind.UNTIL, null, maxBytes, delimiter, loop.newFuture()));
    }

    /**
     * Queues all of {@code src} (from position to limit; do not touch it until the future is done)
     * and returns a future that completes when the kernel has taken every byte.
     */
    public LoopFuture<Void> write(ByteBuffer src) {
        LoopFuture<Void> done = loop.newFuture();
        if (closed || outputShutdownRequested) {
            done.fail(broken != null ? broken : new ClosedChannelException());
            return done;
        }
        writes.add(new PendingWrite(src, done));
        pendingWriteBytes += src.remaining();
        if (writes.size() == 1) {
            flush();
        }
        return done;
    }

    /** Half-closes: sends FIN after everything queued is written; reads go on. */
    public LoopFuture<Void> shutdownOutput() {
        LoopFuture<Void> done = loop.newFuture();
        if (closed) {
            done.fail(broken != null ? broken : new ClosedChannelException());
            return done;
        }
        outputShutdownRequested = true;
        LoopFuture<Void> last = writes.isEmpty() ? loop.completed(null) : writes.peekLast().done;
        last.onDone(w -> {
            if (w.exception() != null || closed) {
                done.fail(w.exception() != null ? w.exception() : new ClosedChannelException());
                return;
            }
            try {
                channel.shutdownOutput();
                done.complete(null);
            } catch (IOException e) {
                failAll(e);
                done.fail(e);
            }
        });
        return done;
    }

    /** Closes now: pending reads and writes fail with {@link ClosedChannelException}. Idempotent. */
    public void close() {
        loop.checkInLoop("TcpConnection.close");
        failAll(new ClosedChannelException());
    }

    // ---- loop-side ----------------------------------------------------------------------------

    private void onReady(IoRegistration reg, int readyOps) {
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0 && pendingRead != null) {
            fillAndServe();
        }
    }

    private <T> LoopFuture<T> startRead(PendingRead read) {
        loop.checkInLoop("TcpConnection.read");
        @SuppressWarnings("unchecked")
        LoopFuture<T> future = (LoopFuture<T>) read.future;
        if (closed) {
            future.fail(broken != null ? broken : new ClosedChannelException());
            return future;
        }
        if (pendingRead != null) {
            future.fail(new IllegalStateException("a read is already pending on this connection"));
            return future;
        }
        pendingRead = read;
        future.awaitOne(() -> {
            if (pendingRead == read) {
                pendingRead = null;
                registration.unwatch(SelectionKey.OP_READ);
            }
            return true;
        });
        if (!serve()) {
            fillAndServe();
        }
        return future;
    }

    /** Reads what the socket has now, then tries to satisfy the pending read. */
    private void fillAndServe() {
        try {
            while (!eof && pendingRead != null) {
                if (!inbound.hasRemaining()) {
                    inbound.clear().flip();
                }
                ensureRoom();
                inbound.compact();
                int n;
                try {
                    n = channel.read(inbound);
                } finally {
                    inbound.flip();
                }
                if (n < 0) {
                    eof = true;
                } else if (n == 0) {
                    break;
                }
                if (serve()) {
                    break;
                }
            }
        } catch (IOException e) {
            failAll(e);
            return;
        }
        if (pendingRead != null && !serve()) {
            registration.watch(SelectionKey.OP_READ);
        }
    }

    /** Satisfies the pending read from the buffer if possible; true when it was completed. */
    private boolean serve() {
        PendingRead read = pendingRead;
        if (read == null) {
            return true;
        }
        boolean finished = switch (read.kind) {
            case SOME -> serveSome(read);
            case EXACTLY -> serveExactly(read);
            case UNTIL -> serveUntil(read);
        };
        if (finished) {
            pendingRead = null;
            if (registration.isValid()) {
                registration.unwatch(SelectionKey.OP_READ);
            }
        }
        return finished;
    }

    @SuppressWarnings("unchecked")
    private boolean serveSome(PendingRead read) {
        LoopFuture<Integer> f = (LoopFuture<Integer>) read.future;
        if (inbound.hasRemaining()) {
            int n = Math.min(inbound.remaining(), read.dst.remaining());
            read.dst.put(read.dst.position(), inbound, inbound.position(), n);
            read.dst.position(read.dst.position() + n);
            inbound.position(inbound.position() + n);
            f.complete(n);
            return true;
        }
        if (eof) {
            f.complete(-1);
            return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private boolean serveExactly(PendingRead read) {
        LoopFuture<ByteBuffer> f = (LoopFuture<ByteBuffer>) read.future;
        if (inbound.remaining() >= read.limit) {
            f.complete(take(read.limit));
            return true;
        }
        if (eof) {
            f.fail(new EOFException("stream ended after " + inbound.remaining() + " of " + read.limit + " bytes"));
            return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private boolean serveUntil(PendingRead read) {
        LoopFuture<ByteBuffer> f = (LoopFuture<ByteBuffer>) read.future;
        for (int i = inbound.position(); i < inbound.limit(); i++) {
            if (inbound.get(i) == read.delimiter) {
                f.complete(take(i - inbound.position() + 1));
                return true;
            }
        }
        if (inbound.remaining() > read.limit) {
            f.fail(new IOException("no delimiter within " + read.limit + " bytes"));
            return true;
        }
        if (eof) {
            f.fail(new EOFException("stream ended before the delimiter (" + inbound.remaining() + " bytes read)"));
            return true;
        }
        return false;
    }

    private ByteBuffer take(int n) {
        ByteBuffer out = ByteBuffer.allocate(n);
        out.put(0, inbound, inbound.position(), n);
        inbound.position(inbound.position() + n);
        return out;
    }

    /** Grows the buffer when an exact or delimited read needs more than it can hold. */
    private void ensureRoom() {
        int wanted = pendingRead.kind == ReadKind.SOME ? 0 : pendingRead.limit + 1;
        if (inbound.capacity() - inbound.remaining() > 0 && inbound.capacity() >= wanted) {
            return;
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(inbound.capacity() * 2, wanted));
        bigger.put(inbound).flip();
        inbound = bigger;
    }

    private void flush() {
        try {
            while (!writes.isEmpty()) {
                PendingWrite head = writes.peek();
                int n = channel.write(head.src);
                pendingWriteBytes -= n;
                if (head.src.hasRemaining()) {
                    registration.watch(SelectionKey.OP_WRITE);
                    return;
                }
                writes.poll();
                head.done.complete(null);
            }
            if (registration.isValid()) {
                registration.unwatch(SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            failAll(e);
        }
    }

    private void failAll(IOException error) {
        if (closed) {
            return;
        }
        closed = true;
        broken = error instanceof ClosedChannelException ? null : error;
        PendingRead read = pendingRead;
        pendingRead = null;
        if (read != null) {
            read.future.fail(error);
        }
        for (PendingWrite w = writes.poll(); w != null; w = writes.poll()) {
            w.done.fail(error);
        }
        pendingWriteBytes = 0;
        closeChannel();
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

    private enum ReadKind { SOME, EXACTLY, UNTIL }

    /** The one read waiting for bytes: into {@code dst} (SOME) or {@code limit} bytes / a delimiter. */
    private record PendingRead(ReadKind kind, ByteBuffer dst, int limit, byte delimiter, LoopFuture<?> future) {
    }

    private record PendingWrite(ByteBuffer src, LoopFuture<Void> done) {
    }
}
