package dev.concbench.workload.http;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An incremental parser for one HTTP/1.1 response with a {@code Content-Length} body. Feed it bytes
 * as they arrive; it consumes exactly the bytes of one response. One instance per connection, used by
 * one thread at a time; {@link #reset()} before the next response.
 */
public final class ResponseParser {

    /** Longest status line plus headers accepted, in bytes. */
    static final int MAX_HEAD_BYTES = 16 * 1024;

    private static final int END_OF_HEAD = ('\r' << 24) | ('\n' << 16) | ('\r' << 8) | '\n';

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private int status = -1;
    private boolean keepAlive = true;
    private byte[] body;
    private int bodyFilled;
    /** The last four head bytes, newest in the low byte: finds CRLFCRLF without rescanning. */
    private int tail;

    /**
     * Consumes bytes from {@code in} (advancing its position) up to the end of the response.
     *
     * @return {@code true} once the response is complete
     * @throws ProtocolException when the bytes are not a response this client understands
     */
    public boolean feed(ByteBuffer in) throws ProtocolException {
        while (body == null && in.hasRemaining()) {
            byte b = in.get();
            head.write(b);
            tail = (tail << 8) | (b & 0xff);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new ProtocolException("response head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (tail == END_OF_HEAD) {
                parseHead(head.toString(StandardCharsets.ISO_8859_1));
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
        return head.size() > 0;
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
        tail = 0;
    }

    private void parseHead(String text) throws ProtocolException {
        String[] lines = text.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new ProtocolException("bad status line '" + lines[0] + "'");
        }
        status = parseInt("status", statusLine[1]);
        keepAlive = statusLine[0].equals("HTTP/1.1");
        int contentLength = -1;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("bad header line '" + lines[i] + "'");
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
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
