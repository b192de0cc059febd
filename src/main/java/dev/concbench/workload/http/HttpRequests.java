package dev.concbench.workload.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The one request shape the clients send: a keep-alive {@code GET}. */
final class HttpRequests {

    private HttpRequests() {
    }

    /** The bytes of {@code GET path HTTP/1.1} to {@code target}, asking to keep the connection. */
    static byte[] get(InetSocketAddress target, String path) {
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + target.getHostString() + ":" + target.getPort() + "\r\n"
                + "Connection: keep-alive\r\n\r\n";
        return request.getBytes(StandardCharsets.US_ASCII);
    }
}
