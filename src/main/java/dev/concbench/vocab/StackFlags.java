package dev.concbench.vocab;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code thread-per-task} model's {@code stack} parameter: a JVM setting of the fork, not a
 * benchmark parameter. A platform thread reserves the stack size it is given, which for a JVM thread
 * is {@code -Xss} (1 MiB by default on x64 Linux); {@code stack=8m} starts the fork with
 * {@code -Xss8m}, glibc's default (what a CPython thread reserves), so the memory row can show the
 * seed's "~8 MB" on the JVM beside the JVM default.
 */
public final class StackFlags {

    /** The parameter's name in scenario files and result rows. */
    public static final String PARAM = "stack";

    /** A size as {@code -Xss} takes it: digits and an optional {@code k}, {@code m} or {@code g}. */
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    private StackFlags() {
    }

    /** Whether {@code size} is a stack size {@code -Xss} accepts, e.g. {@code 8m}, {@code 512k}. */
    public static boolean valid(String size) {
        return SIZE.matcher(size).matches();
    }

    /**
     * The JVM arguments that give every Java thread of the fork a stack of {@code size}.
     *
     * @param size the stack size as the scenario wrote it, e.g. {@code 8m}
     * @throws IllegalArgumentException when {@link #valid} says no
     */
    public static List<String> jvmArgs(String size) {
        if (!valid(size)) {
            throw new IllegalArgumentException("stack must be a size such as 8m or 512k, was '" + size + "'");
        }
        return List.of("-Xss" + size);
    }
}
