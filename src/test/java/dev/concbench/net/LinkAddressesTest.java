package dev.concbench.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinkAddressesTest {

    private static final String HOST = """
            1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
            4: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\\       valid_lft forever
            """;

    private static final String ROUTES = """
            default via 192.0.2.1 dev eth0
            192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.2
            local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1
            broadcast 192.0.2.255 dev eth0 table local proto kernel scope link src 192.0.2.2
            """;

    @Test
    void aFreeBlockGivesTheHostItsFirstAddressAndTheNamespaceItsSecond() throws Exception {
        assertArrayEquals(new String[] {"169.254.1.1", "169.254.1.2"}, LinkAddresses.freeBlock(HOST, ROUTES, 0));
        assertArrayEquals(new String[] {"169.254.1.5", "169.254.1.6"}, LinkAddresses.freeBlock(HOST, ROUTES, 1));
    }

    @Test
    void aBlockInUseByAnotherRunIsSkipped() throws Exception {
        String taken = HOST + "9: cb42-0h    inet 169.254.1.1/30 scope global cb42-0h\n";
        assertArrayEquals(new String[] {"169.254.1.5", "169.254.1.6"}, LinkAddresses.freeBlock(taken, ROUTES, 0));
        String peer = HOST + "9: cb42-0h    inet 169.254.1.1 peer 169.254.1.2/32 scope global cb42-0h\n";
        assertArrayEquals(new String[] {"169.254.1.5", "169.254.1.6"}, LinkAddresses.freeBlock(peer, ROUTES, 0));
    }

    @Test
    void aBlockReachedThroughARouteIsSkipped() throws Exception {
        // no interface holds these addresses: only the routes say they are reached through eth0
        String routes = ROUTES + "169.254.1.0/30 via 192.0.2.1 dev eth0\n169.254.1.6 via 192.0.2.1 dev eth0 proto static\n"
                + "unreachable 169.254.1.8/29 table 7\n";
        assertArrayEquals(new String[] {"169.254.1.17", "169.254.1.18"}, LinkAddresses.freeBlock(HOST, routes, 0));
    }

    @Test
    void aRouteForTheWholeLinkLocalRangeTakesNoBlock() throws Exception {
        String routes = ROUTES + "169.254.0.0/16 dev eth0 scope link metric 1000\n";
        assertArrayEquals(new String[] {"169.254.1.1", "169.254.1.2"}, LinkAddresses.freeBlock(HOST, routes, 0));
    }

    @Test
    void theCloudBlocksAreNeverTaken() throws Exception {
        // the seed that lands on 169.254.169.0/30 skips 169.254.169.0/24 (metadata, AWS's NTP 169.254.169.123)
        // and 169.254.170.0/24 (ECS's 169.254.170.2), with no route to them on this host
        long cloudSeed = (169 * 256) / 4 - 256 / 4;
        assertArrayEquals(new String[] {"169.254.171.1", "169.254.171.2"}, LinkAddresses.freeBlock(HOST, ROUTES, cloudSeed));
        assertArrayEquals(new String[] {"169.254.171.1", "169.254.171.2"},
                LinkAddresses.freeBlock(HOST, ROUTES, cloudSeed + 64 + 17));
    }

    @Test
    void aHostThatUsesTheWholeRangeLeavesNoBlock() {
        assertThrows(NetworkException.class,
                () -> LinkAddresses.freeBlock(HOST + "inet 169.254.0.1/16 scope link eth0\n", ROUTES, 7));
    }
}
