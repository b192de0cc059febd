package dev.concbench.model;

import dev.concbench.vocab.CarrierFlags;
import dev.concbench.workload.Placement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code virtual} model's {@code carriers} claim. The JDK's virtual-thread scheduler is one per
 * JVM and its parallelism is fixed at start-up by {@code -Djdk.virtualThreadScheduler.parallelism}
 * (there is no supported per-executor scheduler), so {@code carriers=N} can only be honoured by a JVM
 * started with that property: the benchmark runs that variant in a fork with
 * {@link CarrierFlags#jvmArgs}. This check refuses to start in a JVM without it, and fails a task once more
 * than N distinct carrier threads have been seen.
 */
final class CarrierCheck {

    static final CarrierCheck NONE = new CarrierCheck(0);

    private final int carriers;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private CarrierCheck(int carriers) {
        this.carriers = carriers;
    }

    /**
     * The check for {@code carriers} (0 = the JVM's default, nothing to check).
     *
     * @throws IllegalArgumentException when {@code carriers < 0}, or {@code > 0} and this JVM was not
     *     started with {@code -Djdk.virtualThreadScheduler.parallelism=carriers}
     */
    static CarrierCheck forCarriers(int carriers) {
        if (carriers < 0) {
            throw new IllegalArgumentException("carriers must be >= 1, was " + carriers);
        }
        if (carriers == 0) {
            return NONE;
        }
        String actual = System.getProperty(CarrierFlags.PARALLELISM);
        if (!Integer.toString(carriers).equals(actual)) {
            throw new IllegalArgumentException("virtual carriers=" + carriers + " needs a JVM started with "
                    + String.join(" ", CarrierFlags.jvmArgs(Integer.toString(carriers))) + " (the scheduler is JVM-wide); this JVM has "
                    + CarrierFlags.PARALLELISM + "=" + actual);
        }
        return new CarrierCheck(carriers);
    }

    /** Fails {@code placement} when it shows more distinct carriers than claimed. */
    void check(String model, Placement placement) {
        if (carriers == 0) {
            return;
        }
        // a mounted virtual thread's toString() ends in "@<carrier thread name>"
        int at = placement.thread().lastIndexOf('@');
        if (at < 0) {
            return;
        }
        seen.add(placement.thread().substring(at + 1));
        if (seen.size() > carriers) {
            throw new ModelViolationException(model, "at most " + carriers + " carrier threads (saw " + seen + ")", placement);
        }
    }
}
