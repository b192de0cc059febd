/**
 * A minimal HTTP/1.1 client for the delay server: {@code GET} with keep-alive and
 * {@code Content-Length} bodies, nothing else. {@link dev.concbench.workload.http.BlockingConnectionPool}
 * is the blocking library thread models use (plain {@link java.net.Socket}s, no hidden threads);
 * {@link dev.concbench.workload.http.LoopConnectionPool} is the event loop's non-blocking counterpart.
 * Both bound the number of open connections like the seed's {@code TCPConnector(limit=10)} and share
 * {@link dev.concbench.workload.http.ResponseParser}.
 */
package dev.concbench.workload.http;
