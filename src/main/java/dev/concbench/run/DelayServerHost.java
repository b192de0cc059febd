package dev.concbench.run;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.net.NetnsLink;
import dev.concbench.net.RttProbe;
import dev.concbench.net.ServerSite;
import dev.concbench.results.NetworkInfo;
import dev.concbench.server.DelayServerProcess;
import dev.concbench.server.DelayServerProcess.Placement;
import dev.concbench.server.ServerImpl;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delay server for a run, where its {@link ServerSite} says: in its own process on loopback
 * ({@link DelayServerProcess}), so the load generator in a benchmark fork never shares its event
 * loop; in the run's network namespace behind a shaped link; or already running on another host.
 * Started only when a planned scenario needs it; forks learn its address from
 * {@code -Dconcbench.server} (and, in a namespace, where to start a server of their own: see
 * {@link Placement}). This is the one path by which the network choice reaches the benchmarks.
 * Once the server answers, the round trip to it is sampled ({@link #network()}). When it cannot
 * start, the run goes on without it and the benchmarks that need it fail, which lists them under
 * {@code missing} rather than inventing numbers.
 *
 * <p>Lifecycle: started by {@link #startIfNeeded}, stopped by {@link #close()} (and, on Ctrl-C, by
 * the run's shutdown hook, which kills every descendant; the server also exits when its parent dies).
 * The site itself (a namespace) belongs to whoever opened it.
 */
final class DelayServerHost implements AutoCloseable {

    /** How many TCP connects the round-trip sample takes. */
    static final int RTT_SAMPLES = 20;

    private final DelayServerProcess server;
    private final InetSocketAddress address;
    private final Placement placement;
    private final NetworkInfo network;

    private DelayServerHost(DelayServerProcess server, InetSocketAddress address, Placement placement, NetworkInfo network) {
        this.server = server;
        this.address = address;
        this.placement = placement;
        this.network = network;
    }

    /**
     * Starts (or finds) the server at {@code site} when an item of {@code plan} or the CPython side
     * ({@code pythonNeedsIt}) needs it; otherwise (or when it fails) a host without one.
     */
    static DelayServerHost startIfNeeded(Planner.Plan plan, ServerSite site, boolean pythonNeedsIt, PrintStream log) {
        Placement placement = switch (site) {
            case ServerSite.Namespace ns -> new Placement(ns.link().launcher(), ns.link().serverHost());
            default -> Placement.LOOPBACK;
        };
        if (!pythonNeedsIt && plan.items().stream().noneMatch(i -> i.scenario().server())) {
            return new DelayServerHost(null, null, placement, null);
        }
        if (site instanceof ServerSite.Remote remote) {
            return new DelayServerHost(null, remote.address(), placement,
                    measure(remote.address(), "target", 0, 0, 0, "a delay server on another host", log));
        }
        try {
            DelayServerProcess server = DelayServerProcess.start(ServerImpl.LOOP, List.of(), placement);
            NetworkInfo network = switch (site) {
                case ServerSite.Namespace ns -> {
                    NetnsLink link = ns.link();
                    yield measure(server.address(), link.profile().name(), link.profile().delayMs(),
                            link.profile().jitterMs(), link.profile().lossPercent(), "namespace " + link.name()
                                    + ", link " + link.hostLink() + " (" + link.hostAddress() + ") to "
                                    + link.serverHost() + ", " + link.shaping(), log);
                }
                default -> measure(server.address(), "loopback", 0, 0, 0, "loopback", log);
            };
            return new DelayServerHost(server, server.address(), placement, network);
        } catch (IOException e) {
            log.println("run-bench.sh: the delay server did not start (" + e.getMessage()
                    + "); scenarios that need it will be listed as missing");
            return new DelayServerHost(null, null, placement, null);
        }
    }

    private static NetworkInfo measure(InetSocketAddress server, String profile, double delay, double jitter, double loss,
            String setup, PrintStream log) {
        String where = server.getHostString() + ":" + server.getPort();
        try {
            RttProbe.Rtt rtt = RttProbe.measure(server, RTT_SAMPLES);
            return new NetworkInfo(profile, delay, jitter, loss, where, setup, rtt.p50Ms(), rtt.minMs(), rtt.maxMs(),
                    rtt.samples());
        } catch (IOException e) {
            log.println("run-bench.sh: could not measure the round trip to the delay server at " + where + ": " + e.getMessage());
            return new NetworkInfo(profile, delay, jitter, loss, where, setup, 0, 0, 0, 0);
        }
    }

    /** The server's address (started here or a remote target), if there is one. */
    Optional<InetSocketAddress> address() {
        return Optional.ofNullable(address);
    }

    /** The fork JVM arguments that give benchmarks the server's address (if a server runs) and where to start their own. */
    List<String> forkArgs() {
        List<String> args = new ArrayList<>();
        if (address != null) {
            args.add("-D" + BenchmarkCatalog.SERVER_PROPERTY + "=" + address.getHostString() + ":" + address.getPort());
        }
        if (!placement.equals(Placement.LOOPBACK)) {
            args.addAll(placement.forkArgs());
        }
        return args;
    }

    /** Where the run's servers go: on loopback, or in the run's network namespace. */
    Placement placement() {
        return placement;
    }

    /** Where the server was and the round trip to it, when one runs. */
    Optional<NetworkInfo> network() {
        return Optional.ofNullable(network);
    }

    /** Stops the server (if this run started one) and waits for its process to end. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
