/**
 * The event loop: asyncio's loop for the JVM, on one thread and a {@link java.nio.channels.Selector}.
 * Depends on nothing else of concbench and is usable on its own.
 *
 * <h2>API</h2>
 * <ul>
 * <li>{@link dev.concbench.loop.EventLoop} — {@code start(LoopOptions)}, {@code run(options, loop -> future)}
 *     (asyncio.run), {@code execute(Runnable)} (call_soon[_threadsafe], any thread),
 *     {@code callLater(Duration, Runnable)} / {@code callAt(nanos, Runnable)} → {@link dev.concbench.loop.TimerHandle},
 *     {@code sleep(Duration)}, {@code spawn(name, () -> future)} (create_task) → {@link dev.concbench.loop.LoopTask},
 *     {@code fireAndForget(name, body)}, {@code submit(body)} → {@code CompletableFuture} (run_coroutine_threadsafe, any thread),
 *     {@code runInExecutor(Executor, Callable)}, {@code adapt(CompletionStage)}, {@code gather(list)},
 *     {@code gatherSettled(list)} (return_exceptions=True) → {@link dev.concbench.loop.Outcome}s,
 *     {@code waitFor(future, Duration)} → {@link dev.concbench.loop.AsyncTimeoutException},
 *     {@code openConnection(addr)} → {@link dev.concbench.loop.TcpConnection}, {@code startServer(addr, backlog, onAccept)}
 *     → {@link dev.concbench.loop.TcpServer}, {@code register(SelectableChannel, ops, IoHandler)} →
 *     {@link dev.concbench.loop.IoRegistration} (a channel someone else owns), {@code stats()} →
 *     {@link dev.concbench.loop.LoopStats}, {@code state()} → {@link dev.concbench.loop.LoopState}, {@code close()}.</li>
 * <li>{@link dev.concbench.loop.LoopFuture} — {@code complete}, {@code fail}, {@code cancel} (propagates to what it
 *     awaits), {@code result}, {@code exception}, {@code onDone}, {@code then} (await), {@code map}, {@code handle},
 *     {@code recover}, {@code andFinally} (async try/finally), {@code toCompletableFuture()} (any thread).</li>
 * <li>{@link dev.concbench.loop.AsyncQueue} ({@code put}, {@code offer}, {@code get}, {@code taskDone}, {@code join}),
 *     {@link dev.concbench.loop.AsyncSemaphore} ({@code acquire}, {@code release}, {@code withPermit}),
 *     {@link dev.concbench.loop.AsyncIterator} ({@code next}, {@code forEach}: async for),
 *     {@link dev.concbench.loop.AsyncGenerator} ({@code of(loop, index -> ...)}),
 *     {@link dev.concbench.loop.AsyncScope#using} with {@link dev.concbench.loop.AsyncResource} (async with).</li>
 * <li>{@link dev.concbench.loop.TcpConnection} — {@code read(ByteBuffer)} (-1 at EOF), {@code readExactly(n)},
 *     {@code readUntil(byte, max)}, {@code write(ByteBuffer)} (completes when the kernel took it all: await it
 *     for back-pressure), {@code pendingWriteBytes()}, {@code shutdownOutput()}, {@code close()}.
 *     {@link dev.concbench.loop.TcpServer} — {@code port()}, {@code address()}, {@code close()}.</li>
 * <li>{@link dev.concbench.loop.LoopOptions} — thread name, {@link dev.concbench.loop.LoopClock} (inject a
 *     {@link dev.concbench.loop.ManualClock} in tests), debug mode, slow-callback threshold (100 ms),
 *     injected spin, {@link dev.concbench.loop.LoopListener}.</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * Everything runs on the loop thread; methods callable from other threads say so. A call from the
 * wrong thread throws {@link java.lang.IllegalStateException} naming both threads.
 *
 * <h2>Injected slowdown</h2>
 * {@code CONCBENCH_INJECT_LOOP_SPIN_NS=N} (or {@code -Dconcbench.inject.loopSpinNanos=N}) makes
 * every loop started with {@link dev.concbench.loop.LoopOptions#defaults()} busy-wait N ns before
 * each ready callback. Default 0. Only for proving the regression gate.
 */
package dev.concbench.loop;
