package dev.concbench.cli;

import dev.concbench.net.NetnsLink;
import dev.concbench.net.NetworkException;
import dev.concbench.net.NetworkProfile;
import dev.concbench.net.ServerSite;
import dev.concbench.net.TargetCheck;
import java.io.PrintStream;
import java.util.OptionalDouble;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code --network lan|wan|lossy} (with {@code --network-delay}, {@code --network-jitter},
 * {@code --network-loss}) and {@code --target HOST:PORT}: the flags that say where a run's delay
 * server is, turned into one {@link ServerSite}. Every problem (a bad value, both flags, a missing
 * tool or privilege, a kernel without netem, a target that does not answer like our server) is
 * one line and exit 2, before any benchmark runs.
 */
final class NetworkFlags {

    private NetworkFlags() {
    }

    /** Adds the flags to {@code options}. */
    static Options addTo(Options options) {
        return options
                .addOption(Option.builder().longOpt("network").hasArg().argName("PROFILE")
                        .desc("put the delay server in a network namespace of its own behind a veth pair with tc netem:"
                                + " lan (0.5 ms round trip), wan (20 ms, 2 ms jitter) or lossy (20 ms, 1% loss);"
                                + " needs root or CAP_NET_ADMIN and iproute2").get())
                .addOption(Option.builder().longOpt("network-delay").hasArg().argName("MS")
                        .desc("with --network: the round trip the link adds, in ms").get())
                .addOption(Option.builder().longOpt("network-jitter").hasArg().argName("MS")
                        .desc("with --network: the round trip's jitter, in ms (at most the delay)").get())
                .addOption(Option.builder().longOpt("network-loss").hasArg().argName("PCT")
                        .desc("with --network: packets lost per round trip, in percent (0-100)").get())
                .addOption(Option.builder().longOpt("target").hasArg().argName("HOST:PORT")
                        .desc("use the delay server running at HOST:PORT (./run-bench.sh server --host 0.0.0.0 --port N"
                                + " there) instead of starting one").get());
    }

    /**
     * What the flags ask for, checked but not made: a profile (with {@code --network}), a
     * {@code HOST:PORT} (with {@code --target}), or neither (loopback).
     */
    record Request(String command, String network, NetworkProfile profile, String target) {
    }

    /**
     * Checks the flags of {@code line} without making anything: a bad value, both flags, an
     * override without {@code --network}, a missing tool or privilege for {@code --network}. Callers
     * check every flag this way before they write anything (a history database, a results folder).
     *
     * @param command the command's name, for messages
     * @throws UsageException for any problem, as one line
     */
    static Request check(String command, CommandLine line) {
        OptionalDouble delay = number(command, line, "network-delay");
        OptionalDouble jitter = number(command, line, "network-jitter");
        OptionalDouble loss = number(command, line, "network-loss");
        boolean overrides = delay.isPresent() || jitter.isPresent() || loss.isPresent();
        if (line.hasOption("target")) {
            if (line.hasOption("network") || overrides) {
                throw new UsageException(command + ": --target and --network" + (line.hasOption("network") ? "" : "-*")
                        + " exclude each other (the network of a remote target is the real one)");
            }
            return new Request(command, null, null, line.getOptionValue("target"));
        }
        if (!line.hasOption("network")) {
            if (overrides) {
                throw new UsageException(command + ": --network-delay/--network-jitter/--network-loss need --network lan|wan|lossy");
            }
            return new Request(command, null, null, null);
        }
        String name = line.getOptionValue("network");
        NetworkProfile profile;
        try {
            profile = NetworkProfile.named(name);
        } catch (NetworkException e) {
            throw new UsageException(command + ": --network: " + e.getMessage());
        }
        try {
            profile = profile.with(delay, jitter, loss);
        } catch (NetworkException e) {
            throw new UsageException(command + ": " + flagOf(e.getMessage()) + ": " + e.getMessage());
        }
        NetnsLink.missing().ifPresent(m -> {
            throw new UsageException(command + ": --network " + name + " needs " + m);
        });
        return new Request(command, name, profile, null);
    }

    /**
     * The site {@code request} asks for, opened: a namespace is created, a target is checked;
     * first, namespaces and links of killed runs are removed, each said on {@code log}.
     *
     * @throws UsageException when the target does not answer like our server or the namespace cannot be made
     */
    static ServerSite open(Request request, PrintStream log) {
        String command = request.command();
        removeStale(log);
        if (request.target() != null) {
            try {
                return new ServerSite.Remote(TargetCheck.verify(request.target()));
            } catch (NetworkException e) {
                throw new UsageException(command + ": --target " + e.getMessage());
            }
        }
        if (request.profile() == null) {
            return new ServerSite.Loopback();
        }
        try {
            NetnsLink link = NetnsLink.open(request.profile());
            log.println("run-bench.sh: network " + request.profile().describe() + "; server in namespace " + link.name()
                    + " at " + link.serverHost());
            return new ServerSite.Namespace(link);
        } catch (NetworkException e) {
            throw new UsageException(command + ": --network " + request.network() + ": " + e.getMessage());
        }
    }

    /**
     * A run killed with SIGKILL could not remove its namespace: whatever this run asks for, it
     * removes those of dead runs, one line each, once its flags are known to be good and when it
     * may (a process without CAP_NET_ADMIN could remove nothing; its --network is refused anyway).
     */
    private static void removeStale(PrintStream log) {
        if (NetnsLink.missing().isEmpty()) {
            NetnsLink.removeStale().forEach(l -> log.println("run-bench.sh: " + l));
        }
    }

    /** The flag a profile's range message is about ("the jitter must be ..." is --network-jitter's). */
    private static String flagOf(String message) {
        for (String what : new String[] {"delay", "jitter", "loss"}) {
            if (message.startsWith("the " + what)) {
                return "--network-" + what;
            }
        }
        return "--network";
    }

    private static OptionalDouble number(String command, CommandLine line, String flag) {
        String v = line.getOptionValue(flag);
        if (v == null) {
            return OptionalDouble.empty();
        }
        String digits = v.strip().replaceFirst("(ms|%)$", "");
        try {
            double d = Double.parseDouble(digits);
            if (Double.isFinite(d)) {
                return OptionalDouble.of(d);
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new UsageException(command + ": --" + flag + ": expected a number, was '" + v + "'");
    }
}
