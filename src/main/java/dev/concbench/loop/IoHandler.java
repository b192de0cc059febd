package dev.concbench.loop;

import java.io.IOException;

/**
 * Reacts to a registered channel becoming ready ({@link EventLoop#register}). Runs on the loop
 * thread and must not block: read or write what the channel allows now and return.
 */
@FunctionalInterface
public interface IoHandler {

    /**
     * The channel is ready for {@code readyOps} ({@link java.nio.channels.SelectionKey} bits).
     *
     * @throws IOException reported as a callback failure; the handler should close its channel
     *                     first if the error is fatal to it
     */
    void ready(IoRegistration registration, int readyOps) throws IOException;
}
