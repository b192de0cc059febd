package dev.concbench.bench;

import dev.concbench.server.ServerImpl;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A server under test that the run started for one plan item and hands to each of the item's forks
 * ({@code -Dconcbench.itemServer=IMPL@HOST:PORT/PID}), so that the trials of a sweep (the
 * http-server scenario's rates) measure one server JVM, warmed once, rather than each starting and
 * warming its own. The forks use it and leave it running; the run stops it after the item.
 *
 * @param impl    which server it is ({@code loop} or {@code netty})
 * @param address where it listens
 * @param pid     its process id, for its CPU time in {@code /proc}
 */
public record GivenServer(ServerImpl impl, InetSocketAddress address, long pid) {

    /** The system property a fork reads it from. */
    public static final String PROPERTY = "concbench.itemServer";

    /** The fork JVM argument that hands it over. */
    public String forkArg() {
        return "-D" + PROPERTY + "=" + impl.id() + "@" + address.getHostString() + ":" + address.getPort() + "/" + pid;
    }

    /**
     * The server this fork was given, if any.
     *
     * @throws IllegalArgumentException when the property is set but not {@code IMPL@HOST:PORT/PID}
     */
    public static Optional<GivenServer> fromSystemProperties() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse(value));
    }

    static GivenServer parse(String value) {
        int at = value.indexOf('@');
        int colon = value.lastIndexOf(':');
        int slash = value.lastIndexOf('/');
        if (at < 1 || colon < at + 2 || slash < colon + 2 || slash == value.length() - 1) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be IMPL@HOST:PORT/PID, was '" + value + "'");
        }
        try {
            return new GivenServer(ServerImpl.of(value.substring(0, at)),
                    new InetSocketAddress(value.substring(at + 1, colon), Integer.parseInt(value.substring(colon + 1, slash))),
                    Long.parseLong(value.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be IMPL@HOST:PORT/PID, was '" + value + "': "
                    + e.getMessage(), e);
        }
    }
}
