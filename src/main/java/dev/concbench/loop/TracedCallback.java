package dev.concbench.loop;

/**
 * Debug mode's callback wrapper: remembers where the callback was scheduled (asyncio's
 * {@code source_traceback}) so a slow-callback report can name it. Costs one stack capture per
 * scheduled callback, which is why only debug mode uses it.
 */
final class TracedCallback implements Runnable {

    private static final String LOOP_PACKAGE = EventLoop.class.getPackageName() + ".";
    private static final String UNTRACED = "unknown (debug mode off)";

    private final Runnable action;
    private final Object described;
    private final StackTraceElement[] origin;

    TracedCallback(Runnable action, Object described) {
        this.action = action instanceof TracedCallback t ? t.action : action;
        this.described = described;
        this.origin = new Throwable().getStackTrace();
    }

    @Override
    public void run() {
        action.run();
    }

    /** The first frame outside the loop package where {@code callback} was scheduled. */
    static String origin(Runnable callback) {
        if (!(callback instanceof TracedCallback traced)) {
            return UNTRACED;
        }
        for (StackTraceElement frame : traced.origin) {
            String cls = frame.getClassName();
            boolean ourTest = cls.endsWith("Test") || cls.contains("Test$");
            if (!cls.startsWith(LOOP_PACKAGE) || ourTest) {
                return frame.toString();
            }
        }
        return traced.origin.length > 0 ? traced.origin[traced.origin.length - 1].toString() : UNTRACED;
    }

    @Override
    public String toString() {
        return String.valueOf(described);
    }
}
