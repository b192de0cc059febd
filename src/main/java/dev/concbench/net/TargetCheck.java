package dev.concbench.net;

import dev.concbench.server.DelayServerMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * {@code --target HOST:PORT}: a delay server on another host. Before a run uses it, it must answer
 * {@code GET /} the way ours does (status 200, our banner); anything else is refused in one line.
 */
public final class TargetCheck {

    private static final int TIMEOUT_MS = 5_000;

    private TargetCheck() {
    }

    /**
     * Parses {@code hostPort} ({@code HOST:PORT}, {@code [V6]:PORT}) and checks that a concbench
     * delay server answers there.
     *
     * @return the server's address, resolved
     * @throws NetworkException when the text is not HOST:PORT, the host is unknown, nothing answers
     *                          within 5 s or what answers is not our delay server
     */
    public static InetSocketAddress verify(String hostPort) throws NetworkException {
        InetSocketAddress address = parse(hostPort);
        String answer;
        try (Socket s = new Socket()) {
            s.connect(address, TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + hostPort + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer = readSome(s.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new NetworkException(hostPort + ": no answer within " + TIMEOUT_MS / 1000 + " s (is the delay server"
                    + " running there: ./run-bench.sh server --host 0.0.0.0 --port N?)");
        } catch (IOException e) {
            throw new NetworkException(hostPort + ": " + e.getMessage() + " (is the delay server running there:"
                    + " ./run-bench.sh server --host 0.0.0.0 --port N?)");
        }
        String status = answer.lines().findFirst().orElse("");
        if (!status.matches("HTTP/1\\.[01] 200\\b.*") || !answer.contains(DelayServerMain.BANNER)) {
            throw new NetworkException(hostPort + " answered, but not like concbench's delay server (expected 200 and '"
                    + DelayServerMain.BANNER + "' for GET /, got '" + (status.isEmpty() ? "nothing" : status) + "')");
        }
        return address;
    }

    /** {@code HOST:PORT} as an address, resolved. */
    static InetSocketAddress parse(String hostPort) throws NetworkException {
        int colon = hostPort.lastIndexOf(':');
        String host = colon > 0 ? hostPort.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new NetworkException("expected HOST:PORT with a port 1..65535, got '" + hostPort + "'");
        }
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            throw new NetworkException("unknown host '" + host + "' in '" + hostPort + "'");
        }
        return a;
    }

    private static String readSome(InputStream in) throws IOException {
        byte[] buf = in.readNBytes(4096);
        return new String(buf, StandardCharsets.ISO_8859_1);
    }
}
