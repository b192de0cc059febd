package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.server.ServerImpl;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server a run hands an item's forks travels as one system property and comes back whole. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class GivenServerTest {

    @ParameterizedTest
    @EnumSource(ServerImpl.class)
    void aForkReadsBackWhatTheRunHandedOver(ServerImpl impl) {
        GivenServer given = new GivenServer(impl, new InetSocketAddress("127.0.0.1", 18090), 4242);
        String arg = given.forkArg();
        assertTrue(arg.startsWith("-D" + GivenServer.PROPERTY + "="), arg);
        assertEquals(given, GivenServer.parse(arg.substring(arg.indexOf('=') + 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:80/1", "loop@127.0.0.1/1", "loop@127.0.0.1:80", "loop@127.0.0.1:80/",
            "tomcat@127.0.0.1:80/1", "loop@127.0.0.1:x/1", "loop@127.0.0.1:99999/1", "loop@127.0.0.1:80/pid"})
    void aMalformedValueIsRefusedNamingThePropertyAndTheValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GivenServer.parse(value));
        assertTrue(e.getMessage().startsWith("-D" + GivenServer.PROPERTY + " must be IMPL@HOST:PORT/PID, was '" + value + "'"),
                e.getMessage());
    }
}
