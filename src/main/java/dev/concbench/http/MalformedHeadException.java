package dev.concbench.http;

/** The bytes cannot be an HTTP/1.x head; the message says why, naming the offending line or limit. */
public final class MalformedHeadException extends Exception {
    public MalformedHeadException(String message) {
        super(message);
    }
}
