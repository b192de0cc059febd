package dev.concbench.loop;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;

/**
 * The reading half of a {@link TcpConnection} (asyncio's {@code StreamReader}): one read may be
 * pending at a time, and the loop reads from the socket only while one is, so a slow reader pushes
 * back on its peer through TCP flow control. Loop thread only.
 */
final class TcpStreamReader {

    /** Initial size of the inbound buffer, in bytes; it grows for larger exact or delimited reads. */
    private static final int INBOUND_BYTES = 16 * 1024;

    private final TcpConnection connection;
    private ByteBuffer inbound = ByteBuffer.allocate(INBOUND_BYTES).flip();
    private PendingRead pendingRead;
    private boolean eof;

    TcpStreamReader(TcpConnection connection) {
        this.connection = connection;
    }

    /** Reads what is available (at least one byte) into {@code dst}; the count, or -1 at end of stream. */
    public LoopFuture<Integer> read(ByteBuffer dst) {
        return startRead(new PendingRead(ReadKind.SOME, dst, 0, (byte) 0, connection.loop().newFuture()));
    }

    /** Exactly {@code n} bytes (asyncio's {@code readexactly}); {@link EOFException} if the stream ends first. */
    public LoopFuture<ByteBuffer> readExactly(int n) {
        return startRead(new PendingRead(ReadKind.EXACTLY, null, n, (byte) 0, connection.loop().newFuture()));
    }

    /**
     * Bytes up to and including {@code delimiter} (asyncio's {@code readuntil}); fails with
     * {@link EOFException} if the stream ends first and {@link IOException} if more than
     * {@code maxBytes} arrive without it.
     */
    public LoopFuture<ByteBuffer> readUntil(byte delimiter, int maxBytes) {
        return startRead(new PendingRead(ReadKind.UNTIL, null, maxBytes, delimiter, connection.loop().newFuture()));
    }

    /**
     * The socket is readable: reads into the pending read, if there is one; if not, stops watching
     * (so the loop never reads ahead of its reader). Watching stops lazily, here, rather than when
     * each read completes: a request/response peer starts the next read before more bytes come,
     * and two interest changes per read would cost two {@code epoll_ctl} calls.
     */
    void onReadable() {
        if (pendingRead != null) {
            fillAndServe();
        } else {
            connection.registration().unwatch(SelectionKey.OP_READ);
        }
    }

    /** The connection broke or closed: the pending read fails with {@code error}. */
    void fail(IOException error) {
        PendingRead read = pendingRead;
        pendingRead = null;
        if (read != null) {
            read.future.fail(error);
        }
    }

    private <T> LoopFuture<T> startRead(PendingRead read) {
        connection.loop().checkInLoop("TcpConnection.read");
        @SuppressWarnings("unchecked")
        LoopFuture<T> future = (LoopFuture<T>) read.future;
        if (!connection.isOpen()) {
            future.fail(connection.closedError());
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
                connection.registration().unwatch(SelectionKey.OP_READ);
            }
            return true;
        });
        // still watching means the selector will report bytes that arrived since the last read: wait
        // for it rather than try a read that would most likely find nothing
        if (!serve() && (connection.registration().interestOps() & SelectionKey.OP_READ) == 0) {
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
                    n = connection.channel().read(inbound);
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
            connection.failAll(e);
            return;
        }
        if (pendingRead != null && !serve()) {
            connection.registration().watch(SelectionKey.OP_READ);
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
            pendingRead = null;  // still watching OP_READ: see onReadable
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

    private enum ReadKind { SOME, EXACTLY, UNTIL }

    /** The one read waiting for bytes: into {@code dst} (SOME) or {@code limit} bytes / a delimiter. */
    private record PendingRead(ReadKind kind, ByteBuffer dst, int limit, byte delimiter, LoopFuture<?> future) {
    }
}
