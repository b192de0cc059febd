package dev.concbench.process;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The main class of a worker JVM: connects to the parent's socket, says hello with its pid, then
 * runs one task at a time on its main thread and answers each with a RESULT or an ERROR frame.
 *
 * <p>It exits with status 0 on EOF from the parent (the parent closed the pool or died), and halts
 * with {@link #PARENT_GONE} as soon as its parent process is gone, even in the middle of a task,
 * so a worker never outlives its parent. An {@link Error} from a function is not caught: the worker
 * dies and the parent reports a {@link WorkerCrashedException}.
 */
public final class WorkerMain {

    /** Exit status when the parent process disappeared. */
    static final int PARENT_GONE = 3;
    /** Exit status for a bad command line or a bad function registry. */
    static final int BAD_SETUP = 2;

    private final Map<String, WorkerFunction> functions;

    private WorkerMain(Map<String, WorkerFunction> functions) {
        this.functions = functions;
    }

    /** {@code WorkerMain SOCKET_PATH}: started by {@link WorkerPool}, not by hand. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: WorkerMain SOCKET_PATH (started by WorkerPool), got " + args.length + " arguments");
            System.exit(BAD_SETUP);
        }
        exitWhenParentDies();
        Map<String, WorkerFunction> functions;
        try {
            functions = loadFunctions();
        } catch (IllegalStateException e) {
            System.err.println("concbench worker: " + e.getMessage());
            System.exit(BAD_SETUP);
            return;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            connect(channel, Path.of(args[0]));
            Frame.hello(ProcessHandle.current().pid()).writeTo(channel);
            new WorkerMain(functions).serve(channel);
        }
    }

    /** Connects, or exits with one line on stderr: the parent reports the early exit with the pid. */
    private static void connect(SocketChannel channel, Path socket) {
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            System.err.println("concbench worker pid " + ProcessHandle.current().pid() + ": cannot connect to "
                    + socket + ": " + e.getMessage());
            System.exit(BAD_SETUP);
        }
    }

    /**
     * The functions on the classpath by name.
     *
     * @throws IllegalStateException when two functions share a name
     */
    static Map<String, WorkerFunction> loadFunctions() {
        Map<String, WorkerFunction> byName = new TreeMap<>();
        for (WorkerFunction function : ServiceLoader.load(WorkerFunction.class)) {
            WorkerFunction previous = byName.putIfAbsent(function.name(), function);
            if (previous != null) {
                throw new IllegalStateException("worker function names must be unique, '" + function.name()
                        + "' is registered by " + previous.getClass().getName() + " and "
                        + function.getClass().getName());
            }
        }
        return byName;
    }

    /** Answers TASK frames until the parent closes the connection. */
    private void serve(SocketChannel channel) throws IOException {
        while (true) {
            Frame task;
            try {
                task = Frame.readFrom(channel);
            } catch (EOFException parentClosed) {
                return;
            }
            if (task.kind() != Frame.Kind.TASK) {
                throw new IOException("worker expects TASK frames, got " + task.kind());
            }
            run(task).writeTo(channel);
        }
    }

    private Frame run(Frame task) {
        long start = System.nanoTime();
        WorkerFunction function = functions.get(task.text1());
        try {
            if (function == null) {
                throw new IllegalArgumentException("unknown worker function '" + task.text1()
                        + "'; known functions: " + functions.keySet());
            }
            String value = function.apply(task.text2());
            return Frame.result(task.id(), System.nanoTime() - start, value);
        } catch (Exception e) {
            return Frame.error(task.id(), System.nanoTime() - start, e);
        }
    }

    /**
     * EOF on the socket is not enough: a worker busy in a long function does not read. Watching
     * the parent's handle covers that case; halt (not exit) so no shutdown hook can delay it.
     */
    private static void exitWhenParentDies() {
        ProcessHandle.current().parent().ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(PARENT_GONE)),
                () -> Runtime.getRuntime().halt(PARENT_GONE));
    }
}
