package dev.concbench.results;

import java.util.List;

/**
 * {@code env.json}'s {@code python}: the CPython a run measured beside the JVM, or why it measured none.
 *
 * @param executable     the interpreter's path, or null when none ran
 * @param version        e.g. {@code 3.11.7}, or null
 * @param implementation e.g. {@code CPython}, or null
 * @param gilEnabled     whether the GIL was enabled ({@code sys._is_gil_enabled()} on 3.13+, else true), or null
 * @param freeThreaded   whether the interpreter is a free-threaded build ({@code Py_GIL_DISABLED}), or null
 * @param skipped        models this interpreter could not run, with why (e.g. uvloop not installed)
 * @param absent         why no CPython rows were measured ({@code --no-python}, no python3, too old), or null
 */
public record PythonInfo(String executable, String version, String implementation, Boolean gilEnabled,
        Boolean freeThreaded, List<String> skipped, String absent) {

    public PythonInfo {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    /** No CPython side ran, for {@code reason}. */
    public static PythonInfo absent(String reason) {
        return new PythonInfo(null, null, null, null, null, List.of(), reason);
    }

    /** Whether CPython rows were measured. */
    public boolean ran() {
        return absent == null;
    }

    /**
     * How the report and claims name this runtime's column, e.g. {@code CPython 3.11 (GIL)} or
     * {@code CPython 3.13 (free-threaded)}: a free-threaded build is a runtime of its own.
     */
    public String label() {
        if (!ran()) {
            return "CPython";
        }
        String minor = version == null ? "" : " " + version.replaceAll("^(\\d+\\.\\d+).*", "$1");
        boolean noGil = Boolean.TRUE.equals(freeThreaded) && Boolean.FALSE.equals(gilEnabled);
        return (implementation == null ? "CPython" : implementation) + minor + (noGil ? " (free-threaded)" : " (GIL)");
    }
}
