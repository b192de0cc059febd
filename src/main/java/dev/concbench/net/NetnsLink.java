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
 * <p>Names carry this process's pid and start time (field 22 of {@code /proc/PID/stat}, clock ticks
 * since boot): namespace {@code concbench-PID-START-N}, host-side link {@code cbPID-Nh} (the
 * namespace side is {@code cbPID-Ns}; a link name has no room for the start time, at most 15
 * characters, so a link goes with its namespace). Addresses are a /30 of the link-local
 * range 169.254.0.0/16 that no interface address and no route of the host falls in, outside the
 * blocks clouds use ({@link LinkAddresses}), so the pair's route covers the pair only.
 * Netem shapes the host side's egress, towards the server: see {@link NetworkProfile} for why one
 * side carries the whole round trip. On a kernel built without the netem qdisc ({@code sch_netem}),
 * the pair is two TUN devices with a user-space {@link DelayLine} in this JVM doing netem's job on
 * the same side; {@link #shaping()} says which.
 *
 * <p>Lifecycle: {@link #open} creates everything or, failing part-way, removes what it made and
 * throws; {@link #close()} removes the link and the namespace (idempotent). Until then a shutdown
 * hook does the same, so Ctrl-C (SIGINT) and SIGTERM leave nothing; setup and removal exclude each
 * other, so a signal during setup removes everything once the step under way is done. After a
 * SIGKILL, {@link #removeStale()} on the next run removes the namespaces of processes that are gone
 * (a pid now used by another process does not count: its start time differs) and their links.
 * Deleting the host-side veth deletes its peer, and deleting the namespace's name lets the kernel
 * drop it once the last process inside it (the server) exits, so removal never waits for the server.
 * Thread-safe.
 */
public final class NetnsLink implements AutoCloseable {

    /** What every namespace this program makes is named with. */
    public static final String PREFIX = "concbench-";
    /** {@code concbench-PID-START-N}; {@code concbench-PID-N} (no start time) is an earlier version's. */
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-(?:(\\d+)-)?(\\d+)");
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
        return open(profile, link -> { });
    }

    /**
     * {@link #open(NetworkProfile)}, running {@code onStart} once the shutdown hook is in place and
     * before anything is made: tests use it to stop a setup mid-way, as a signal would.
     */
    static NetnsLink open(NetworkProfile profile, java.util.function.Consumer<NetnsLink> onStart) throws NetworkException {
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            throw new NetworkException("a network namespace needs " + missing.get());
        }
        long pid = ProcessHandle.current().pid();
        int n = SEQUENCE.getAndIncrement();
        String ns = PREFIX + pid + "-" + startTicks(pid).orElse(0) + "-" + n;
        String host = "cb" + pid + "-" + n + "h";
        String peer = "cb" + pid + "-" + n + "s";
        NetnsLink link = new NetnsLink(ns, host, LinkAddresses.freeBlock(IpTool.run(List.of("ip", "-4", "-o", "addr", "show")),
                IpTool.run(List.of("ip", "-4", "route", "show", "table", "all")), pid + n),
                profile);
        // setup holds the lock remove() takes: a shutdown hook (Ctrl-C during setup) waits for it,
        // then removes everything, instead of removing half a setup that then goes on
        synchronized (link) {
            try {
                Runtime.getRuntime().addShutdownHook(link.hook);
                onStart.accept(link);
                link.setUp(peer);
                return link;
            } catch (NetworkException | RuntimeException e) {
                link.close();
                throw e;
            }
        }
    }

    /** The namespace, the veth pair and, when the profile shapes the link, netem or the TUN fallback. */
    private void setUp(String peer) throws NetworkException {
        IpTool.run(List.of("ip", "netns", "add", name));
        veth(peer);
        if (!profile.shapes()) {
            return;
        }
        List<String> tc = new ArrayList<>(List.of("tc", "qdisc", "add", "dev", hostLink, "root", "netem"));
        tc.addAll(profile.netemArgs());
        try {
            IpTool.run(tc);
            shaping = "netem " + String.join(" ", profile.netemArgs()) + " on " + hostLink;
        } catch (NetworkException e) {
            if (!e.getMessage().contains("qdisc kind is unknown")) {
                throw e;
            }
            // this kernel was built without sch_netem: carry the link in user space instead
            IpTool.run(List.of("ip", "link", "del", hostLink));
            tunPair(peer);
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
     * Removes the namespaces left by runs whose process is gone (killed with SIGKILL, or a crashed
     * JVM), and the links that go with them or with no namespace at all: one line per thing
     * removed, or per thing that could not be. A namespace whose pid now belongs to a process that
     * started after it is gone too (its name's start time differs).
     */
    public static List<String> removeStale() {
        List<String> lines = new ArrayList<>();
        // links first: a run makes its namespace before its link, so a link listed here whose
        // namespace the next listing lacks has none (or lost it since, and is going)
        List<String> links = links();
        List<String> namespaces = namespaces();
        for (String link : links) {
            Matcher m = OUR_LINK.matcher(link);
            if (!m.matches()) {
                continue;
            }
            boolean owned = namespaces.stream().map(OURS::matcher).anyMatch(ns -> ns.matches()
                    && ns.group(1).equals(m.group(1)) && ns.group(3).equals(m.group(2)) && !stale(ns));
            if (!owned) {
                boolean ok = IpTool.tryRun(List.of("ip", "link", "del", link));
                if (ok || links().contains(link)) {
                    lines.add((ok ? "removed stale link " : "could not remove stale link ") + link);
                }
            }
        }
        for (String ns : namespaces) {
            Matcher m = OURS.matcher(ns);
            if (m.matches() && stale(m)) {
                boolean ok = IpTool.tryRun(List.of("ip", "netns", "del", ns));
                lines.add((ok ? "removed stale network namespace " : "could not remove stale network namespace ") + ns
                        + (ok ? "" : " (remove it with: ip netns del " + ns + ")"));
            }
        }
        return lines;
    }

    /** Whether the process a namespace name names is gone, or its pid now belongs to a later process. */
    private static boolean stale(Matcher ns) {
        long pid = Long.parseLong(ns.group(1));
        if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
            return true;
        }
        return ns.group(2) != null && !ns.group(2).equals(Long.toString(startTicks(pid).orElse(-1)));
    }

    /** Field 22 of {@code /proc/PID/stat}: when the process started, in clock ticks since boot. */
    static java.util.OptionalLong startTicks(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            // field 2 (the command) is in parentheses and may hold spaces: count from after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return java.util.OptionalLong.of(Long.parseLong(fields[22 - 3]));
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
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
