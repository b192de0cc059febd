package dev.concbench.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Collects one HTTP/1.x head from bytes as they arrive, up to its blank line (CRLFCRLF). One
 * instance per connection, used by one thread at a time; {@link #reset()} before the next head.
 */
public final class HeadReader {

    private static final int END_OF_HEAD = ('\r' << 24) | ('\n' << 16) | ('\r' << 8) | '\n';

    private final String kind;
    private final int maxBytes;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    /** The last four bytes, newest in the low byte: finds CRLFCRLF without rescanning. */
    private int tail;

    /**
     * @param kind     what the head belongs to, for messages ("request", "response")
     * @param maxBytes the longest head accepted, in bytes
     */
    public HeadReader(String kind, int maxBytes) {
        this.kind = kind;
        this.maxBytes = maxBytes;
    }

    /** Whether any byte of the current head has been consumed (and not {@link #reset()}). */
    public boolean inProgress() {
        return head.size() > 0;
    }

    /**
     * Consumes bytes from {@code in} up to the end of the head; bytes after it (a body, or a
     * pipelined next message) stay in {@code in}.
     *
     * @return the head (read as ISO-8859-1), or {@code null} when more bytes are needed
     * @throws MalformedHeadException when the head grows beyond the size limit
     */
    public HttpHead feed(ByteBuffer in) throws MalformedHeadException {
        while (in.hasRemaining()) {
            byte b = in.get();
            head.write(b);
            tail = (tail << 8) | (b & 0xff);
            if (head.size() > maxBytes) {
                throw new MalformedHeadException(kind + " head longer than " + maxBytes + " bytes");
            }
            if (tail == END_OF_HEAD) {
                return HttpHead.of(head.toString(StandardCharsets.ISO_8859_1));
            }
        }
        return null;
    }

    /** Forgets the current head so the next one can be read. */
    public void reset() {
        head.reset();
        tail = 0;
    }
}
