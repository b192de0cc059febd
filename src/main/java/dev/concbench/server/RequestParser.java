package dev.concbench.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An incremental parser for request heads: feed it the bytes a connection read, get a
 * {@link Request} once the blank line arrived. Requests with a body are refused (the delay server
 * has no endpoint that takes one). One instance per connection, loop thread only.
 */
final class RequestParser {

    private static final int END_OF_HEAD = ('\r' << 24) | ('\n' << 16) | ('\r' << 8) | '\n';

    private final int maxHeadBytes;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    /** The last four bytes, newest in the low byte: finds CRLFCRLF without rescanning. */
    private int tail;

    RequestParser(int maxHeadBytes) {
        this.maxHeadBytes = maxHeadBytes;
    }

    /** Whether part of a request has arrived but not all of it. */
    boolean inProgress() {
        return head.size() > 0;
    }

    /**
     * Consumes bytes from {@code in} up to the end of one request head; bytes after it (a pipelined
     * next request) stay in {@code in}.
     *
     * @return the request, or {@code null} when more bytes are needed
     * @throws BadRequestException when the bytes so far cannot be a valid request, or exceed the size limit
     */
    Request feed(ByteBuffer in) throws BadRequestException {
        while (in.hasRemaining()) {
            byte b = in.get();
            head.write(b);
            tail = (tail << 8) | (b & 0xff);
            if (head.size() > maxHeadBytes) {
                throw new BadRequestException("request head longer than " + maxHeadBytes + " bytes");
            }
            if (tail == END_OF_HEAD) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                head.reset();
                tail = 0;
                return parse(text);
            }
        }
        return null;
    }

    private static Request parse(String text) throws BadRequestException {
        String[] lines = text.split("\r\n");
        String[] parts = lines[0].split(" ");
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].startsWith("/")) {
            throw new BadRequestException("bad request line '" + lines[0] + "'");
        }
        boolean http11 = switch (parts[2]) {
            case "HTTP/1.1" -> true;
            case "HTTP/1.0" -> false;
            default -> throw new BadRequestException("unsupported protocol '" + parts[2] + "'");
        };
        boolean keepAlive = http11;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new BadRequestException("bad header line '" + lines[i] + "'");
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
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
