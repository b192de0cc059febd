package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A Unix-domain socket owned by someone else (as the worker pool's are) served by the loop. */
@Timeout(10)
class ForeignChannelTest {

    @TempDir
    Path dir;

    @Test
    void theLoopServesARegisteredChannelAndLeavesItOpenOnClose() throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("worker.sock"));
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(address);
            try (SocketChannel client = SocketChannel.open(address); SocketChannel served = listener.accept()) {
                EventLoop loop = EventLoop.start(LoopOptions.defaults().withThreadName("foreign-loop"));
                CompletableFuture<String> received = new CompletableFuture<>();
                CompletableFuture<String> handlerThread = new CompletableFuture<>();
                ByteBuffer buffer = ByteBuffer.allocate(64);
                loop.submit(() -> {
                    try {
                        loop.register(served, SelectionKey.OP_READ, (registration, ops) -> {
                            handlerThread.complete(Thread.currentThread().getName());
                            served.read(buffer);
                            if (buffer.position() == 5) {
                                registration.cancel();
                                received.complete(new String(buffer.array(), 0, 5, StandardCharsets.UTF_8));
                            }
                        });
                    } catch (java.io.IOException e) {
                        return loop.failed(e);
                    }
                    return loop.completed(null);
                }).get(5, TimeUnit.SECONDS);
                client.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)));
                assertEquals("hello", received.get(5, TimeUnit.SECONDS));
                assertEquals("foreign-loop", handlerThread.get());
                loop.close();
                assertTrue(served.isOpen(), "the loop must not close a channel it does not own");
            }
        }
    }
}
