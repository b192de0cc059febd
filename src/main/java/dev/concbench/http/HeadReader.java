package dev.concbench.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects one HTTP/1.x head from bytes as they arrive, up to its blank line (CRLFCRLF). One
 * instance per connection, used by one thread at a time; {@link #reset()} before the next head.
 */
public final class HeadReader {

    private static final int END_OF_HEAD = ('\r' << 24) | ('\n' << 16) | ('\r' << 8) | '\n';

    private final String kind;
    private final int maxBytes;
    /** The head so far, {@code size} bytes of it; grows up to {@code maxBytes + 1}. */
    private byte[] head = new byte[256];
    private int size;
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
        return size > 0;
    }

    /**
     * Consumes bytes from {@code in} up to the end of the head; bytes after it (a body, or a
     * pipelined next message) stay in {@code in}.
     *
     * @return the head (read as ISO-8859-1), or {@code null} when more bytes are needed
     * @throws MalformedHeadException when the head grows beyond the size limit
     */
    public HttpHead feed(ByteBuffer in) throws MalformedHeadException {
        int from = in.position();
        int limit = in.limit();
        int t = tail;
        int end = -1;
        for (int i = from; i < limit; i++) {
            t = (t << 8) | (in.get(i) & 0xff);
            if (t == END_OF_HEAD) {
                end = i + 1;
                break;
            }
        }
        tail = t;
        int taken = (end < 0 ? limit : end) - from;
        if (size + taken > maxBytes) {
            in.position(from + Math.min(taken, maxBytes + 1 - size));
            throw new MalformedHeadException(kind + " head longer than " + maxBytes + " bytes");
        }
        if (size + taken > head.length) {
            head = Arrays.copyOf(head, Math.min(Math.max(head.length * 2, size + taken), maxBytes + 1));
        }
        in.get(from, head, size, taken);
        in.position(from + taken);
        size += taken;
        return end < 0 ? null : HttpHead.of(new String(head, 0, size, StandardCharsets.ISO_8859_1));
    }

    /** Forgets the current head so the next one can be read. */
    public void reset() {
        size = 0;
        tail = 0;
    }
}
