package dev.concbench.net;

import java.net.InetSocketAddress;

/**
 * Where a run's delay server is: the one choice {@code --network} and {@code --target} make, handed
 * to the run, which starts (or finds) the server there and gives its address to every fork.
 *
 * <p>Closing a site removes what it made (a namespace); the others have nothing to remove.
 */
public sealed interface ServerSite extends AutoCloseable {

    /** On this host's loopback, started by the run (the default). */
    record Loopback() implements ServerSite {
    }

    /** In a namespace of the run's own behind a shaped link; the run starts the server inside. */
    record Namespace(NetnsLink link) implements ServerSite {
        @Override
        public void close() {
            link.close();
        }
    }

    /** Already running on another host, checked by {@link TargetCheck}; the run starts nothing. */
    record Remote(InetSocketAddress address) implements ServerSite {
    }

    /** Removes what this site made; idempotent. */
    @Override
    default void close() {
    }
}
