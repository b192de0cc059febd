package dev.concbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.server.DelayServerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TargetCheckTest {

    @Test
    void ourDelayServerIsAcceptedAndItsRoundTripMeasured() throws Exception {
        try (DelayServerProcess server = DelayServerProcess.start()) {
            InetSocketAddress a = server.address();
            assertEquals(a.getPort(), TargetCheck.verify("127.0.0.1:" + a.getPort()).getPort());
            RttProbe.Rtt rtt = RttProbe.measure(a, 5);
            assertEquals(5, rtt.samples());
            assertTrue(rtt.minMs() <= rtt.p50Ms() && rtt.p50Ms() <= rtt.maxMs(), rtt.toString());
        }
    }

    @Test
    void aServerThatAnswersOtherwiseIsRefusedSayingWhatItSaid() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = other.accept()) {
                    s.getInputStream().read(new byte[1024]);
                    s.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the assertion below says what went wrong
                }
            });
            NetworkException e = assertThrows(NetworkException.class, () -> TargetCheck.verify("127.0.0.1:" + other.getLocalPort()));
            assertTrue(e.getMessage().contains("not like concbench's delay server") && e.getMessage().contains("404"), e.getMessage());
        }
    }

    @Test
    void badAddressesAreOneLineEach() {
        for (String bad : new String[] {"nowhere", "host:", ":80", "host:0", "host:70000", "host:http"}) {
            NetworkException e = assertThrows(NetworkException.class, () -> TargetCheck.parse(bad), bad);
            assertTrue(e.getMessage().contains("HOST:PORT") && !e.getMessage().contains("\n"), e.getMessage());
        }
        assertEquals(8080, assertDoesNotThrowParse("[::1]:8080").getPort());
    }

    private static InetSocketAddress assertDoesNotThrowParse(String text) {
        try {
            return TargetCheck.parse(text);
        } catch (NetworkException e) {
            throw new AssertionError(e.getMessage());
        }
    }
}
