package dev.concbench.loop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test listener that keeps every report instead of logging it. */
final class RecordingListener implements LoopListener {

    final List<SlowCallback> slow = new CopyOnWriteArrayList<>();
    final List<RuntimeException> callbackFailures = new CopyOnWriteArrayList<>();
    final List<String> taskFailures = new CopyOnWriteArrayList<>();

    @Override
    public void slowCallback(SlowCallback report) {
        slow.add(report);
    }

    @Override
    public void callbackFailed(Object callback, RuntimeException failure) {
        callbackFailures.add(failure);
    }

    @Override
    public void taskFailed(String taskName, Throwable failure) {
        taskFailures.add(taskName + ": " + failure.getMessage());
    }
}
