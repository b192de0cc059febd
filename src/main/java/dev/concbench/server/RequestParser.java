package dev.concbench.server;

import dev.concbench.http.HeadReader;
import dev.concbench.http.HttpHead;
import dev.concbench.http.MalformedHeadException;
import java.nio.ByteBuffer;

/**
 * An incremental parser for request heads: feed it the bytes a connection read, get a
 * {@link Request} once the blank line arrived. Requests with a body are refused (the delay server
 * has no endpoint that takes one), and so are heads RFC 9112 lets a server reject: a line ending in
 * a bare LF or a bare CR (refused as soon as it arrives, not after the head timeout), a control byte in
 * a line, obsolete line folding, whitespace between a field name and its colon. One instance per connection, loop thread only.
 */
final class RequestParser {

    private final HeadReader head;
    /** The byte consumed just before the current chunk, to tell CRLF from a bare LF across reads. */
    private byte previous;

    RequestParser(int maxHeadBytes) {
        this.head = new HeadReader("request", maxHeadBytes);
    }

    /** Whether part of a request has arrived but not all of it. */
    boolean inProgress() {
        return head.inProgress();
    }

    /**
     * Consumes bytes from {@code in} up to the end of one request head; bytes after it (a pipelined
     * next request) stay in {@code in}.
     *
     * @return the request, or {@code null} when more bytes are needed
     * @throws BadRequestException when the bytes so far cannot be a valid request, or exceed the size limit
     */
    Request feed(ByteBuffer in) throws BadRequestException {
        try {
            int from = in.position();
            HttpHead complete = head.feed(in);
            rejectBareLineEnds(in, from, in.position());
            if (complete == null) {
                return null;
            }
            head.reset();
            previous = 0;
            return parse(complete);
        } catch (MalformedHeadException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * Throws when a byte of {@code in[from, to)} is an LF not preceded by CR, or follows a CR and is not
     * an LF: either way the head can never end in CRLFCRLF, so it is refused now, not after the head timeout.
     */
    private void rejectBareLineEnds(ByteBuffer in, int from, int to) throws BadRequestException {
        for (int i = from; i < to; i++) {
            byte b = in.get(i);
            if (b == '\n' && previous != '\r') {
                throw new BadRequestException("a line of the request head ends in a bare LF (expected CRLF)");
            }
            if (previous == '\r' && b != '\n') {
                throw new BadRequestException("a bare CR in the request head (expected CRLF)");
            }
            previous = b;
        }
    }

    /** Throws for a control byte (other than tab) in a head line, or a line that folds the previous one. */
    private static void rejectControlsAndFolding(String line, boolean fieldLine) throws BadRequestException {
        if (fieldLine && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
            throw new BadRequestException("obsolete line folding in the request head is not accepted");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new BadRequestException(String.format("control byte 0x%02x in the request head", (int) c));
            }
        }
    }

    private static Request parse(HttpHead head) throws BadRequestException, MalformedHeadException {
        if (head.startLine() == null) {
            throw new BadRequestException("empty request line");
        }
        rejectControlsAndFolding(head.startLine(), false);
        for (String line : head.fieldLines()) {
            rejectControlsAndFolding(line, true);
        }
        String[] parts = head.startLine().split(" ");
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].startsWith("/")) {
            throw new BadRequestException("bad request line '" + head.startLine() + "'");
        }
        boolean http11 = switch (parts[2]) {
            case "HTTP/1.1" -> true;
            case "HTTP/1.0" -> false;
            default -> throw new BadRequestException("unsupported protocol '" + parts[2] + "'");
        };
        boolean keepAlive = http11;
        for (String line : head.fieldLines()) {
            HttpHead.Field field = HttpHead.Field.parse(line);
            String value = field.value();
            switch (field.name()) {
                case "connection" -> keepAlive = value.equalsIgnoreCase("keep-alive")
                        || (http11 && !value.equalsIgnoreCase("close"));
                case "content-length" -> {
                    if (!value.equals("0")) {
                        throw new BadRequestException("request bodies are not accepted (Content-Length " + value + ")");
                    }
                }
                case "transfer-encoding" -> throw new BadRequestException("request bodies are not accepted (Transfer-Encoding)");
                default -> { }
            }
        }
        int query = parts[1].indexOf('?');
        String path = query < 0 ? parts[1] : parts[1].substring(0, query);
        return new Request(parts[0], path, keepAlive);
    }
}
