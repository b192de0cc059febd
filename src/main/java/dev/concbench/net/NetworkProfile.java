package dev.concbench.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A shaped link: the round trip it adds, its jitter and its packet loss. The built-in profiles are
 * {@code lan} (0.5 ms round trip), {@code wan} (20 ms, 2 ms jitter) and {@code lossy} (20 ms, 1%
 * loss).
 *
 * <p>The figures are per round trip, and {@link #netemArgs()} puts all of them on one side of the
 * link: a request crosses the netem qdisc once on its way to the server and its answer comes back
 * unshaped, so a TCP connect or a request/response costs {@code delay ± jitter} and a round trip
 * loses a packet with probability {@code loss}. (Splitting the delay over both sides would give the
 * same mean, but the two jitters and losses would add up to a different spread and twice the loss.)
 *
 * @param name        the profile's name, {@code custom} once a value was overridden
 * @param delayMs     the round trip added, in milliseconds, >= 0
 * @param jitterMs    the round trip's variation (netem's uniform jitter), in milliseconds, 0..delayMs
 * @param lossPercent packets lost per round trip, in percent, 0..100
 */
public record NetworkProfile(String name, double delayMs, double jitterMs, double lossPercent) {

    /** The built-in profiles, by name. */
    public static final Map<String, NetworkProfile> BUILT_IN = Map.of(
            "lan", new NetworkProfile("lan", 0.5, 0, 0),
            "wan", new NetworkProfile("wan", 20, 2, 0),
            "lossy", new NetworkProfile("lossy", 20, 0, 1));

    /** How many packets netem may hold: a thousand tasks opening connections at once must not be dropped here. */
    static final int NETEM_LIMIT = 100_000;

    public NetworkProfile {
        if (!(delayMs >= 0) || Double.isInfinite(delayMs)) {
            throw new IllegalArgumentException("the delay must be a number of ms >= 0, was " + delayMs);
        }
        if (!(jitterMs >= 0) || jitterMs > delayMs) {
            throw new IllegalArgumentException("the jitter must be a number of ms between 0 and the delay (" + delayMs
                    + " ms), was " + jitterMs);
        }
        if (!(lossPercent >= 0) || lossPercent > 100) {
            throw new IllegalArgumentException("the loss must be a percentage between 0 and 100, was " + lossPercent);
        }
    }

    /**
     * The built-in profile {@code name}.
     *
     * @throws NetworkException when there is none by that name
     */
    public static NetworkProfile named(String name) throws NetworkException {
        NetworkProfile p = BUILT_IN.get(name);
        if (p == null) {
            throw new NetworkException("unknown network profile '" + name + "' (expected lan, wan or lossy)");
        }
        return p;
    }

    /**
     * This profile with the given values replaced; named {@code custom} when any was.
     *
     * @throws NetworkException when a value is out of range (the message names which)
     */
    public NetworkProfile with(OptionalDouble delay, OptionalDouble jitter, OptionalDouble loss) throws NetworkException {
        if (delay.isEmpty() && jitter.isEmpty() && loss.isEmpty()) {
            return this;
        }
        try {
            return new NetworkProfile("custom", delay.orElse(delayMs), jitter.orElse(jitterMs), loss.orElse(lossPercent));
        } catch (IllegalArgumentException e) {
            throw new NetworkException(e.getMessage());
        }
    }

    /** Whether this profile shapes the link at all (a zero profile is a plain veth pair, no netem). */
    public boolean shapes() {
        return delayMs > 0 || jitterMs > 0 || lossPercent > 0;
    }

    /** The arguments after {@code tc qdisc add dev DEV root netem}, e.g. {@code delay 20.000ms 2.000ms limit 100000}. */
    public List<String> netemArgs() {
        List<String> args = new ArrayList<>(List.of("delay", ms(delayMs)));
        if (jitterMs > 0) {
            args.add(ms(jitterMs));
        }
        if (lossPercent > 0) {
            args.addAll(List.of("loss", String.format(Locale.ROOT, "%.3f%%", lossPercent)));
        }
        args.addAll(List.of("limit", Integer.toString(NETEM_LIMIT)));
        return args;
    }

    /** One line for logs and the report, e.g. {@code wan: 20 ms round trip, 2 ms jitter, 0% loss}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %s ms round trip, %s ms jitter, %s%% loss", name, num(delayMs),
                num(jitterMs), num(lossPercent));
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3fms", v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
