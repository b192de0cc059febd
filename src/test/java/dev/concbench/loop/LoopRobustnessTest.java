package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failure never stops the loop (an Error does); slow callbacks are counted and, in debug mode, reported. */
@Timeout(10)
class LoopRobustnessTest {

    private final RecordingListener listener = new RecordingListener();

    @Test
    void aFailingCallbackIsCountedAndTheLoopGoesOn() throws Exception {
        try (ManualLoop m = new ManualLoop(LoopOptions.defaults().withListener(listener))) {
            m.loop.execute(() -> {
                throw new IllegalStateException("boom");
            });
            assertEquals("still running", m.call(() -> "still running"));
            assertEquals(1, m.loop.stats().callbackFailures());
            assertEquals("boom", listener.callbackFailures.get(0).getMessage());
            assertEquals(LoopState.RUNNING, m.loop.state());
        }
    }

    @Test
    void aFailingFireAndForgetTaskIsReportedAndOthersFinish() throws Exception {
        try (ManualLoop m = new ManualLoop(LoopOptions.defaults().withListener(listener))) {
            m.run(() -> {
                m.loop.fireAndForget("doomed", () -> m.loop.failed(new IllegalArgumentException("bad input")));
                m.loop.fireAndForget("fine", () -> m.loop.completed("ok"));
            });
            m.settle();
            m.settle();
            assertEquals(List.of("doomed: bad input"), listener.taskFailures);
            assertEquals(1, m.loop.stats().taskFailures());
            assertEquals("after", m.loop.submit(() -> m.loop.completed("after")).get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void anErrorStopsTheLoopAsFailed() throws Exception {
        EventLoop loop = EventLoop.start(LoopOptions.defaults().withListener(listener).withThreadName("error-loop"));
        Thread.UncaughtExceptionHandler quiet = (t, e) -> { };
        loop.execute(() -> Thread.currentThread().setUncaughtExceptionHandler(quiet));
        loop.execute(() -> {
            throw new AssertionError("fatal");
        });
        loop.close();
        assertEquals(LoopState.FAILED, loop.state());
        assertThrows(java.util.concurrent.RejectedExecutionException.class, () -> loop.execute(() -> { }));
    }

    @Test
    void debugModeReportsASlowCallbackWithItsDurationAndOrigin() throws Exception {
        LoopOptions debug = LoopOptions.defaults().withListener(listener).withDebug(true);
        try (ManualLoop m = new ManualLoop(debug)) {
            m.loop.execute(() -> m.clock.advance(Duration.ofMillis(250)));
            m.loop.execute(() -> m.clock.advance(Duration.ofMillis(50)));
            m.settle();
            assertEquals(1, listener.slow.size());
            SlowCallback report = listener.slow.get(0);
            assertEquals(Duration.ofMillis(250).toNanos(), report.durationNanos());
            assertTrue(report.scheduledAt().contains("LoopRobustnessTest"), report.scheduledAt());
            LoopStats stats = m.loop.stats();
            assertEquals(1, stats.slowCallbacks());
            assertEquals(Duration.ofMillis(250).toNanos(), stats.maxCallbackNanos());
        }
    }

    @Test
    void withoutDebugModeSlowCallbacksAreCountedButNotReported() throws Exception {
        try (ManualLoop m = new ManualLoop(LoopOptions.defaults().withListener(listener))) {
            m.loop.execute(() -> m.clock.advance(Duration.ofMillis(150)));
            m.settle();
            assertEquals(1, m.loop.stats().slowCallbacks());
            assertEquals(List.of(), listener.slow);
        }
    }

    @Test
    void injectedSpinIsReadFromThePropertyAndRejectsGarbage() {
        String old = System.getProperty(LoopOptions.INJECT_SPIN_PROPERTY);
        try {
            System.setProperty(LoopOptions.INJECT_SPIN_PROPERTY, "1500");
            assertEquals(1500, LoopOptions.defaults().injectedSpinNanos());
            System.setProperty(LoopOptions.INJECT_SPIN_PROPERTY, "-3");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, LoopOptions::defaults);
            assertTrue(e.getMessage().contains(LoopOptions.INJECT_SPIN_PROPERTY), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(LoopOptions.INJECT_SPIN_PROPERTY);
            } else {
                System.setProperty(LoopOptions.INJECT_SPIN_PROPERTY, old);
            }
        }
    }

    @Test
    void injectedSpinIsCalibratedOnceAndZeroRunsNothing() {
        assertEquals(0, InjectedSpin.iterationsFor(0));
        double perNano = InjectedSpin.iterationsPerNano();
        assertTrue(perNano > 0 && Double.isFinite(perNano), "iterations per ns: " + perNano);
        assertEquals(perNano, InjectedSpin.iterationsPerNano(), "calibrated once per JVM");
        assertTrue(InjectedSpin.iterationsFor(1) >= 1, "any positive spin runs at least one iteration");
        assertTrue(InjectedSpin.iterationsFor(1_000_000) >= InjectedSpin.iterationsFor(1_000));
        assertEquals(null, InjectedSpin.forNanos(0), "no spin: the loop pays a null check and nothing else");
        Runnable callback = () -> { };
        assertTrue(InjectedSpin.forNanos(1_000).before(callback) == callback, "the spin hands the callback back");
    }

    @Test
    void aShortSpinIsPaidInLumpsOfAtLeastTheMinimumWithTheSameMeanPerCallback() {
        assertEquals(1, InjectedSpin.periodFor(InjectedSpin.MIN_LUMP_NANOS), "long spins run every callback");
        assertEquals(1, InjectedSpin.periodFor(5_000));
        assertEquals(29, InjectedSpin.periodFor(7), "7 ns a callback: 203 ns every 29th");
        assertEquals(200, InjectedSpin.periodFor(1));
        InjectedSpin spin = InjectedSpin.forNanos(7);
        assertEquals(29, spin.period());
        Runnable callback = () -> { };
        for (int i = 0; i < 3 * spin.period(); i++) {
            assertTrue(spin.before(callback) == callback, "every callback comes back, spun or not");
        }
    }

    @Test
    void aLoopWithAnInjectedSpinStillRunsEveryCallbackInOrder() throws Exception {
        try (EventLoop loop = EventLoop.start(LoopOptions.defaults().withInjectedSpinNanos(500))) {
            List<Integer> seen = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                loop.submit(() -> {
                    seen.add(n);
                    return loop.completed(null);
                }).get(5, TimeUnit.SECONDS);
            }
            assertEquals(List.of(0, 1, 2, 3, 4), seen);
        }
    }
}
