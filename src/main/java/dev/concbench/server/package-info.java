/**
 * The loopback delay server (a small httpbin) every HTTP workload talks to, built on our event loop:
 * HTTP/1.1 with keep-alive, {@code GET /delay/{ms}}, {@code /status/{code}}, {@code /bytes/{n}} and
 * {@code /}. {@link dev.concbench.server.DelayServer} is the server itself (one loop thread, any
 * number of connections); {@link dev.concbench.server.DelayServerProcess} runs it in a child JVM for
 * benchmarks, so the load never shares the loop it measures.
 *
 * <p>Per connection: a malformed or oversized request gets {@code 400} and the connection closes; a
 * client that resets, or stalls mid-request past {@link dev.concbench.server.ServerLimits#headTimeout},
 * loses only its own connection.
 */
package dev.concbench.server;
