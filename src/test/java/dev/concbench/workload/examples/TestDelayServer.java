package dev.concbench.workload.examples;

import dev.concbench.server.DelayServer;
import dev.concbench.server.ServerLimits;
import java.net.InetSocketAddress;

/** The tests' {@link HttpServerStarter}: a delay server on 127.0.0.1, as the CLI gives the scraper. */
public final class TestDelayServer {

    public static final HttpServerStarter STARTER = () -> {
        DelayServer server = DelayServer.start(new InetSocketAddress("127.0.0.1", 0), ServerLimits.DEFAULT);
        return new HttpServerStarter.Running(server.address(), server::close);
    };

    private TestDelayServer() {
    }
}
