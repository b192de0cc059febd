/**
 * Where the delay server sits on the network: a namespace of its own behind a veth pair with
 * {@code tc netem} on the link ({@link NetnsLink}, shaped by a {@link NetworkProfile}), or a
 * server on another host ({@link TargetCheck}), and the round trip measured to it
 * ({@link RttProbe}). {@link ServerSite} is the one value a run is given to say which. Runs
 * {@code ip} and {@code tc} (iproute2); failures are {@link NetworkException}s with a one-line
 * message. Depends on nothing of ours but the delay server's banner.
 */
package dev.concbench.net;
