package dev.concbench.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network namespace of this run's own, joined to the host by a veth pair, with {@code tc netem}
 * on the link when the profile shapes it. The server side runs inside it ({@link #launcher()}) and
 * is reached at {@link #serverHost()}.
 *
 * <p>Names carry this process's pid: namespace {@code concbench-PID-N}, host-side link
 * {@code cbPID-Nh} (the namespace side is {@code cbPID-Ns}). Addresses are a /30 of the link-local
 * range 169.254.0.0/16 that no interface of the host uses yet (the block holding 169.254.169.254,
 * the cloud metadata address, is never taken), so the pair's route covers the pair only.
 * Netem shapes the host side's egress, towards the server: see {@link NetworkProfile} for why one
 * side carries the whole round trip. On a kernel built without the netem qdisc ({@code sch_netem}),
 * the pair is two TUN devices with a user-space {@link DelayLine} in this JVM doing netem's job on
 * the same side; {@link #shaping()} says which.
 *
 * <p>Lifecycle: {@link #open} creates everything or, failing part-way, removes what it made and
 * throws; {@link #close()} removes the link and the namespace (idempotent). Until then a shutdown
 * hook does the same, so Ctrl-C (SIGINT) and SIGTERM leave nothing; after a SIGKILL,
 * {@link #removeStale()} on the next run removes the namespaces and links of pids that are gone.
 * Deleting the host-side veth deletes its peer, and deleting the namespace's name lets the kernel
 * drop it once the last process inside it (the server) exits, so removal never waits for the server.
 * Thread-safe.
 */
public final class NetnsLink implements AutoCloseable {

    /** What every namespace this program makes is named with. */
    public static final String PREFIX = "concbench-";
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-(\\d+)");
    private static final Pattern OUR_LINK = Pattern.compile("cb(\\d+)-(\\d+)h");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String name;
    private final String hostLink;
    private final String hostAddress;
    private final String serverAddress;
    private final NetworkProfile profile;
    private final Thread hook;
    private boolean closed;
    private volatile String shaping = "not set up";
    private volatile DelayLine delayLine;

    private NetnsLink(String name, String hostLink, String[] addresses, NetworkProfile profile) {
        this.name = name;
        this.hostLink = hostLink;
        this.hostAddress = addresses[0];
        this.serverAddress = addresses[1];
        this.profile = profile;
        this.hook = new Thread(this::remove, "concbench-netns-cleanup");
    }

    /**
     * What this process lacks to open a link, as one line (e.g. {@code "iproute2's tc
     * (apt-get install iproute2)"}), or empty when it has everything. Cheap: no namespace is made.
     */
    public static Optional<String> missing() {
        return IpTool.missing();
    }

    /**
     * Creates a namespace, a veth pair to it with addresses and, when {@code profile} shapes the
     * link, netem on it.
     *
     * @throws NetworkException when a tool or privilege is missing, or a step fails (e.g. a kernel
     *                          without the netem qdisc); nothing it made is left behind
     */
    public static NetnsLink open(NetworkProfile profile) throws NetworkException {
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            throw new NetworkException("a network namespace needs " + missing.get());
        }
        long pid = ProcessHandle.current().pid();
        int n = SEQUENCE.getAndIncrement();
        String ns = PREFIX + pid + "-" + n;
        String host = "cb" + pid + "-" + n + "h";
        String peer = "cb" + pid + "-" + n + "s";
        NetnsLink link = new NetnsLink(ns, host, LinkAddresses.freeBlock(IpTool.run(List.of("ip", "-4", "-o", "addr", "show")), pid + n),
                profile);
        Runtime.getRuntime().addShutdownHook(link.hook);
        try {
            IpTool.run(List.of("ip", "netns", "add", ns));
            link.veth(peer);
            if (profile.shapes()) {
                List<String> tc = new ArrayList<>(List.of("tc", "qdisc", "add", "dev", host, "root", "netem"));
                tc.addAll(profile.netemArgs());
                try {
                    IpTool.run(tc);
                    link.shaping = "netem " + String.join(" ", profile.netemArgs()) + " on " + host;
                } catch (NetworkException e) {
                    if (!e.getMessage().contains("qdisc kind is unknown")) {
                        throw e;
                    }
                    // this kernel was built without sch_netem: carry the link in user space instead
                    IpTool.run(List.of("ip", "link", "del", host));
                    link.tunPair(peer);
                }
            }
            return link;
        } catch (NetworkException | RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /** A veth pair, the peer in the namespace, both ends addressed and up. */
    private void veth(String peer) throws NetworkException {
        IpTool.run(List.of("ip", "link", "add", hostLink, "type", "veth", "peer", "name", peer, "netns", name));
        IpTool.run(List.of("ip", "addr", "add", hostAddress + "/30", "dev", hostLink));
        IpTool.run(List.of("ip", "-n", name, "addr", "add", serverAddress + "/30", "dev", peer));
        up(peer);
        shaping = "no shaping";
    }

    /** Two TUN devices, one moved into the namespace, joined by a {@link DelayLine} in this JVM. */
    private void tunPair(String peer) throws NetworkException {
        TunDevice h = TunDevice.create(hostLink);
        TunDevice s;
        try {
            s = TunDevice.create(peer);
        } catch (NetworkException | RuntimeException e) {
            h.close();
            throw e;
        }
        delayLine = DelayLine.start(h, s, profile);
        IpTool.run(List.of("ip", "link", "set", peer, "netns", name));
        IpTool.run(List.of("ip", "addr", "add", hostAddress, "peer", serverAddress, "dev", hostLink));
        IpTool.run(List.of("ip", "-n", name, "addr", "add", serverAddress, "peer", hostAddress, "dev", peer));
        up(peer);
        shaping = "user-space delay line over TUN devices " + hostLink + "/" + peer + " (this kernel has no netem qdisc), "
                + profile.describe();
    }

    private void up(String peer) throws NetworkException {
        IpTool.run(List.of("ip", "-n", name, "link", "set", "lo", "up"));
        IpTool.run(List.of("ip", "-n", name, "link", "set", peer, "up"));
        IpTool.run(List.of("ip", "link", "set", hostLink, "up"));
    }

    /**
     * How the link is shaped, e.g. {@code netem delay 20.000ms 2.000ms limit 100000 on cb42-0h}, or
     * a user-space delay line where the kernel has no netem, or {@code no shaping}.
     */
    public String shaping() {
        return shaping;
    }

    /** The namespace's name, e.g. {@code concbench-4242-0}. */
    public String name() {
        return name;
    }

    /** The host side's link name, e.g. {@code cb4242-0h}. */
    public String hostLink() {
        return hostLink;
    }

    /** The address the server binds inside the namespace, and the host connects to. */
    public String serverHost() {
        return serverAddress;
    }

    /** The host side's address on the pair. */
    public String hostAddress() {
        return hostAddress;
    }

    /** The profile shaping the link. */
    public NetworkProfile profile() {
        return profile;
    }

    /** The command prefix that runs a program inside the namespace: {@code ip netns exec NAME}. */
    public List<String> launcher() {
        return List.of("ip", "netns", "exec", name);
    }

    /** Removes the link and the namespace; idempotent. */
    @Override
    public void close() {
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook ran or runs remove(), which is idempotent
        }
    }

    private synchronized void remove() {
        if (closed) {
            return;
        }
        closed = true;
        if (delayLine != null) {
            delayLine.close();
        }
        IpTool.tryRun(List.of("ip", "link", "del", hostLink));
        IpTool.tryRun(List.of("ip", "netns", "del", name));
    }

    /** The names of every namespace of ours that exists now (any pid). */
    public static List<String> namespaces() {
        return ours(IpTool.tryOutput(List.of("ip", "netns", "list")), OURS);
    }

    /** The names of every host-side link of ours that exists now (any pid). */
    public static List<String> links() {
        return ours(IpTool.tryOutput(List.of("ip", "-o", "link", "show")), OUR_LINK);
    }

    /**
     * Removes the namespaces and links left by runs whose process is gone (killed with SIGKILL, or
     * a crashed JVM): one line per thing removed, or per thing that could not be.
     */
    public static List<String> removeStale() {
        List<String> lines = new ArrayList<>();
        for (String link : links()) {
            if (dead(link, OUR_LINK)) {
                boolean ok = IpTool.tryRun(List.of("ip", "link", "del", link));
                lines.add((ok ? "removed stale link " : "could not remove stale link ") + link);
            }
        }
        for (String ns : namespaces()) {
            if (dead(ns, OURS)) {
                boolean ok = IpTool.tryRun(List.of("ip", "netns", "del", ns));
                lines.add((ok ? "removed stale network namespace " : "could not remove stale network namespace ") + ns
                        + (ok ? "" : " (remove it with: ip netns del " + ns + ")"));
            }
        }
        return lines;
    }

    private static boolean dead(String name, Pattern pattern) {
        Matcher m = pattern.matcher(name);
        return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
    }

    private static List<String> ours(String listing, Pattern pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w-])" + pattern.pattern() + "(?![\\w-])").matcher(listing);
        while (m.find()) {
            if (!names.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }
}
