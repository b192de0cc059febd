package dev.concbench.loop;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * A channel registered with an {@link EventLoop}'s selector and the handler that serves it. Loop
 * thread only (use {@link EventLoop#execute} from elsewhere).
 *
 * <p>The loop does not own a channel registered through {@link EventLoop#register}: cancelling the
 * registration or closing the loop deregisters it but leaves it open, so a channel owned by
 * someone else (say a Unix-domain socket to a worker process) outlives the loop.
 */
public final class IoRegistration implements Cancellable {

    private final EventLoop loop;
    private final SelectionKey key;
    private final boolean ownedByLoop;
    private IoHandler handler;

    IoRegistration(EventLoop loop, SelectionKey key, IoHandler handler, boolean ownedByLoop) {
        this.loop = loop;
        this.key = key;
        this.handler = handler;
        this.ownedByLoop = ownedByLoop;
    }

    public SelectableChannel channel() {
        return key.channel();
    }

    /** The {@link SelectionKey} bits the loop watches for now. */
    public int interestOps() {
        loop.checkInLoop("IoRegistration.interestOps");
        return key.isValid() ? key.interestOps() : 0;
    }

    /** Replaces the watched bits (e.g. add {@code OP_WRITE} while output is queued). */
    public void interestOps(int ops) {
        loop.checkInLoop("IoRegistration.interestOps");
        if (key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Adds {@code ops} to the watched bits. */
    public void watch(int ops) {
        interestOps(interestOps() | ops);
    }

    /** Removes {@code ops} from the watched bits. */
    public void unwatch(int ops) {
        interestOps(interestOps() & ~ops);
    }

    public boolean isValid() {
        return key.isValid();
    }

    /** Deregisters from the selector (the channel stays open). */
    @Override
    public boolean cancel() {
        if (!key.isValid()) {
            return false;
        }
        key.cancel();
        return true;
    }

    void handler(IoHandler newHandler) {
        this.handler = newHandler;
    }

    IoHandler handler() {
        return handler;
    }

    boolean ownedByLoop() {
        return ownedByLoop;
    }

    @Override
    public String toString() {
        return "io(" + key.channel() + " -> " + handler + ")";
    }
}
