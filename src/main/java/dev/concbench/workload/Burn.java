package dev.concbench.workload;

/**
 * The seed's CPU-bound loop ({@code for i in range(n): _ = i * i}) with its result kept: the sum is
 * returned, so the JIT cannot drop the loop as dead code.
 */
public final class Burn {

    private Burn() {
    }

    /**
     * Sums {@code i * i} for {@code i} in {@code [0, iterations)}, wrapping on overflow.
     *
     * @param iterations how many loop iterations, {@code >= 0}
     * @return the wrapped sum, the workload's checksum
     */
    public static long burn(long iterations) {
        long sum = 0;
        for (long i = 0; i < iterations; i++) {
            sum += i * i;
        }
        return sum;
    }
}
