package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Submissions from another thread racing {@link EventLoop#close()}: every callback {@code execute}
 * accepted either runs or is reported as dropped, and every future {@code submit} returned
 * completes, however the submission and the end of shutdown interleave. The race window is a few
 * instructions wide, so each test runs many rounds. Before the fix, a steady submitter kept
 * {@code close()} draining forever; {@code close()} does not give up on interrupts, so the timeout
 * runs the test in a separate thread to fail it rather than hang.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShutdownRaceTest {

    private static final int ROUNDS = 100;
    private static final Pattern DROPPED = Pattern.compile("^(\\d+) callback");

    @Test
    void everyAcceptedCallbackRunsOrIsReportedDropped() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            RecordingListener listener = new RecordingListener();
            EventLoop loop = EventLoop.start(LoopOptions.defaults().withListener(listener).withThreadName("race-loop"));
            AtomicLong accepted = new AtomicLong();
            AtomicLong ran = new AtomicLong();
            Thread submitter = submitUntilRejected(loop, () -> {
                loop.execute(ran::incrementAndGet);
                accepted.incrementAndGet();
            });
            loop.close();
            submitter.join();
            assertEquals(accepted.get(), ran.get() + reportedDropped(listener),
                    "round " + round + ": a callback execute() accepted neither ran nor was reported dropped");
        }
    }

    @Test
    void everyFutureFromSubmitCompletes() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            EventLoop loop = EventLoop.start(LoopOptions.defaults().withListener(new RecordingListener())
                    .withThreadName("race-loop"));
            List<CompletableFuture<String>> bridges = new ArrayList<>();
            Thread submitter = submitUntilRejected(loop, () -> bridges.add(loop.submit(() -> loop.completed("ran"))));
            loop.close();
            submitter.join();
            for (CompletableFuture<String> bridge : bridges) {
                assertTrue(bridge.isDone(), "round " + round + ": a future from submit() stays pending after close()");
            }
        }
    }

    /** Starts a thread that runs {@code submission} until the loop rejects it; returns once it ran once. */
    private static Thread submitUntilRejected(EventLoop loop, Runnable submission) throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        Thread submitter = Thread.ofPlatform().name("race-submitter").start(() -> {
            while (true) {
                try {
                    submission.run();
                } catch (RejectedExecutionException stopped) {
                    return;
                } finally {
                    first.countDown();
                }
            }
        });
        first.await();
        return submitter;
    }

    private static long reportedDropped(RecordingListener listener) {
        long dropped = 0;
        for (RuntimeException failure : listener.callbackFailures) {
            Matcher m = DROPPED.matcher(String.valueOf(failure.getMessage()));
            if (failure instanceof RejectedExecutionException && m.find()) {
                dropped += Long.parseLong(m.group(1));
            }
        }
        return dropped;
    }
}
