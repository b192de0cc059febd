package dev.concbench.server;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which loop serves the delay server's routes: ours ({@link DelayServer}) or Netty's ({@link NettyDelayServer}). */
public enum ServerImpl {
    /** Our event loop: the delay server every workload talks to. */
    LOOP,
    /** Netty 4.2, one NIO loop thread: the reference it is compared with. */
    NETTY;

    /** The name on the command line and in results: {@code loop}, {@code netty}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Starts this server on {@code bind} (port 0: a free port). */
    public HttpServerHandle start(InetSocketAddress bind, ServerLimits limits) throws BindException {
        return switch (this) {
            case LOOP -> DelayServer.start(bind, limits);
            case NETTY -> NettyDelayServer.start(bind, limits);
        };
    }

    /**
     * The server called {@code id}.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static ServerImpl of(String id) {
        for (ServerImpl impl : values()) {
            if (impl.id().equals(id)) {
                return impl;
            }
        }
        throw new IllegalArgumentException("unknown server '" + id + "' (expected one of "
                + Arrays.stream(values()).map(ServerImpl::id).collect(Collectors.joining(", ")) + ")");
    }
}
