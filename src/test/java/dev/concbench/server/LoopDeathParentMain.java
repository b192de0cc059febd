package dev.concbench.server;

import java.net.InetSocketAddress;

/**
 * A delay server process whose loop thread is killed on purpose once it serves: what
 * {@link DelayServerMain} does then (one line, exit {@value DelayServerMain#EXIT_LOOP_DIED}) is
 * what a supervisor sees.
 */
public final class LoopDeathParentMain {

    private LoopDeathParentMain() {
    }

    public static void main(String[] args) throws Exception {
        DelayServer server = DelayServer.start(new InetSocketAddress("127.0.0.1", 0), ServerLimits.DEFAULT);
        DelayServerMain.exitWhenLoopDies(server);
        System.out.println(DelayServerMain.readyLine(server.address()));
        System.out.flush();
        server.loop().execute(() -> {
            throw new OutOfMemoryError("simulated: Java heap space");
        });
        Thread.sleep(60_000);
        System.exit(0); // not reached when the watch works
    }
}
