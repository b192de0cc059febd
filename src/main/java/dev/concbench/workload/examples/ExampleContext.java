package dev.concbench.workload.examples;

import static dev.concbench.loop.Coroutine.await;

import dev.concbench.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What an example sees while it runs: its loop, the time scale, a place to print and to record
 * facts, and the executor for offloaded work. Loop thread only (the offload executor excepted).
 */
public final class ExampleContext {

    private final EventLoop loop;
    private final ExampleSettings settings;
    private final Supplier<Executor> offload;
    private final List<String> output = new ArrayList<>();
    private final Map<String, Long> facts = new LinkedHashMap<>();

    ExampleContext(EventLoop loop, ExampleSettings settings, Supplier<Executor> offload) {
        this.loop = loop;
        this.settings = settings;
        this.offload = offload;
    }

    public EventLoop loop() {
        return loop;
    }

    /** The length of one seed second. */
    public Duration unit() {
        return settings.unit();
    }

    /** {@code seconds} of the seed, scaled ({@code units(0.5)} is half a unit). */
    public Duration units(double seconds) {
        return Duration.ofNanos(Math.round(seconds * settings.unit().toNanos()));
    }

    /** {@code await asyncio.sleep(seconds)}, scaled; in a coroutine. */
    public void sleep(double seconds) {
        await(loop.sleep(units(seconds)));
    }

    /** The seed's {@code print(line)}. */
    public void print(String line) {
        loop.checkInLoop("ExampleContext.print");
        output.add(line);
        settings.out().accept(line);
    }

    /** Records a key observation for {@link ExampleResult#facts()}. */
    public void fact(String name, long value) {
        loop.checkInLoop("ExampleContext.fact");
        facts.put(name, value);
    }

    /**
     * The local HTTP server's starter from the settings.
     *
     * @throws IllegalStateException when the settings bring none
     */
    public HttpServerStarter httpServer() {
        return settings.httpServer().orElseThrow(() -> new IllegalStateException(
                "this example needs a local HTTP server; none was given (ExampleSettings.withHttpServer)"));
    }

    /** Where CPU work is offloaded ({@code run_in_executor}'s executor). */
    public Executor offload() {
        return offload.get();
    }

    List<String> output() {
        return output;
    }

    Map<String, Long> facts() {
        return facts;
    }
}
