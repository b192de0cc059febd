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
 * {@code delay ± jitter} (see {@link NetworkProfile}). Unlike netem, jitter never reorders the
 * packets of one flow (a TCP connection: a packet never leaves before the one ahead of it in its
 * flow, which would make TCP retransmit), while packets of different flows keep their own draws: a
 * new connection's SYN does not wait behind the last packets of the one before, which biased every
 * connect upwards by about half the jitter when the order was kept across flows. The relay costs
 * three thread wake-ups per round trip (reading the request, releasing it when due, reading the
 * answer): about 0.3-1.2 ms on the development machine under load (measured with no delay, 0.5 ms
 * and 20 ms), which is why {@code env.json} records the round trip measured, not the configured one.
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
    /** The due time of the last packet of each flow, to keep a flow in order (reader-to-server thread only). */
    private final java.util.Map<Long, Long> lastDue = new java.util.HashMap<>();
    /** How many flows {@link #lastDue} holds before the ones with nothing in flight are dropped. */
    private static final int FLOWS = 4096;
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
                long now = System.nanoTime();
                long due = now + delay + (jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0);
                if (lastDue.size() > FLOWS) {
                    lastDue.values().removeIf(d -> d - now < 0);
                }
                queue.add(new Packet(p, lastDue.merge(flow(p), due, Math::max)));
            }
        }
    }

    /**
     * The flow of an IPv4 packet: its protocol, addresses and, for TCP and UDP, ports. Two flows
     * sharing a key only keep each other in order, which is harmless.
     */
    static long flow(byte[] p) {
        if (p.length < 20 || (p[0] >> 4) != 4) {
            return 0;
        }
        int protocol = p[9] & 0xff;
        long key = ((long) protocol << 56) ^ ((long) word(p, 12) * 31 + word(p, 16)) << 24;
        int ports = (p[0] & 0x0f) * 4;
        if ((protocol == 6 || protocol == 17) && p.length >= ports + 4) {
            key ^= word(p, ports) & 0xffffffffL;
        }
        return key;
    }

    private static int word(byte[] p, int at) {
        return ((p[at] & 0xff) << 24) | ((p[at + 1] & 0xff) << 16) | ((p[at + 2] & 0xff) << 8) | (p[at + 3] & 0xff);
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
