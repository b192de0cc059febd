package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code server}'s user errors: one line on stderr, exit 2. */
class ServerCommandTest {

    @Test
    @Timeout(10)
    void aPortInUseIsOneLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            Outcome outcome = run("server", "--port", port);
            assertEquals(2, outcome.code());
            assertTrue(outcome.stderr().startsWith("run-bench.sh: server: --port " + port + ": "), outcome.stderr());
            assertEquals(1, outcome.stderr().lines().count(), outcome.stderr());
        }
    }

    @Test
    @Timeout(10)
    void aBadPortIsOneLineAndExit2() {
        Outcome outcome = run("server", "--port", "http");
        assertEquals(2, outcome.code());
        assertEquals("run-bench.sh: server: --port must be an integer 0..65535, was 'http'", outcome.stderr().strip());
    }

    private record Outcome(int code, String stderr) {
    }

    private static Outcome run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new Main(List.of(new ServerCommand())).execute(args);
            return new Outcome(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
