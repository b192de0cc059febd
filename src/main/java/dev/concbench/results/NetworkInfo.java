package dev.concbench.results;

/**
 * {@code env.json}'s {@code network}: where the run's delay server was and the round trip measured
 * to it before the benchmarks (a sample of TCP connect times), so a latency can be read against it.
 *
 * @param profile     {@code loopback}, a {@code --network} profile ({@code lan}, {@code wan},
 *                    {@code lossy}, {@code custom}) or {@code target}
 * @param delayMs     the round trip the link adds (netem), in milliseconds; 0 for loopback and a target
 * @param jitterMs    its jitter, in milliseconds
 * @param lossPercent its packet loss per round trip, in percent
 * @param server      the server's address as the forks used it, {@code HOST:PORT}
 * @param setup       what carried the traffic, e.g. {@code "namespace concbench-42-0, veth cb42-0h, netem delay 20.000ms 2.000ms limit 100000"}
 * @param rttP50Ms    the median connect time, in milliseconds
 * @param rttMinMs    the fastest, in milliseconds
 * @param rttMaxMs    the slowest, in milliseconds
 * @param rttSamples  how many connects were timed (0 when none could be)
 */
public record NetworkInfo(String profile, double delayMs, double jitterMs, double lossPercent, String server,
        String setup, double rttP50Ms, double rttMinMs, double rttMaxMs, int rttSamples) {

    /** One line for the report, e.g. {@code wan (20 ms ± 2 ms, 0% loss) to 169.254.9.2:40123: RTT p50 20.31 ms (min 18.2, max 22.0, 20 connects)}. */
    public String describe() {
        String link = profile.equals("loopback") || profile.equals("target") ? profile
                : String.format(java.util.Locale.ROOT, "%s (%s ms ± %s ms, %s%% loss)", profile, delayMs, jitterMs, lossPercent);
        String rtt = rttSamples == 0 ? "RTT not measured"
                : String.format(java.util.Locale.ROOT, "RTT p50 %.3f ms (min %.3f, max %.3f, %d connects)", rttP50Ms,
                        rttMinMs, rttMaxMs, rttSamples);
        return link + " to " + server + ": " + rtt + "; " + setup;
    }
}
