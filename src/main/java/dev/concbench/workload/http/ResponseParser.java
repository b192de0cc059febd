package dev.concbench.workload.http;

import dev.concbench.http.HeadReader;
import dev.concbench.http.HttpHead;
import dev.concbench.http.MalformedHeadException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;

/**
 * An incremental parser for one HTTP/1.1 response with a {@code Content-Length} body. Feed it bytes
 * as they arrive; it consumes exactly the bytes of one response. One instance per connection, used by
 * one thread at a time; {@link #reset()} before the next response.
 */
public final class ResponseParser {

    /** Longest status line plus headers accepted, in bytes. */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    /**
     * Largest body accepted, in bytes: the buffer is allocated from {@code Content-Length} before the
     * body arrives, so an absurd length must be a protocol error, not an {@link OutOfMemoryError} that
     * would stop the event loop. Far above anything the delay server sends ({@code /bytes/{n}}).
     */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final HeadReader head = new HeadReader("response", MAX_HEAD_BYTES);
    private int status = -1;
    private boolean keepAlive = true;
    private byte[] body;
    private int bodyFilled;

    /**
     * Consumes bytes from {@code in} (advancing its position) up to the end of the response.
     *
     * @return {@code true} once the response is complete
     * @throws ProtocolException when the bytes are not a response this client understands
     */
    public boolean feed(ByteBuffer in) throws ProtocolException {
        if (body == null) {
            try {
                HttpHead complete = head.feed(in);
                if (complete != null) {
                    parseHead(complete);
                }
            } catch (MalformedHeadException e) {
                throw new ProtocolException(e.getMessage());
            }
        }
        if (body != null) {
            int n = Math.min(in.remaining(), body.length - bodyFilled);
            in.get(body, bodyFilled, n);
            bodyFilled += n;
            return bodyFilled == body.length;
        }
        return false;
    }

    /** Whether any byte of the current response has been consumed. */
    public boolean started() {
        return head.inProgress();
    }

    /** The parsed response; only after {@link #feed} returned {@code true}. */
    public HttpResponse response() {
        if (body == null || bodyFilled < body.length) {
            throw new IllegalStateException("response not complete");
        }
        return new HttpResponse(status, body, keepAlive);
    }

    /** Forgets the current response so the next one can be parsed. */
    public void reset() {
        head.reset();
        status = -1;
        keepAlive = true;
        body = null;
        bodyFilled = 0;
    }

    private void parseHead(HttpHead head) throws ProtocolException, MalformedHeadException {
        if (head.startLine() == null) {
            throw new ProtocolException("empty status line");
        }
        String[] statusLine = head.startLine().split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new ProtocolException("bad status line '" + head.startLine() + "'");
        }
        status = parseInt("status", statusLine[1]);
        keepAlive = statusLine[0].equals("HTTP/1.1");
        int contentLength = -1;
        for (String line : head.fieldLines()) {
            HttpHead.Field field = HttpHead.Field.parse(line);
            String value = field.value();
            switch (field.name()) {
                case "content-length" -> contentLength = parseInt("Content-Length", value);
                case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                case "transfer-encoding" -> throw new ProtocolException("Transfer-Encoding '" + value
                        + "' not supported (this client reads Content-Length bodies only)");
                default -> { }
            }
        }
        if (contentLength < 0) {
            throw new ProtocolException("response without Content-Length (status " + status + ")");
        }
        if (contentLength > MAX_BODY_BYTES) {
            throw new ProtocolException("Content-Length must be <= " + MAX_BODY_BYTES + ", was " + contentLength);
        }
        body = new byte[contentLength];
    }

    private static int parseInt(String what, String value) throws ProtocolException {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new ProtocolException(what + " must be >= 0, was " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ProtocolException(what + " is not a number: '" + value + "'");
        }
    }
}
