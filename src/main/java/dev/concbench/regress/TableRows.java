package dev.concbench.regress;

import dev.concbench.results.Comparison;
import dev.concbench.results.RowComparison;
import dev.concbench.results.Mode;
import java.util.List;
import java.util.stream.Collectors;

/** The columns both renderings (terminal, markdown) show, so that they say the same thing. */
final class TableRows {

    static final List<String> HEADER =
            List.of("status", "scenario", "model", "metric", "baseline", "current", "change", "detectable", "note");

    private TableRows() {
    }

    /** The rows worst status first, in run order within a status. */
    static List<RowComparison> ordered(List<RowComparison> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(RowComparison::status)).toList();
    }

    /** One row's cells, in {@link #HEADER} order. */
    static List<String> cells(RowComparison r) {
        String status = r.status().label() + (r.guarded() ? " (guarded)" : "");
        String change = r.change().isEmpty() || r.reference() == null
                ? r.change() : r.change() + " (vs " + r.reference() + ")";
        String note = r.note();
        if (r.guarded()) {
            note = (note.isEmpty() ? "" : note + "; ") + String.join("; ", r.guards());
        }
        return List.of(status, r.scenario(), r.modelAndParams(), r.metric(), side(r.baseline()),
                side(r.current()), change, detectable(r.detectable()), note);
    }

    /**
     * The row's minimum detectable effect, e.g. {@code ">= 12%"}: the smallest worsening it could
     * have flagged; {@code "unbounded"} when no worsening could; {@code "-"} when not compared.
     */
    static String detectable(double fraction) {
        if (Double.isNaN(fraction)) {
            return "-";
        }
        return Double.isInfinite(fraction) ? "unbounded" : String.format(java.util.Locale.ROOT, ">= %.0f%%", fraction * 100);
    }

    private static String side(dev.concbench.results.ResultRow row) {
        return row == null ? "-" : ChangeText.value(row.value(), row.error(), row.unit());
    }

    /** What was compared with what, how, in one line. */
    static String describe(Comparison c) {
        String mode = c.mode() == Mode.RATIOS
                ? "ratios (each model over a reference model of the same run)" : "absolute";
        return "baseline " + c.baselineRunId() + " vs current " + c.currentRunId() + "; mode " + mode
                + "; threshold " + c.thresholdRule() + "; rows with raw samples from at least "
                + BootstrapRatio.MIN_FORKS + " forks on both sides: the ratio of their best-side deciles (medians for"
                + " neutral metrics) with a bootstrap interval (forks, then iterations), a change only when the whole"
                + " interval lies beyond the threshold;"
                + " other rows: a change only beyond both the threshold and the combined JMH 99.9% error;"
                + " 'detectable' is the smallest worsening each row could have flagged";
    }

    /** The notes, one per line, each prefixed. */
    static String notes(Comparison c, String prefix) {
        return c.environmentNotes().stream().map(n -> prefix + n).collect(Collectors.joining("\n"));
    }
}
