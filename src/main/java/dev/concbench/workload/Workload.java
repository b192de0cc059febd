package dev.concbench.workload;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * One task's worth of work, described once and run by every execution model in its own style.
 *
 * <p>Descriptions are immutable values; the same description always yields the same
 * {@link WorkResult} (checksum and statuses), whichever model runs it. Paths are request targets on
 * the delay server, e.g. {@code "/delay/10"}. The Jackson annotations let a description travel to a
 * worker process ({@link WorkerTask}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(Workload.TimerWait.class), @JsonSubTypes.Type(Workload.HttpGet.class),
    @JsonSubTypes.Type(Workload.CpuBurn.class), @JsonSubTypes.Type(Workload.Mixed.class),
    @JsonSubTypes.Type(Workload.FanOut.class), @JsonSubTypes.Type(Workload.BlockingSleep.class)
})
public sealed interface Workload {

    /** The workload's name as scenario files and the CLI spell it, e.g. {@code "timer"}. */
    String kind();

    /** Waits {@code millis} milliseconds without occupying a thread where the model can avoid it. */
    record TimerWait(long millis) implements Workload {
        public TimerWait {
            requireNonNegative("millis", millis);
        }

        @Override
        public String kind() {
            return "timer";
        }
    }

    /** One HTTP GET of {@code path} on the delay server through the model's bounded connection pool. */
    record HttpGet(String path) implements Workload {
        public HttpGet {
            requirePath(path);
        }

        @Override
        public String kind() {
            return "http";
        }
    }

    /** The seed's {@code for i in range(n): _ = i * i} loop, {@code iterations} times; yields its sum. */
    record CpuBurn(long iterations) implements Workload {
        public CpuBurn {
            requireNonNegative("iterations", iterations);
        }

        @Override
        public String kind() {
            return "cpu";
        }
    }

    /** A request, then a burn: I/O followed by CPU in one task. */
    record Mixed(String path, long iterations) implements Workload {
        public Mixed {
            requirePath(path);
            requireNonNegative("iterations", iterations);
        }

        @Override
        public String kind() {
            return "mixed";
        }
    }

    /** The seed's {@code get_user_data}: two requests in parallel, the task waits for both. */
    record FanOut(String firstPath, String secondPath) implements Workload {
        public FanOut {
            requirePath(firstPath);
            requirePath(secondPath);
        }

        @Override
        public String kind() {
            return "fanout";
        }
    }

    /**
     * The seed's pitfall: a blocking {@code time.sleep(millis)} inside the task. On a thread it only
     * holds that thread; on the event loop it stalls every other task for {@code millis} ms.
     */
    record BlockingSleep(long millis) implements Workload {
        public BlockingSleep {
            requireNonNegative("millis", millis);
        }

        @Override
        public String kind() {
            return "blocking-sleep";
        }
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }

    private static void requirePath(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("request path must start with '/', was '" + path + "'");
        }
    }
}
