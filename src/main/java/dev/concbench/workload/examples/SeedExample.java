package dev.concbench.workload.examples;

import dev.concbench.loop.LoopFuture;
import java.util.Objects;

/**
 * One of the seed's example programs, written against {@link dev.concbench.loop}.
 *
 * @param name    the name on the command line, e.g. {@code "gather"}
 * @param summary one line for {@code example --list}: what the program shows
 * @param program its {@code main()} coroutine: prints what the seed's program prints through
 *                {@link ExampleContext#print} and waits in units of the seed's seconds
 */
public record SeedExample(String name, String summary, Program program) {

    /**
     * The body of an example, the seed's {@code async def main()}: runs as a coroutine on the loop
     * thread, straight-line, with {@code await} at each switch point.
     */
    @FunctionalInterface
    public interface Program {
        void run(ExampleContext ctx) throws Exception;
    }

    public SeedExample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(program, "program");
    }

    /** Starts the program as a coroutine on the context's loop (loop thread); the future completes when it ends. */
    public LoopFuture<Void> run(ExampleContext ctx) {
        return ctx.loop().spawnCoroutine(name, () -> program.run(ctx));
    }
}
