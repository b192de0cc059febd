/**
 * HTTP/1.x message heads on the wire, shared by the delay server (requests) and the load
 * generator's client (responses): {@link dev.concbench.http.HeadReader} collects a head up to
 * its blank line, {@link dev.concbench.http.HttpHead} splits it into a start line and header
 * fields. It depends on nothing else in concbench, so both sides import it without a cycle.
 */
package dev.concbench.http;
