package dev.concbench.server;

/** A request the server refuses with {@code 400 Bad Request}; the connection closes after the answer. */
final class BadRequestException extends Exception {
    BadRequestException(String message) {
        super(message);
    }
}
