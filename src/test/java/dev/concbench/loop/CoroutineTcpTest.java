package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TCP reads and writes awaited in coroutines: an echo server and a client, each a loop of awaits, on real sockets. */
@Timeout(20)
class CoroutineTcpTest {

    private static final InetSocketAddress ANY_LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final EventLoop serverLoop = EventLoop.start(LoopOptions.defaults().withThreadName("server-loop"));
    private final EventLoop clientLoop = EventLoop.start(LoopOptions.defaults().withThreadName("client-loop"));

    @AfterEach
    void close() {
        clientLoop.close();
        serverLoop.close();
    }

    /** asyncio's echo handler: {@code while data := await reader.read(): writer.write(data); await writer.drain()}. */
    private static void echo(TcpConnection c) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (await(c.read(buffer.clear())) >= 0) {
            await(c.write(buffer.flip()));
        }
        await(c.shutdownOutput());
    }

    @Test
    void anEchoServerAndClientWrittenStraightLine() throws Exception {
        int port = serverLoop.submit(() -> serverLoop.completed(serverLoop.startServer(ANY_LOCAL, 64,
                c -> serverLoop.spawnCoroutine("echo", () -> echo(c))).port())).get(5, TimeUnit.SECONDS);
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
