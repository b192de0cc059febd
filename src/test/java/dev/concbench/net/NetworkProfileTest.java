package dev.concbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class NetworkProfileTest {

    private static final OptionalDouble NONE = OptionalDouble.empty();

    @Test
    void theBuiltInProfilesAreTheIssuesFigures() throws Exception {
        assertEquals(new NetworkProfile("lan", 0.5, 0, 0), NetworkProfile.named("lan"));
        assertEquals(new NetworkProfile("wan", 20, 2, 0), NetworkProfile.named("wan"));
        assertEquals(new NetworkProfile("lossy", 20, 0, 1), NetworkProfile.named("lossy"));
        NetworkException e = assertThrows(NetworkException.class, () -> NetworkProfile.named("moon"));
        assertTrue(e.getMessage().contains("'moon'") && e.getMessage().contains("lan, wan or lossy"), e.getMessage());
    }

    @Test
    void overridesMakeACustomProfileAndNoOverrideKeepsTheName() throws Exception {
        NetworkProfile wan = NetworkProfile.named("wan");
        assertSame(wan, wan.with(NONE, NONE, NONE));
        NetworkProfile custom = wan.with(OptionalDouble.of(50), NONE, OptionalDouble.of(0.5));
        assertEquals(new NetworkProfile("custom", 50, 2, 0.5), custom);
    }

    @Test
    void outOfRangeValuesNameWhatIsWrong() throws Exception {
        NetworkProfile lan = NetworkProfile.named("lan");
        assertTrue(assertThrows(NetworkException.class, () -> lan.with(OptionalDouble.of(-1), NONE, NONE))
                .getMessage().startsWith("the delay must be"));
        assertTrue(assertThrows(NetworkException.class, () -> lan.with(NONE, NONE, OptionalDouble.of(100.5)))
                .getMessage().startsWith("the loss must be"));
        assertTrue(assertThrows(NetworkException.class, () -> lan.with(NONE, OptionalDouble.of(-2), NONE))
                .getMessage().startsWith("the jitter must be"));
        // a jitter larger than the delay would ask for negative delays
        assertTrue(assertThrows(NetworkException.class, () -> lan.with(NONE, OptionalDouble.of(1), NONE))
                .getMessage().startsWith("the jitter must be"));
        assertThrows(NetworkException.class, () -> lan.with(OptionalDouble.of(Double.NaN), NONE, NONE));
    }

    @Test
    void netemCarriesTheWholeRoundTripWithRoomForManyPackets() throws Exception {
        assertEquals(List.of("delay", "20.000ms", "2.000ms", "limit", "100000"), NetworkProfile.named("wan").netemArgs());
        assertEquals(List.of("delay", "20.000ms", "loss", "1.000%", "limit", "100000"), NetworkProfile.named("lossy").netemArgs());
        assertFalse(new NetworkProfile("custom", 0, 0, 0).shapes());
        assertTrue(NetworkProfile.named("lan").shapes());
    }
}
