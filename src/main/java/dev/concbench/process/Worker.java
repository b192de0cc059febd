package dev.concbench.process;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;

/**
 * The parent's side of one worker JVM: its process, its connection and the task it is running.
 *
 * <p>{@code inFlight} is guarded by the pool's lock. Only the thread that assigned a task writes
 * that task's frame, and a worker has at most one task, so writes to the channel never overlap.
 */
final class Worker {

    /**
     * A submitted task: {@code frame} is its TASK frame, encoded once at submit (so a task too large
     * to send fails there, not on a worker); {@code submitNanos} is {@link System#nanoTime()} at submit.
     */
    record Task(long id, String function, ByteBuffer frame, CompletableFuture<WorkerResult> future, long submitNanos) {
    }

    private final Process process;
    private final SocketChannel channel;
    Task inFlight;

    Worker(Process process, SocketChannel channel) {
        this.process = process;
        this.channel = channel;
    }

    long pid() {
        return process.pid();
    }

    SocketChannel channel() {
        return channel;
    }

    /** Sends a task; an I/O failure closes the channel so the reader reports the worker as dead. */
    void send(Task task) {
        try {
            Frame.writeFully(task.frame().duplicate(), channel);
        } catch (IOException e) {
            disconnect();
        }
    }

    /** Closes the connection; the worker reads EOF and exits, the reader thread sees the close. */
    void disconnect() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a socket channel only fails if the fd is already bad: the worker is gone either way.
            process.destroyForcibly();
        }
    }

    /**
     * Waits up to {@code grace} for the process to exit, then kills it, and returns its exit code.
     * Always waits for the process to be reaped, so no zombie or orphan remains.
     */
    int awaitExit(Duration grace) throws InterruptedException {
        CompletableFuture<Process> exit = process.onExit();
        try {
            exit.get(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Process.onExit failed for worker pid " + pid(), e);
        }
        return process.waitFor();
    }

    /** What the pool does with a frame the worker sent (on the worker's reader thread). */
    @FunctionalInterface
    interface FrameHandler {
        void answered(Worker worker, Frame frame) throws IOException;
    }

    /** What the pool does once the worker's connection ended (on the worker's reader thread). */
    @FunctionalInterface
    interface EndHandler {
        void ended(Worker worker) throws InterruptedException;
    }

    /** The reader thread's body: hands each frame to {@code onFrame} until the connection ends, then calls {@code onEnd}. */
    void readUntilEnd(FrameHandler onFrame, EndHandler onEnd) {
        IOException end;
        try {
            while (true) {
                onFrame.answered(this, Frame.readFrom(channel));
            }
        } catch (IOException e) {
            end = e;
        }
        boolean expected = end instanceof EOFException || end instanceof AsynchronousCloseException;
        if (!expected) {
            // A malformed frame or a broken socket: the worker cannot be trusted with another task.
            kill();
        }
        try {
            onEnd.ended(this);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once (used when the worker misbehaved or the pool is going away). */
    void kill() {
        process.destroyForcibly();
    }
}
