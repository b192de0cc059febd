package dev.concbench.loop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;

/**
 * The writing half of a {@link TcpConnection} (asyncio's {@code StreamWriter}): {@link #write}
 * queues the buffer and returns a future that completes once all of it has been handed to the
 * kernel. Awaiting it before writing more is the back-pressure (asyncio's {@code drain()}).
 * Loop thread only.
 */
final class TcpStreamWriter {

    private final TcpConnection connection;
    private final ArrayDeque<PendingWrite> writes = new ArrayDeque<>();
    private long pendingWriteBytes;
    private boolean outputShutdownRequested;

    TcpStreamWriter(TcpConnection connection) {
        this.connection = connection;
    }

    /** Bytes queued by {@link #write} and not yet handed to the kernel. */
    long pendingWriteBytes() {
        return pendingWriteBytes;
    }

    /**
     * Queues all of {@code src} (from position to limit; do not touch it until the future is done)
     * and returns a future that completes when the kernel has taken every byte.
     */
    public LoopFuture<Void> write(ByteBuffer src) {
        LoopFuture<Void> done = connection.loop().newFuture();
        if (!connection.isOpen() || outputShutdownRequested) {
            done.fail(connection.closedError());
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
        LoopFuture<Void> done = connection.loop().newFuture();
        if (!connection.isOpen()) {
            done.fail(connection.closedError());
            return done;
        }
        outputShutdownRequested = true;
        LoopFuture<Void> last = writes.isEmpty() ? connection.loop().completed(null) : writes.peekLast().done;
        last.onDone(w -> {
            if (w.exception() != null || !connection.isOpen()) {
                done.fail(w.exception() != null ? w.exception() : new ClosedChannelException());
                return;
            }
            try {
                connection.channel().shutdownOutput();
                done.complete(null);
            } catch (IOException e) {
                connection.failAll(e);
                done.fail(e);
            }
        });
        return done;
    }

    /** The connection broke or closed: every queued write fails with {@code error}. */
    void fail(IOException error) {
        for (PendingWrite w = writes.poll(); w != null; w = writes.poll()) {
            w.done.fail(error);
        }
        pendingWriteBytes = 0;
    }

    /** Hands queued bytes to the kernel until it takes no more; then waits for OP_WRITE. */
    void flush() {
        try {
            while (!writes.isEmpty()) {
                PendingWrite head = writes.peek();
                int n = connection.channel().write(head.src);
                pendingWriteBytes -= n;
                if (head.src.hasRemaining()) {
                    connection.registration().watch(SelectionKey.OP_WRITE);
                    return;
                }
                writes.poll();
                head.done.complete(null);
            }
            if (connection.registration().isValid()) {
                connection.registration().unwatch(SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            connection.failAll(e);
        }
    }

    private record PendingWrite(ByteBuffer src, LoopFuture<Void> done) {
    }
}
