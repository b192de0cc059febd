package dev.concbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The flows the delay line keeps in order: one per TCP/UDP connection, not one for the whole link. */
class DelayLineTest {

    /** A 20-byte IPv4 header from 169.254.1.1 to 169.254.1.2 and the first 4 bytes of a TCP/UDP header. */
    private static byte[] packet(int protocol, int sourcePort, int destinationPort) {
        byte[] p = new byte[40];
        p[0] = 0x45;
        p[9] = (byte) protocol;
        byte[] src = {(byte) 169, (byte) 254, 1, 1};
        byte[] dst = {(byte) 169, (byte) 254, 1, 2};
        System.arraycopy(src, 0, p, 12, 4);
        System.arraycopy(dst, 0, p, 16, 4);
        p[20] = (byte) (sourcePort >> 8);
        p[21] = (byte) sourcePort;
        p[22] = (byte) (destinationPort >> 8);
        p[23] = (byte) destinationPort;
        return p;
    }

    @Test
    void thePacketsOfOneConnectionAreOneFlow() {
        assertEquals(DelayLine.flow(packet(6, 40_000, 8080)), DelayLine.flow(packet(6, 40_000, 8080)));
    }

    @Test
    void anotherConnectionOrProtocolIsAnotherFlow() {
        long tcp = DelayLine.flow(packet(6, 40_000, 8080));
        assertNotEquals(tcp, DelayLine.flow(packet(6, 40_001, 8080)), "the next connection's SYN");
        assertNotEquals(tcp, DelayLine.flow(packet(17, 40_000, 8080)));
        assertNotEquals(tcp, DelayLine.flow(packet(6, 40_000, 8081)));
    }

    @Test
    void aPacketThatIsNotIpv4IsFlowZero() {
        assertEquals(0, DelayLine.flow(new byte[] {0x60, 0, 0}));
    }
}
