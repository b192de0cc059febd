package dev.concbench.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinkAddressesTest {

    private static final String HOST = """
            1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
            4: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\\       valid_lft forever
            """;

    @Test
    void aFreeBlockGivesTheHostItsFirstAddressAndTheNamespaceItsSecond() throws Exception {
        assertArrayEquals(new String[] {"169.254.1.1", "169.254.1.2"}, LinkAddresses.freeBlock(HOST, 0));
        assertArrayEquals(new String[] {"169.254.1.5", "169.254.1.6"}, LinkAddresses.freeBlock(HOST, 1));
    }

    @Test
    void aBlockInUseByAnotherRunIsSkipped() throws Exception {
        String taken = HOST + "9: cb42-0h    inet 169.254.1.1/30 scope global cb42-0h\n";
        assertArrayEquals(new String[] {"169.254.1.5", "169.254.1.6"}, LinkAddresses.freeBlock(taken, 0));
        String peer = HOST + "9: cb42-0h    inet 169.254.1.1 peer 169.254.1.2/32 scope global cb42-0h\n";
        assertArrayEquals(new String[] {"169.254.1.5", "169.254.1.6"}, LinkAddresses.freeBlock(peer, 0));
    }

    @Test
    void theCloudMetadataBlockIsNeverTaken() throws Exception {
        // the seed that lands on 169.254.169.252/30 moves on to the next block
        long metadataSeed = ((169 << 8) | 254) / 4 - 256 / 4;
        assertArrayEquals(new String[] {"169.254.170.1", "169.254.170.2"}, LinkAddresses.freeBlock(HOST, metadataSeed));
    }

    @Test
    void aHostThatUsesTheWholeRangeLeavesNoBlock() {
        assertThrows(NetworkException.class, () -> LinkAddresses.freeBlock(HOST + "inet 169.254.0.1/16 scope link eth0\n", 7));
    }
}
