package dev.concbench.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The loop's {@link Selector} and the wake-up protocol between the loop thread and submitters.
 *
 * <p>The wake-up race: the loop announces {@code sleeping = true}, then re-checks the submission
 * queue, then blocks in {@code select}. A submitter first enqueues, then flips {@code sleeping}
 * from true to false and only then calls {@link Selector#wakeup()}. Either the loop's re-check
 * sees the new item (and does not block), or the submitter sees {@code sleeping == true} and its
 * wakeup makes the coming (or current) select return at once. A submitter that finds the loop
 * awake skips the wakeup system call, which is the common case under load.
 */
final class IoSelector implements AutoCloseable {

    private final Selector selector;
    private final AtomicBoolean sleeping = new AtomicBoolean();
    /** Wakeup system calls issued, for tests of the protocol above. */
    private final AtomicLong wakeups = new AtomicLong();

    IoSelector() {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /**
     * Waits for I/O at most {@code timeoutNanos} (-1: until woken, 0: do not wait), unless
     * {@code submissions} is non-empty. Loop thread.
     */
    void select(long timeoutNanos, Queue<?> submissions) throws IOException {
        if (timeoutNanos == 0) {
            selector.selectNow();
            return;
        }
        sleeping.set(true);
        try {
            if (!submissions.isEmpty()) {
                selector.selectNow();
            } else if (timeoutNanos < 0) {
                selector.select();
            } else {
                // round up: waking a little late is harmless, waking early spins the loop
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos + 999_999)));
            }
        } finally {
            sleeping.set(false);
        }
    }

    /** Hands each ready key to {@code handler} and clears the ready set. Loop thread. */
    void dispatchReady(Consumer<SelectionKey> handler) {
        Set<SelectionKey> ready = selector.selectedKeys();
        if (ready.isEmpty()) {
            return;
        }
        Iterator<SelectionKey> it = ready.iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (key.isValid()) {
                handler.accept(key);
            }
        }
    }

    /** Wakes the loop if it is blocked in select; any thread. */
    void wakeupIfSleeping() {
        if (sleeping.compareAndSet(true, false)) {
            wakeups.incrementAndGet();
            selector.wakeup();
        }
    }

    /**
     * Makes the current select, or the next one if none is in progress, return at once, whether or
     * not the loop is sleeping: for {@code close()}, whose state change the loop checks only between
     * turns. Any thread.
     */
    void wakeup() {
        wakeups.incrementAndGet();
        selector.wakeup();
    }

    boolean isSleeping() {
        return sleeping.get();
    }

    long wakeups() {
        return wakeups.get();
    }

    SelectionKey register(SelectableChannel channel, int ops) throws IOException {
        channel.configureBlocking(false);
        return channel.register(selector, ops);
    }

    /**
     * At shutdown: closes the channels the loop owns, cancels every key and closes the selector; a
     * failure to close is reported to {@code listener}, never thrown. Loop thread.
     */
    void closeAll(LoopListener listener) {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof IoRegistration r && r.ownedByLoop()) {
                try {
                    key.channel().close();
                } catch (IOException e) {
                    listener.callbackFailed("close " + key.channel(), new UncheckedIOException(e));
                }
            }
            key.cancel();
        }
        try {
            close();
        } catch (IOException e) {
            listener.callbackFailed("selector close", new UncheckedIOException(e));
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
    }
}
