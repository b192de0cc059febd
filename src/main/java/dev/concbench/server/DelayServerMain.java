package dev.concbench.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The entry point of the delay server's child JVM ({@link DelayServerProcess}):
 * {@code DelayServerMain [--host H] [--port N] [--impl loop|netty] [--exit-on-stdin-eof]}. Prints exactly one line to
 * stdout, {@value #READY_PREFIX}{@code http://HOST:PORT}, once it accepts connections. With
 * {@value #EXIT_ON_STDIN_EOF} it exits when its stdin closes, which is how it dies with its parent.
 * Exit codes: 0 stopped, 2 bad arguments or the address cannot be bound.
 */
public final class DelayServerMain {

    /** The exit code when the loop thread died: the server could not go on serving. */
    public static final int EXIT_LOOP_DIED = 3;

    /** The flag that makes the server exit when its stdin reaches end-of-file. */
    public static final String EXIT_ON_STDIN_EOF = "--exit-on-stdin-eof";
    /** What the server answers to {@code GET /}: how a client tells our delay server from anything else. */
    public static final String BANNER = "concbench delay server";
    /** What the ready line starts with; the address follows. */
    public static final String READY_PREFIX = "concbench delay server listening on ";

    private DelayServerMain() {
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 0;
        boolean exitOnEof = false;
        ServerImpl impl = ServerImpl.LOOP;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--impl" -> {
                    try {
                        impl = ServerImpl.of(args[++i]);
                    } catch (IllegalArgumentException e) {
                        System.err.println("DelayServerMain: --impl: " + e.getMessage());
                        System.exit(2);
                    }
                }
                case EXIT_ON_STDIN_EOF -> exitOnEof = true;
                default -> {
                    System.err.println("DelayServerMain: unknown argument '" + args[i] + "'");
                    System.exit(2);
                }
            }
        }
        HttpServerHandle server;
        try {
            server = impl.start(new InetSocketAddress(host, port), ServerLimits.DEFAULT);
        } catch (BindException e) {
            System.err.println("DelayServerMain: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(readyLine(server.address()));
        System.out.flush();
        exitWhenLoopDies(server);
        if (exitOnEof) {
            while (System.in.read() >= 0) {
                // the parent never writes; any byte is ignored until end-of-file
            }
            server.close();
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "delay-server-stop"));
            server.awaitClosed();
        }
    }

    /** A server whose loop thread died serves no more: say why in one line and exit, so the parent notices. */
    static void exitWhenLoopDies(HttpServerHandle server) {
        Thread.ofPlatform().daemon().name("delay-server-loop-watch").start(() -> {
            try {
                server.awaitClosed();
            } catch (InterruptedException e) {
                return;
            }
            server.failureLine().ifPresent(line -> {
                System.err.println("DelayServerMain: " + line);
                Runtime.getRuntime().halt(EXIT_LOOP_DIED);
            });
        });
    }

    /** The line printed once the server accepts connections. */
    public static String readyLine(InetSocketAddress address) {
        return READY_PREFIX + "http://" + address.getHostString() + ":" + address.getPort();
    }

    /** The address in a {@link #readyLine}. */
    static InetSocketAddress parseAddressLine(String line) throws IOException {
        if (!line.startsWith(READY_PREFIX)) {
            throw new IOException("delay server child printed '" + line + "', expected '" + READY_PREFIX + "http://HOST:PORT'");
        }
        URI uri = URI.create(line.substring(READY_PREFIX.length()).trim());
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }
}
