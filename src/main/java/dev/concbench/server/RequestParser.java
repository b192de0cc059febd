package dev.concbench.server;

import dev.concbench.http.HeadReader;
import dev.concbench.http.HttpHead;
import dev.concbench.http.MalformedHeadException;
import java.nio.ByteBuffer;

/**
 * An incremental parser for request heads: feed it the bytes a connection read, get a
 * {@link Request} once the blank line arrived. Requests with a body are refused (the delay server
 * has no endpoint that takes one). One instance per connection, loop thread only.
 */
final class RequestParser {

    private final HeadReader head;

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
            HttpHead complete = head.feed(in);
            if (complete == null) {
                return null;
            }
            head.reset();
            return parse(complete);
        } catch (MalformedHeadException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static Request parse(HttpHead head) throws BadRequestException, MalformedHeadException {
        if (head.startLine() == null) {
            throw new BadRequestException("empty request line");
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
