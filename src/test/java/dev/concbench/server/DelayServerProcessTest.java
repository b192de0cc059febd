package dev.concbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The delay server in a real child JVM: it serves, stops on close(), and never outlives its parent. */
class DelayServerProcessTest {

    @Test
    @Timeout(30)
    void servesFromAChildProcessAndStopsOnClose() throws Exception {
        DelayServerProcess server = DelayServerProcess.start();
        try (server; RawClient client = new RawClient(server.address())) {
            assertNotEquals(ProcessHandle.current().pid(), server.pid());
            assertEquals("127.0.0.1", server.address().getHostString());
            assertEquals(200, client.get("/delay/10").status());
        }
        assertFalse(server.isAlive(), "child still running after close()");
        assertTrue(ProcessHandle.of(server.pid()).isEmpty() || !ProcessHandle.of(server.pid()).get().isAlive());
    }

    @Test
    @Timeout(30)
    void killingTheParentLeavesNoServer() throws Exception {
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DelayServerParentMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long child;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("child "), "parent printed: " + line);
            child = Long.parseLong(line.substring("child ".length()));
            assertTrue(alive(child), "server child should run before the kill");
            parent.destroyForcibly();
            assertEquals(137, parent.waitFor());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (alive(child) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(alive(child), "delay server " + child + " outlived its killed parent");
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
