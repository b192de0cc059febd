package dev.concbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.server.DelayServerProcess;
import dev.concbench.server.DelayServerProcess.Placement;
import dev.concbench.server.ServerImpl;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real namespace pair with a shaped link (netem, or the user-space delay line where the kernel
 * has no netem): the round trip measured through it carries the configured delay, and nothing of
 * it is left once it is closed, or once the process that made it was killed (the next run's
 * {@link NetnsLink#removeStale()}). Runs as root (CI); skipped loudly otherwise.
 */
class NetnsLinkTest {

    /**
     * A round trip's upper bound as a multiple of the delay: a large delay (200 ms) makes the relay's
     * own cost and a loaded machine's wake-ups small beside it, while a link that delayed both
     * directions (2x, at least 380 ms) is still well above it.
     */
    private static final double MAX_FACTOR = 1.5;

    @BeforeEach
    void namespacesAllowed() {
        NamespaceSupport.assumeNamespaces();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theRoundTripToAServerInTheNamespaceCarriesTheConfiguredDelay() throws Exception {
        NetworkProfile profile = new NetworkProfile("custom", 200, 10, 0);
        String name;
        String hostLink;
        try (NetnsLink link = NetnsLink.open(profile)) {
            name = link.name();
            hostLink = link.hostLink();
            System.err.println("NetnsLinkTest: " + link.name() + " shaped by " + link.shaping());
            assertTrue(NetnsLink.namespaces().contains(name), NetnsLink.namespaces().toString());
            try (DelayServerProcess server = DelayServerProcess.start(ServerImpl.LOOP, List.of(),
                    new Placement(link.launcher(), link.serverHost()))) {
                assertEquals(link.serverHost(), server.address().getHostString());
                RttProbe.Rtt rtt = RttProbe.measure(server.address(), 15);
                assertTrue(rtt.minMs() >= profile.delayMs() - profile.jitterMs(), "every connect crosses the shaped side: " + rtt);
                assertTrue(rtt.p50Ms() < MAX_FACTOR * profile.delayMs(), "one direction only carries the delay: " + rtt);
                // what runs there is our delay server, reached through the link
                TargetCheck.verify(server.address().getHostString() + ":" + server.address().getPort());
            }
        }
        assertFalse(NetnsLink.namespaces().contains(name), "the namespace is gone: " + NetnsLink.namespaces());
        assertFalse(NetnsLink.links().contains(hostLink), "the link is gone: " + NetnsLink.links());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anUnshapedPairIsAPlainVethAndLeavesNothing() throws Exception {
        NetnsLink link = NetnsLink.open(new NetworkProfile("custom", 0, 0, 0));
        assertEquals("no shaping", link.shaping());
        assertTrue(NetnsLink.links().contains(link.hostLink()));
        link.close();
        link.close();
        assertFalse(NetnsLink.namespaces().contains(link.name()));
        assertFalse(NetnsLink.links().contains(link.hostLink()));
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theNamespaceOfAKilledProcessIsRemovedByTheNextOne() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), LinkHolder.class.getName())
                .redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
            assertTrue(line != null && line.startsWith("open "), "the holder opened a link: " + line);
            String name = line.substring("open ".length());
            holder.destroyForcibly();   // SIGKILL: no hook runs
            assertTrue(holder.waitFor(20, TimeUnit.SECONDS));
            assertTrue(NetnsLink.namespaces().contains(name), "a SIGKILL leaves the namespace: " + NetnsLink.namespaces());
            List<String> removed = NetnsLink.removeStale();
            assertTrue(removed.stream().anyMatch(l -> l.contains(name)), removed.toString());
            assertFalse(NetnsLink.namespaces().contains(name), NetnsLink.namespaces().toString());
            assertTrue(NetnsLink.links().stream().noneMatch(l -> l.startsWith("cb" + holder.pid() + "-")), NetnsLink.links().toString());
        } finally {
            holder.destroyForcibly();
        }
    }

    /** A process that opens a shaped link, says its namespace's name and waits to be killed. */
    public static final class LinkHolder {
        public static void main(String[] args) throws Exception {
            NetnsLink link = NetnsLink.open(new NetworkProfile("custom", 5, 0, 0));
            System.out.println("open " + link.name());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aNamespaceWhosePidNowBelongsToAnotherProcessIsStale() throws Exception {
        // this process is alive, but it did not start at tick 1: its pid was reused
        long pid = ProcessHandle.current().pid();
        String reused = NetnsLink.PREFIX + pid + "-1-9998";
        String reusedLink = "cb" + pid + "-9998h";
        String orphan = "cb" + pid + "-9999h";   // a link with no namespace at all
        try {
            IpTool.run(List.of("ip", "netns", "add", reused));
            IpTool.run(List.of("ip", "link", "add", reusedLink, "type", "veth", "peer", "name", "cb" + pid + "-9998s",
                    "netns", reused));
            IpTool.run(List.of("ip", "link", "add", orphan, "type", "veth", "peer", "name", "cb" + pid + "-9999s"));
            List<String> removed = NetnsLink.removeStale();
            assertFalse(NetnsLink.namespaces().contains(reused), removed.toString());
            assertFalse(NetnsLink.links().contains(reusedLink), removed.toString());
            assertFalse(NetnsLink.links().contains(orphan), removed.toString());
        } finally {
            IpTool.tryRun(List.of("ip", "link", "del", reusedLink));
            IpTool.tryRun(List.of("ip", "link", "del", orphan));
            IpTool.tryRun(List.of("ip", "netns", "del", reused));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCleanupThatStartsDuringSetupWaitsForItAndLeavesNothing() throws Exception {
        Thread[] cleanup = new Thread[1];
        // as a Ctrl-C's shutdown hook would: the removal starts before anything is made
        NetnsLink link = NetnsLink.open(new NetworkProfile("custom", 0, 0, 0), l -> {
            cleanup[0] = Thread.ofPlatform().start(l::close);
            try {
                cleanup[0].join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        cleanup[0].join();
        assertFalse(NetnsLink.namespaces().contains(link.name()), "the namespace is gone: " + NetnsLink.namespaces());
        assertFalse(NetnsLink.links().contains(link.hostLink()), "the link is gone: " + NetnsLink.links());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void removingStaleLeavesLiveRunsAlone() throws Exception {
        try (NetnsLink mine = NetnsLink.open(new NetworkProfile("custom", 0, 0, 0))) {
            NetnsLink.removeStale();
            assertTrue(NetnsLink.namespaces().contains(mine.name()), "this process is alive: its namespace stays");
        }
    }
}
