package dev.concbench.net;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a /30 of the link-local range 169.254.0.0/16 that nothing of the host uses: no interface
 * address and no route falls in it, so the pair's route can shadow nothing. The host side takes
 * its first usable address, the namespace side the second. Never chosen: 169.254.0.0/24 and
 * 169.254.255.0/24 (reserved by RFC 3927), 169.254.169.0/24 (the cloud metadata service
 * 169.254.169.254, AWS's time server 169.254.169.123) and 169.254.170.0/24 (ECS's task metadata
 * and credentials, 169.254.170.2), whether or not a route to them shows. A route covering the
 * whole range or more (a default route, {@code 169.254.0.0/16 dev eth0 scope link}) takes no block:
 * it reaches no particular host, and the pair's /30 is more specific only for its own 4 addresses.
 * Pure: reads {@code ip -4 -o addr show} and {@code ip -4 route show table all} listings.
 */
final class LinkAddresses {

    private static final int BASE = (169 << 24) | (254 << 16);
    private static final int FIRST_BLOCK = 256 / 4;                 // 169.254.1.0
    private static final int BLOCKS = (254 * 256) / 4;              // up to 169.254.254.252
    /** The /24s of 169.254.0.0/16 that clouds use: 169.254.169.x and 169.254.170.x. */
    private static final List<Integer> CLOUD_24S = List.of(169, 170);
    private static final Pattern INET = Pattern.compile("inet (\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)(?: peer [\\d.]+)?/(\\d+)");
    /** A route's destination: the line's first address, after an optional type (local, broadcast, blackhole...). */
    private static final Pattern ROUTE = Pattern.compile("(?m)^(?:[a-z]+ )?(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)(?:/(\\d+))?");
    /** A route this short (or the default route) covers the whole link-local range: it takes no block. */
    private static final int CATCH_ALL = 16;

    private LinkAddresses() {
    }

    /**
     * The host and namespace addresses of a free /30, starting the search at a block chosen by {@code seed}.
     *
     * @param ipAddrListing    the output of {@code ip -4 -o addr show}
     * @param ipRouteListing   the output of {@code ip -4 route show table all}
     * @throws NetworkException when every block is taken
     */
    static String[] freeBlock(String ipAddrListing, String ipRouteListing, long seed) throws NetworkException {
        List<int[]> used = new ArrayList<>();   // {network, mask}
        Matcher m = INET.matcher(ipAddrListing);
        while (m.find()) {
            used.add(prefix(m, Integer.parseInt(m.group(5))));
        }
        Matcher r = ROUTE.matcher(ipRouteListing);
        while (r.find()) {
            int len = r.group(5) == null ? 32 : Integer.parseInt(r.group(5));
            if (len > CATCH_ALL) {
                used.add(prefix(r, len));
            }
        }
        for (int i = 0; i < BLOCKS; i++) {
            int block = FIRST_BLOCK + (int) Math.floorMod(seed + i, (long) BLOCKS);
            if (CLOUD_24S.contains(block / 64)) {
                continue;
            }
            int net = BASE + block * 4;
            boolean taken = used.stream().anyMatch(u -> overlaps(net, -4, u[0], u[1]));
            if (!taken) {
                return new String[] {text(net + 1), text(net + 2)};
            }
        }
        throw new NetworkException("no free /30 left in 169.254.0.0/16 for a namespace link");
    }

    /** {network, mask} of the address in groups 1-4 of {@code m} with prefix length {@code len}. */
    private static int[] prefix(Matcher m, int len) {
        int a = (Integer.parseInt(m.group(1)) << 24) | (Integer.parseInt(m.group(2)) << 16)
                | (Integer.parseInt(m.group(3)) << 8) | Integer.parseInt(m.group(4));
        int mask = len == 0 ? 0 : -1 << (32 - len);
        return new int[] {a & mask, mask};
    }

    private static boolean overlaps(int netA, int maskA, int netB, int maskB) {
        int common = maskA & maskB;   // the shorter prefix
        return (netA & common) == (netB & common);
    }

    private static String text(int a) {
        return ((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }
}
