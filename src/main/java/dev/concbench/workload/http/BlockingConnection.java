package dev.concbench.workload.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;

/** One keep-alive connection of a {@link BlockingConnectionPool}; used by one thread at a time. */
final class BlockingConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ResponseParser parser = new ResponseParser();
    private final byte[] buffer = new byte[16 * 1024];
    private int exchanges;

    private BlockingConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to {@code target}.
     *
     * @param timeout the connect timeout and, afterwards, the longest wait for any single read
     */
    static BlockingConnection open(InetSocketAddress target, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(target, Math.toIntExact(timeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            return new BlockingConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Whether this connection has carried a response before (so the server may have closed it idle). */
    boolean reused() {
        return exchanges > 0;
    }

    /**
     * Sends {@code request} and blocks for the whole response.
     *
     * @throws StaleConnectionException when a reused connection turns out closed before any response
     *     byte arrived (the request can safely be retried on a new connection)
     */
    HttpResponse exchange(byte[] request) throws IOException {
        parser.reset();
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            throw staleOr(e);
        }
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw staleOr(e);
            }
            if (n < 0) {
                throw staleOr(new EOFException("server closed the connection mid-response"));
            }
            if (parser.feed(ByteBuffer.wrap(buffer, 0, n))) {
                exchanges++;
                return parser.response();
            }
        }
    }

    private IOException staleOr(IOException e) {
        return StaleConnectionException.classify(e, reused(), parser);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
