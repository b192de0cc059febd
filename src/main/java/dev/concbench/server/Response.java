package dev.concbench.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One answer the server will send, possibly after a delay. Immutable.
 *
 * <p>A {@link #constant} response (the banner of {@code /}, answered thousands of times a second
 * under load) encodes its bytes on the wire once, into direct buffers, so each send is a
 * {@link ByteBuffer#duplicate()}: no string building, no copy into the JDK's temporary direct
 * buffer on write.
 */
final class Response {

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Duration delay;
    /** For a constant response: the wire bytes with keep-alive [1] and with close [0]; else null. */
    private final ByteBuffer[] wire;

    /**
     * @param status the status code
     * @param contentType the body's media type
     * @param body the body bytes
     * @param delay how long to wait before sending (only {@code /delay/{ms}} waits)
     */
    Response(int status, String contentType, byte[] body, Duration delay) {
        this(status, contentType, body, delay, false);
    }

    private Response(int status, String contentType, byte[] body, Duration delay, boolean constant) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.delay = delay;
        this.wire = constant ? new ByteBuffer[] {direct(encodeNew(false)), direct(encodeNew(true))} : null;
    }

    static Response text(int status, String text) {
        return new Response(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }

    /** {@code response}, encoded once for every send. */
    static Response constant(Response response) {
        return new Response(response.status, response.contentType, response.body, response.delay, true);
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    /** The body bytes; callers must not modify them. */
    byte[] body() {
        return body;
    }

    Duration delay() {
        return delay;
    }

    /** This response's bytes on the wire, announcing whether the connection stays open. */
    ByteBuffer encode(boolean keepAlive) {
        return wire != null ? wire[keepAlive ? 1 : 0].duplicate() : encodeNew(keepAlive);
    }

    private ByteBuffer encodeNew(boolean keepAlive) {
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(headBytes.length + body.length).put(headBytes).put(body).flip();
    }

    private static ByteBuffer direct(ByteBuffer bytes) {
        return ByteBuffer.allocateDirect(bytes.remaining()).put(bytes).flip().asReadOnlyBuffer();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
