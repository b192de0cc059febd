package dev.concbench.process;

/**
 * A task's function threw in the worker: the future of that task completes exceptionally with
 * this. The worker itself is fine and goes on with the next task.
 *
 * <p>The remote exception is not deserialised (the parent may not have its class); its class name
 * and message are carried as text, and the message names the task, the function and the pid.
 */
public final class WorkerTaskException extends Exception {

    private final long workerPid;
    private final String remoteClass;
    private final String remoteMessage;

    WorkerTaskException(long workerPid, String function, String remoteClass, String remoteMessage) {
        super("function '" + function + "' failed in worker pid " + workerPid + ": " + remoteClass
                + (remoteMessage.isEmpty() ? "" : ": " + remoteMessage));
        this.workerPid = workerPid;
        this.remoteClass = remoteClass;
        this.remoteMessage = remoteMessage;
    }

    /** The pid of the worker the function ran in. */
    public long workerPid() {
        return workerPid;
    }

    /** The fully qualified class name of the exception thrown in the worker. */
    public String remoteClass() {
        return remoteClass;
    }

    /** That exception's message, or the empty string when it had none. */
    public String remoteMessage() {
        return remoteMessage;
    }
}
