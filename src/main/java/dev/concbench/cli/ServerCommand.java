package dev.concbench.cli;

import dev.concbench.server.DelayServer;
import dev.concbench.server.DelayServerMain;
import dev.concbench.server.ServerLimits;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.InetSocketAddress;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code server [--port N] [--host ADDR]}: the delay server in the foreground until Ctrl-C. Prints
 * its address once it accepts connections; a port in use is a usage error (exit 2). Bound to
 * anything but loopback (the other end of {@code run --target HOST:PORT}), it warns once that
 * others can reach it.
 */
final class ServerCommand implements Command {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";

    @Override
    public String name() {
        return "server";
    }

    @Override
    public String usage() {
        return "server [--port N] [--host ADDR]";
    }

    @Override
    public String summary() {
        return "the delay server on 127.0.0.1, until interrupted";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("port").hasArg().argName("N")
                        .desc("TCP port to listen on, 0 for any free one (default " + DEFAULT_PORT + ")").get())
                .addOption(Option.builder().longOpt("host").hasArg().argName("ADDR")
                        .desc("address to bind (default " + DEFAULT_HOST + ")").get());
    }

    @Override
    public int run(CommandLine line) throws InterruptedException {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("server: unexpected argument '" + line.getArgList().getFirst()
                    + "' (usage: " + usage() + ")");
        }
        int port = port(line.getOptionValue("port", Integer.toString(DEFAULT_PORT)));
        String host = line.getOptionValue("host", DEFAULT_HOST);
        InetAddress address = address(host);
        DelayServer server;
        try {
            server = DelayServer.start(new InetSocketAddress(address, port), ServerLimits.DEFAULT);
        } catch (BindException e) {
            boolean inUse = String.valueOf(e.getMessage()).contains("in use");
            throw new UsageException("server: --port " + port + ": " + e.getMessage()
                    + (inUse ? " (choose another with --port N)" : " (check --host " + host + ")"));
        }
        // Ctrl-C runs shutdown hooks: close the server there so every connection and the loop thread end
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("delay server stopped");
        }, "delay-server-stop"));
        InetSocketAddress shown = server.address();
        if (shown.getAddress() != null && shown.getAddress().isAnyLocalAddress()) {
            // a wildcard address is not a place to connect to: show loopback, and say who else can reach it
            System.err.println(Main.PROGRAM + ": server: warning: --host " + host + " listens on every network"
                    + " interface; anyone who can reach this machine can use the server");
            shown = new InetSocketAddress(InetAddress.getLoopbackAddress(), shown.getPort());
        } else if (shown.getAddress() != null && !shown.getAddress().isLoopbackAddress()) {
            // a remote load generator's target (run --target HOST:PORT): reachable beyond this machine
            System.err.println(Main.PROGRAM + ": server: warning: --host " + host + " is not a loopback address;"
                    + " anyone who can reach it can use the server");
        }
        System.out.println(DelayServerMain.readyLine(shown));
        System.out.println("endpoints: /, /delay/{ms}, /status/{code}, /bytes/{n}; Ctrl-C stops");
        System.out.flush();
        server.awaitClosed();
        if (server.failureLine().isPresent()) {
            // serving is over for good: exit non-zero with one line, so a supervisor restarts it
            System.err.println(Main.PROGRAM + ": server: " + server.failureLine().get());
            return 3;
        }
        return 0;
    }

    /**
     * The address {@code --host} names: a literal, or a name resolved once. A dotted-number text
     * that is not an IPv4 literal (e.g. {@code 999.1.1.1.1}) is refused without asking DNS.
     */
    private static InetAddress address(String host) {
        String rule = "server: --host: expected an IP address or a host name of this machine, got '" + host + "'";
        if (host.isBlank() || (host.matches("[0-9.]+") && !IPV4.matcher(host).matches())) {
            throw new UsageException(rule);
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException(rule + " (unknown host)");
        }
    }

    private static final java.util.regex.Pattern IPV4 =
            java.util.regex.Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new UsageException("server: --port must be an integer 0..65535, was '" + value + "'");
    }
}
