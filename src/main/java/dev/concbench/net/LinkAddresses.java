package dev.concbench.net;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a /30 of the link-local range 169.254.0.0/16 that no address of the host falls in: the
 * host side takes its first usable address, the namespace side the second. Blocks in
 * 169.254.0.0/24 and 169.254.255.0/24 (reserved by RFC 3927) and the one holding 169.254.169.254
 * (the cloud metadata service) are never chosen. Pure: reads an {@code ip -4 -o addr show} listing.
 */
final class LinkAddresses {

    private static final int BASE = (169 << 24) | (254 << 16);
    private static final int FIRST_BLOCK = 256 / 4;                 // 169.254.1.0
    private static final int BLOCKS = (254 * 256) / 4;              // up to 169.254.254.252
    private static final int METADATA_BLOCK = ((169 << 8) | 254) / 4;
    private static final Pattern INET = Pattern.compile("inet (\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)(?: peer [\\d.]+)?/(\\d+)");

    private LinkAddresses() {
    }

    /**
     * The host and namespace addresses of a free /30, starting the search at a block chosen by {@code seed}.
     *
     * @param ipAddrListing the output of {@code ip -4 -o addr show}
     * @throws NetworkException when every block is taken
     */
    static String[] freeBlock(String ipAddrListing, long seed) throws NetworkException {
        List<int[]> used = new ArrayList<>();   // {network, mask}
        Matcher m = INET.matcher(ipAddrListing);
        while (m.find()) {
            int a = (Integer.parseInt(m.group(1)) << 24) | (Integer.parseInt(m.group(2)) << 16)
                    | (Integer.parseInt(m.group(3)) << 8) | Integer.parseInt(m.group(4));
            int len = Integer.parseInt(m.group(5));
            int mask = len == 0 ? 0 : -1 << (32 - len);
            used.add(new int[] {a & mask, mask});
        }
        for (int i = 0; i < BLOCKS; i++) {
            int block = FIRST_BLOCK + (int) Math.floorMod(seed + i, (long) BLOCKS);
            if (block == METADATA_BLOCK) {
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

    private static boolean overlaps(int netA, int maskA, int netB, int maskB) {
        int common = maskA & maskB;   // the shorter prefix
        return (netA & common) == (netB & common);
    }

    private static String text(int a) {
        return ((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
    }
}
