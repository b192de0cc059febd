package dev.concbench.net;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A user-space netem for kernels without {@code sch_netem}: two TUN devices, one on the host side
 * and one moved into the namespace, with this JVM carrying every packet between them. Packets
 * towards the server wait {@code delay ± jitter} (uniform) and are lost with the profile's
 * probability; answers pass at once, so, as with netem on one side, a round trip costs
 * {@code delay ± jitter} (see {@link NetworkProfile}). Unlike netem, jitter never reorders packets
 * (a packet never leaves before the one ahead of it), and the relay adds some tens of microseconds
 * per packet.
 *
 * <p>Threads: one reader per device (each polls its device every 100 ms at most, so it notices
 * {@link #close()}), and one writer that releases delayed packets when due. Lifecycle:
 * {@link #start} runs them; {@link #close()} stops them, waits for them and closes both devices,
 * which removes them. The devices also vanish if this process dies.
 */
final class DelayLine implements AutoCloseable {

    private static final int POLL_MS = 100;

    private record Packet(byte[] bytes, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(dueNanos, ((Packet) o).dueNanos);
        }
    }

    private final TunDevice host;
    private final TunDevice server;
    private final NetworkProfile profile;
    private final DelayQueue<Packet> queue = new DelayQueue<>();
    private volatile boolean running = true;
    private long lastDue;   // reader-to-server thread only
    private final Thread toServer;
    private final Thread toHost;
    private final Thread writer;

    private DelayLine(TunDevice host, TunDevice server, NetworkProfile profile) {
        this.host = host;
        this.server = server;
        this.profile = profile;
        this.toServer = Thread.ofPlatform().daemon().name("delay-line-to-" + server.name()).unstarted(this::carryToServer);
        this.toHost = Thread.ofPlatform().daemon().name("delay-line-to-" + host.name()).unstarted(this::carryToHost);
        this.writer = Thread.ofPlatform().daemon().name("delay-line-release-" + server.name()).unstarted(this::release);
    }

    /** Starts carrying packets between {@code host} and {@code server}; owns both devices from now on. */
    static DelayLine start(TunDevice host, TunDevice server, NetworkProfile profile) {
        DelayLine line = new DelayLine(host, server, profile);
        line.toServer.start();
        line.toHost.start();
        line.writer.start();
        return line;
    }

    private void carryToServer() {
        long delay = (long) (profile.delayMs() * 1e6);
        long jitter = (long) (profile.jitterMs() * 1e6);
        double loss = profile.lossPercent() / 100;
        while (running) {
            if (!host.poll(POLL_MS)) {
                continue;
            }
            for (byte[] p = host.read(); p != null; p = host.read()) {
                if (loss > 0 && ThreadLocalRandom.current().nextDouble() < loss) {
                    continue;
                }
                long due = System.nanoTime() + delay + (jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0);
                lastDue = Math.max(due, lastDue);
                queue.add(new Packet(p, lastDue));
            }
        }
    }

    private void carryToHost() {
        while (running) {
            if (!server.poll(POLL_MS)) {
                continue;
            }
            for (byte[] p = server.read(); p != null; p = server.read()) {
                host.write(p);
            }
        }
    }

    private void release() {
        try {
            while (running) {
                server.write(queue.take().bytes());
            }
        } catch (InterruptedException e) {
            // close(): stop
        }
    }

    /** Stops the threads, then closes both devices (which removes them). Idempotent. */
    @Override
    public synchronized void close() {
        if (!running && !writer.isAlive()) {
            return;
        }
        running = false;
        writer.interrupt();
        for (Thread t : new Thread[] {toServer, toHost, writer}) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        host.close();
        server.close();
    }
}
