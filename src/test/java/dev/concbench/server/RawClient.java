package dev.concbench.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import dev.concbench.workload.http.HttpResponse;
import dev.concbench.workload.http.ResponseParser;

/** A test client that writes raw bytes to the server and reads raw responses: lets a test misbehave on purpose. */
final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final ResponseParser parser = new ResponseParser();
    private ByteBuffer pending = ByteBuffer.allocate(0);

    RawClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    void sendGet(String path) throws IOException {
        send("GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n");
    }

    /** Reads one whole response. */
    HttpResponse read() throws IOException {
        parser.reset();
        byte[] chunk = new byte[8192];
        while (!parser.feed(pending)) {
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("connection closed before a whole response");
            }
            pending = ByteBuffer.wrap(chunk, 0, n);
        }
        return parser.response();
    }

    HttpResponse get(String path) throws IOException {
        sendGet(path);
        return read();
    }

    /** True when the server closed the connection (end of stream, or a reset) with nothing more to read. */
    boolean closedByServer() throws IOException {
        if (pending.hasRemaining()) {
            return false;
        }
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** Everything until end of stream, as text. */
    String readToEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(pending.array(), pending.arrayOffset() + pending.position(), pending.remaining());
        in.transferTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Closes with a TCP reset instead of a FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
