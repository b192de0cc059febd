package dev.concbench.server;

/**
 * One parsed request head.
 *
 * @param method e.g. {@code GET}
 * @param path the request target without its query string, e.g. {@code /delay/10}
 * @param keepAlive whether the client lets the connection carry another request
 */
record Request(String method, String path, boolean keepAlive) {
}
