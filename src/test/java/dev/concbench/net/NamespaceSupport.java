package dev.concbench.net;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the namespace tests run here. The decision is made from the privilege and the tools only
 * (root or CAP_NET_ADMIN in the effective set, iproute2, a kernel with network namespaces and a way
 * to shape a link: {@code /dev/net/tun} or the netem qdisc), never by trying the feature: a broken
 * {@link NetnsLink#open} must fail these tests, not skip them. Under {@code CI=true} as root they
 * always run. Otherwise a missing prerequisite skips them loudly, with the reason on stderr and in
 * JUnit's skip message.
 */
public final class NamespaceSupport {

    private NamespaceSupport() {
    }

    /** Skips the calling test, loudly, when this process may not make namespaces. */
    public static void assumeNamespaces() {
        Optional<String> missing = decide("true".equalsIgnoreCase(System.getenv("CI")), isRoot(), NetnsLink.missing(),
                Files.exists(Path.of("/proc/self/ns/net")), Files.exists(Path.of("/dev/net/tun")) || netemModule());
        if (missing.isPresent()) {
            String text = "SKIPPED: network namespace tests need " + missing.get();
            System.err.println(text);
            Assumptions.assumeTrue(false, text);
        }
    }

    /**
     * What keeps the namespace tests from running, or empty when they run.
     *
     * @param ci       CI=true: as root the tests run whatever else is missing (they then fail, loudly)
     * @param root     uid 0
     * @param tools    what {@link NetnsLink#missing()} says (iproute2, root or CAP_NET_ADMIN)
     * @param netns    the kernel has network namespaces ({@code /proc/self/ns/net})
     * @param shaping  {@code /dev/net/tun} or the netem qdisc's module is there
     */
    static Optional<String> decide(boolean ci, boolean root, Optional<String> tools, boolean netns, boolean shaping) {
        if (ci && root) {
            return Optional.empty();
        }
        if (tools.isPresent()) {
            return tools;
        }
        if (!netns) {
            return Optional.of("a kernel with network namespaces (no /proc/self/ns/net)");
        }
        if (!shaping) {
            return Optional.of("a way to shape a link: /dev/net/tun or the netem qdisc (sch_netem)");
        }
        return Optional.empty();
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean netemModule() {
        String release = System.getProperty("os.version");
        return Files.exists(Path.of("/sys/module/sch_netem"))
                || Files.exists(Path.of("/lib/modules", release, "kernel/net/sched/sch_netem.ko"))
                || Files.exists(Path.of("/lib/modules", release, "kernel/net/sched/sch_netem.ko.zst"))
                || Files.exists(Path.of("/lib/modules", release, "kernel/net/sched/sch_netem.ko.xz"));
    }
}
