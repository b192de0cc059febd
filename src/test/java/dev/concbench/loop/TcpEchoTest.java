package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real sockets on 127.0.0.1: a server loop and a separate client loop. */
@Timeout(20)
class TcpEchoTest {

    private static final InetSocketAddress ANY_LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final EventLoop serverLoop = EventLoop.start(LoopOptions.defaults().withThreadName("server-loop"));
    private final EventLoop clientLoop = EventLoop.start(LoopOptions.defaults().withThreadName("client-loop"));

    @AfterEach
    void close() {
        clientLoop.close();
        serverLoop.close();
    }

    /** Echoes every byte back until the peer half-closes, then half-closes too. */
    private static LoopFuture<Void> echo(TcpConnection c) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        return c.read(buffer.clear()).then(n -> {
            if (n < 0) {
                return c.shutdownOutput();
            }
            return c.write(buffer.flip()).then(v -> echo(c));
        });
    }

    private int startEchoServer() throws Exception {
        return serverLoop.submit(() -> serverLoop.completed(
                serverLoop.startServer(ANY_LOCAL, 2048, c -> serverLoop.fireAndForget("echo", () -> echo(c))).port()))
                .get(5, TimeUnit.SECONDS);
    }

    /** One client: connect, send {@code message}, half-close, read everything back. */
    private LoopFuture<String> roundTrip(int port, String message) {
        return clientLoop.openConnection(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .then(c -> c.write(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)))
                        .then(v -> c.shutdownOutput())
                        .then(v -> readAll(c, new StringBuilder()))
                        .andFinally(() -> {
                            c.close();
                            return clientLoop.completed(null);
                        }));
    }

    private static LoopFuture<String> readAll(TcpConnection c, StringBuilder into) {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        return c.read(buffer).then(n -> {
            if (n < 0) {
                return c.loop().completed(into.toString());
            }
            into.append(StandardCharsets.UTF_8.decode(buffer.flip()));
            return readAll(c, into);
        });
    }

    @Test
    void echoesThroughAThousandConcurrentConnections() throws Exception {
        int port = startEchoServer();
        int connections = 1000;
        List<String> replies = clientLoop.submit(() -> {
            List<LoopFuture<String>> all = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                all.add(roundTrip(port, "hello from client " + i));
            }
            return clientLoop.gather(all);
        }).get(15, TimeUnit.SECONDS);
        assertEquals(connections, replies.size());
        for (int i = 0; i < connections; i++) {
            assertEquals("hello from client " + i, replies.get(i));
        }
        assertEquals(0, serverLoop.stats().taskFailures());
    }

    @Test
    void aResetFailsOnlyThatConnection() throws Exception {
        int port = startEchoServer();
        // a blocking client that resets (SO_LINGER 0) while the loop is waiting to read from it
        List<LoopFuture<Object>> pendingReads = new ArrayList<>();
        int[] accepted = {0};
        int resetPort = serverLoop.submit(() -> serverLoop.completed(serverLoop.startServer(ANY_LOCAL, 16, c -> {
            accepted[0]++;
            pendingReads.add(c.readExactly(10).map(b -> (Object) b));
        }).port())).get(5, TimeUnit.SECONDS);
        try (Socket resetter = new Socket(InetAddress.getLoopbackAddress(), resetPort)) {
            resetter.setOption(StandardSocketOptions.SO_LINGER, 0);
            resetter.getOutputStream().write(1);
            waitUntil(() -> onServer(() -> pendingReads.size()) == 1);
        }
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> onServerFuture(() -> pendingReads.get(0)).get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause());
        // the loop and the other server still work
        String reply = clientLoop.submit(() -> roundTrip(port, "still alive")).get(5, TimeUnit.SECONDS);
        assertEquals("still alive", reply);
    }

    @Test
    void aHalfCloseEndsExactReadsWithEofButLeavesWritesOpen() throws Exception {
        List<LoopFuture<Object>> reads = new ArrayList<>();
        int port = serverLoop.submit(() -> serverLoop.completed(serverLoop.startServer(ANY_LOCAL, 16,
                c -> reads.add(c.readExactly(100).map(b -> (Object) b)
                        .recover(e -> c.write(ByteBuffer.wrap("bye".getBytes(StandardCharsets.UTF_8)))
                                .then(v -> c.loop().<Object>failed(e))))).port())).get(5, TimeUnit.SECONDS);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write("short".getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            assertEquals("bye", new String(s.getInputStream().readNBytes(3), StandardCharsets.UTF_8));
        }
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> onServerFuture(() -> reads.get(0)).get(5, TimeUnit.SECONDS));
        assertInstanceOf(EOFException.class, failure.getCause());
    }

    @Test
    void aWriteStaysPendingWhileThePeerDoesNotReadThenCompletes() throws Exception {
        int size = 64 * 1024 * 1024;  // more than both socket buffers can hold (tcp_wmem + tcp_rmem maxima)
        try (java.net.ServerSocket peer = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CompletableFuture<LoopFuture<Void>> writing = clientLoop.submit(() -> clientLoop
                    .openConnection(new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.getLocalPort()))
                    .map(c -> c.write(ByteBuffer.allocate(size))));
            try (Socket accepted = peer.accept()) {
                LoopFuture<Void> write = writing.get(5, TimeUnit.SECONDS);
                Thread.sleep(100);  // give the loop time to fill the socket buffers
                long pending = clientLoop.submit(() -> clientLoop.completed(write.isDone() ? 0L : 1L))
                        .get(5, TimeUnit.SECONDS);
                assertEquals(1L, pending, "the write cannot be done: the peer has read nothing");
                assertEquals(size, accepted.getInputStream().readNBytes(size).length);
                clientLoop.submit(() -> write).get(5, TimeUnit.SECONDS);
            }
        }
    }

    private <T> T onServer(java.util.function.Supplier<T> read) {
        try {
            return serverLoop.submit(() -> serverLoop.completed(read.get())).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private <T> java.util.concurrent.CompletableFuture<T> onServerFuture(java.util.function.Supplier<LoopFuture<T>> f) {
        return serverLoop.submit(f);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(5);
        }
    }

    /** asyncio's echo handler: {@code while data := await reader.read(): writer.write(data); await writer.drain()}. */
    private static void echoCoroutine(TcpConnection c) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (await(c.read(buffer.clear())) >= 0) {
            await(c.write(buffer.flip()));
        }
        await(c.shutdownOutput());
    }

    @Test
    void anEchoServerAndClientWrittenStraightLine() throws Exception {
        int port = serverLoop.submit(() -> serverLoop.completed(serverLoop.startServer(ANY_LOCAL, 64,
                c -> serverLoop.spawnCoroutine("echo", () -> echoCoroutine(c))).port())).get(5, TimeUnit.SECONDS);
        String message = "hello, coroutines ".repeat(1_000);
        String echoed = Coroutine.run(clientLoop, "client", () -> {
            TcpConnection c = await(clientLoop.openConnection(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            try {
                await(c.write(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8))));
                await(c.shutdownOutput());
                StringBuilder out = new StringBuilder();
                ByteBuffer buffer = ByteBuffer.allocate(4096);
                while (await(c.read(buffer.clear())) >= 0) {
                    out.append(StandardCharsets.UTF_8.decode(buffer.flip()));
                }
                return out.toString();
            } finally {
                c.close();
            }
        }).get(10, TimeUnit.SECONDS);
        assertEquals(message, echoed);
    }
}
