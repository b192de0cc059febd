package dev.concbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PinnedEventsTest {

    /** Blocking inside a class initializer still pins a virtual thread to its carrier on JDK 25. */
    static final class SlowToInitialise {
        static {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    @Test
    void countsAPinnedVirtualThreadButNotOneThatUnmounts() throws Exception {
        try (PinnedEvents pinned = new PinnedEvents()) {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(20); // unmounts: not pinned
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).join();
            Thread.ofVirtual().start(SlowToInitialise::touch).join();
            long seen = 0;
            // JFR delivers events in batches, about once a second
            for (int i = 0; i < 50 && seen == 0; i++) {
                Thread.sleep(100);
                seen += pinned.takeCount();
            }
            assertEquals(1, seen);
            assertEquals(0, pinned.takeCount(), "taken counts are reset");
        }
    }
}
