package dev.concbench.ab;

/**
 * A side of an A/B comparison cannot be used: bad input (an unknown ref, a jar that is not
 * concbench, JVM arguments the JVM refuses) or a build that failed. One line.
 */
public final class SideException extends Exception {

    private final boolean buildFailed;

    SideException(String message, boolean buildFailed) {
        super(message, null, false, false);
        this.buildFailed = buildFailed;
    }

    /** True when a build (or a run of git or Maven) failed, rather than the input being wrong. */
    public boolean buildFailed() {
        return buildFailed;
    }
}
