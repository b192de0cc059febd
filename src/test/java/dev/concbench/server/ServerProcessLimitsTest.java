package dev.concbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delay server as its own process under hostile but fair load: out of file descriptors
 * ({@code ulimit -n 64}) it keeps serving the connections it has and accepts again once some close;
 * in a small heap, clients that pipeline big responses and never read cannot exhaust it, and a
 * normal request is still answered (within a generous 10 s; this asserts behaviour, not speed).
 */
class ServerProcessLimitsTest {

    @TempDir
    Path tmp;

    private Process server;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.destroyForcibly();
            server.waitFor();
        }
    }

    @Test
    @Timeout(90)
    void outOfFileDescriptorsItKeepsServingAndAcceptsAgainLater() throws Exception {
        InetSocketAddress address = startServer("ulimit -n 64; exec", "-Xmx64m");
        RawClient first = new RawClient(address);
        assertEquals(200, first.get("/").status());
        // far more connections than the server has descriptors: the kernel completes them (backlog),
        // the server cannot accept them all
        for (int i = 0; i < 150; i++) {
            Socket s = new Socket();
            s.connect(address, 5_000);
            sockets.add(s);
        }
        // the connection it already had is still served while accept keeps failing
        for (int i = 0; i < 5; i++) {
            assertEquals(200, first.get("/status/200").status());
        }
        assertTrue(server.isAlive(), "the server process lives on");
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
        // with descriptors free again, a new client is accepted and answered
        try (RawClient later = new RawClient(address)) {
            assertEquals(200, later.get("/").status());
        }
        assertEquals(200, first.get("/").status());
        first.close();
        assertTrue(server.isAlive());
        long reports = Files.readAllLines(tmp.resolve("server.err")).stream()
                .filter(l -> l.contains("accept failed")).count();
        assertEquals(1, reports, "the failure is reported once, not per attempt: "
                + reports + " lines\n" + Files.readString(tmp.resolve("server.err")));
        assertTrue(Files.readAllLines(tmp.resolve("server.err")).stream().noneMatch(l -> l.startsWith("\tat ")),
                "a machine condition is one line, no stack trace:\n" + Files.readString(tmp.resolve("server.err")));
    }

    @Test
    @Timeout(120)
    void clientsThatPipelineBigResponsesAndNeverReadCannotExhaustASmallHeap() throws Exception {
        InetSocketAddress address = startServer("exec", "-Xmx64m");
        String twenty = "GET /bytes/1048576 HTTP/1.1\r\nHost: x\r\n\r\n".repeat(20);
        for (int i = 0; i < 200; i++) {
            Socket s = new Socket();
            s.setReceiveBufferSize(4096); // little room in the kernel: the responses stay in the server
            s.connect(address, 5_000);
            s.getOutputStream().write(twenty.getBytes(StandardCharsets.US_ASCII));
            sockets.add(s);
        }
        // 200 unread 1 MiB responses would be 200 MiB in a 64 MiB heap without the cap
        try (RawClient normal = new RawClient(address)) { // its reads time out after 10 s
            assertEquals(200, normal.get("/").status());
            assertEquals(200, normal.get("/bytes/1000").status());
        }
        assertTrue(server.isAlive(), "the server survived: " + Files.readString(tmp.resolve("server.err")));
    }

    @Test
    @Timeout(60)
    void aServerWhoseLoopThreadDiesExitsNonZeroWithOneLine() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoopDeathParentMain.class.getName())
                .redirectError(tmp.resolve("server.err").toFile()).start();
        server = p;
        assertTrue(p.waitFor(50, TimeUnit.SECONDS), "the process did not live on deaf");
        assertEquals(DelayServerMain.EXIT_LOOP_DIED, p.exitValue());
        List<String> err = Files.readAllLines(tmp.resolve("server.err"));
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.getFirst().contains("event loop died: java.lang.OutOfMemoryError: simulated"), err.getFirst());
    }

    /** Starts DelayServerMain under bash with {@code prefix} before the java command; returns its address. */
    private InetSocketAddress startServer(String prefix, String heap) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = prefix + " '" + java + "' " + heap + " -cp '" + System.getProperty("java.class.path") + "' "
                + DelayServerMain.class.getName() + " --port 0";
        server = new ProcessBuilder("bash", "-c", command).redirectError(tmp.resolve("server.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertTrue(ready != null && ready.startsWith(DelayServerMain.READY_PREFIX), "server printed: " + ready
                + "\n" + Files.readString(tmp.resolve("server.err")));
        return DelayServerMain.parseAddressLine(ready);
    }

}
