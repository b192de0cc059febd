package dev.concbench.workload.http;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.loop.TcpConnection;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;

/** One keep-alive connection of a {@link LoopConnectionPool}. Loop thread only. */
final class LoopHttpConnection {

    private final EventLoop loop;
    private final TcpConnection tcp;
    private final ResponseParser parser = new ResponseParser();
    private final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    private int exchanges;

    LoopHttpConnection(EventLoop loop, TcpConnection tcp) {
        this.loop = loop;
        this.tcp = tcp;
    }

    boolean isOpen() {
        return tcp.isOpen();
    }

    void close() {
        tcp.close();
    }

    /**
     * Sends {@code request} and reads one whole response, without blocking the loop.
     *
     * @return fails with {@link StaleConnectionException} when a reused connection was already closed
     */
    LoopFuture<HttpResponse> exchange(byte[] request) {
        parser.reset();
        LoopFuture<HttpResponse> response = loop.newFuture();
        tcp.write(ByteBuffer.wrap(request)).onDone(written -> {
            Throwable error = written.exception();
            if (error != null) {
                fail(response, error);
            } else {
                readMore(response);
            }
        });
        return response;
    }

    private void readMore(LoopFuture<HttpResponse> response) {
        buffer.clear();
        tcp.read(buffer).onDone(read -> {
            Throwable error = read.exception();
            if (error != null) {
                fail(response, error);
                return;
            }
            if (read.result() < 0) {
                fail(response, new EOFException("server closed the connection mid-response"));
                return;
            }
            buffer.flip();
            try {
                if (parser.feed(buffer)) {
                    exchanges++;
                    response.complete(parser.response());
                } else {
                    readMore(response);
                }
            } catch (ProtocolException e) {
                response.fail(e);
            }
        });
    }

    private void fail(LoopFuture<HttpResponse> response, Throwable error) {
        response.fail(error instanceof IOException io ? StaleConnectionException.classify(io, exchanges > 0, parser) : error);
    }
}
