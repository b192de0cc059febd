package dev.concbench.process;

/**
 * The worker running a task died before answering (killed, {@code Runtime.halt}, a JVM crash):
 * the future of that task completes exceptionally with this, and the pool starts a replacement.
 */
public final class WorkerCrashedException extends Exception {

    /** On Unix the JDK reports death by signal N as exit code 128 + N. */
    private static final int SIGNAL_BASE = 128;

    private final long workerPid;
    private final int exitCode;

    WorkerCrashedException(long workerPid, int exitCode, String function) {
        super("worker pid " + workerPid + " died while running function '" + function + "': "
                + describe(exitCode));
        this.workerPid = workerPid;
        this.exitCode = exitCode;
    }

    /** The pid of the worker that died. */
    public long workerPid() {
        return workerPid;
    }

    /** Its exit code as {@link Process#exitValue()} reports it (128 + N for signal N). */
    public int exitCode() {
        return exitCode;
    }

    /** The signal that killed the worker, or 0 when it exited by itself. */
    public int signal() {
        return exitCode > SIGNAL_BASE && exitCode < SIGNAL_BASE + 65 ? exitCode - SIGNAL_BASE : 0;
    }

    /** How a process with this exit code ended, e.g. {@code killed by signal 9 (SIGKILL), exit code 137}. */
    static String describe(int exitCode) {
        if (exitCode > SIGNAL_BASE && exitCode < SIGNAL_BASE + 65) {
            int signal = exitCode - SIGNAL_BASE;
            String name = switch (signal) {
                case 9 -> " (SIGKILL)";
                case 15 -> " (SIGTERM)";
                case 6 -> " (SIGABRT)";
                case 11 -> " (SIGSEGV)";
                default -> "";
            };
            return "killed by signal " + signal + name + ", exit code " + exitCode;
        }
        return "exit code " + exitCode;
    }
}
