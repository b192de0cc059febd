package dev.concbench.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;

/**
 * Measures the round trip to a server as TCP connect times: a connect completes when the
 * server's SYN-ACK is back, one round trip, with no application code on the way. The sample is
 * taken once, before the benchmarks, and recorded with the run; it is evidence of what the link
 * added, not a benchmark.
 */
public final class RttProbe {

    /** A sample of connect times, in milliseconds. */
    public record Rtt(double p50Ms, double minMs, double maxMs, int samples) {}

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private RttProbe() {
    }

    /**
     * Connects to {@code server} {@code samples} times, one at a time.
     *
     * @throws IOException when a connect fails or times out (5 s)
     */
    public static Rtt measure(InetSocketAddress server, int samples) throws IOException {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, was " + samples);
        }
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            try (Socket s = new Socket()) {
                long t0 = System.nanoTime();
                s.connect(server, CONNECT_TIMEOUT_MS);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return new Rtt(ms[(samples - 1) / 2], ms[0], ms[samples - 1], samples);
    }
}
