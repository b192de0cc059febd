package dev.concbench.run;

import java.io.PrintStream;

/**
 * The run's progress: {@code scenario k/n: <item> ... ~Xs left}. On a terminal it is one line,
 * rewritten in place; otherwise (CI logs, pipes) one plain line per item. The time left is the
 * plan's estimate for the remaining items, scaled by how the finished items compared with theirs.
 *
 * <p>Called from the run's thread only.
 */
final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final double totalEstimate;
    private double doneEstimate;
    private final long startNanos = System.nanoTime();
    private boolean lineOpen;

    /**
     * @param out           where progress goes (stderr, so stdout stays for results)
     * @param terminal      whether {@code out} is a terminal (rewrite one line) or not (plain lines)
     * @param totalEstimate the plan's estimate, in seconds
     */
    Progress(PrintStream out, boolean terminal, double totalEstimate) {
        this.out = out;
        this.terminal = terminal;
        this.totalEstimate = totalEstimate;
    }

    /** Item {@code k} of {@code n} starts. */
    void starting(int k, int n, PlanItem item) {
        String line = "scenario " + k + "/" + n + ": " + item.scenario().benchmark() + " " + item.label()
                + " ... ~" + Math.round(secondsLeft()) + "s left";
        if (terminal) {
            out.print("\r\033[K" + line);
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The item that started last has finished. */
    void finished(PlanItem item) {
        doneEstimate += item.estimatedSeconds();
    }

    /** Ends the updating line so that what follows starts on its own line. */
    void close() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.flush();
    }

    /** A message on its own line, not overwritten by the next progress update. */
    void note(String message) {
        close();
        out.println(message);
        out.flush();
    }

    private double secondsLeft() {
        double remaining = Math.max(0, totalEstimate - doneEstimate);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double pace = doneEstimate > 0 ? elapsed / doneEstimate : 1.0;
        return remaining * pace;
    }
}
