package dev.concbench.server;

/** A parent JVM for the orphan test: starts a {@link DelayServerProcess}, prints {@code child PID}, waits to be killed. */
public final class DelayServerParentMain {

    private DelayServerParentMain() {
    }

    public static void main(String[] args) throws Exception {
        DelayServerProcess server = DelayServerProcess.start();
        System.out.println("child " + server.pid());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
