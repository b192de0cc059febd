package dev.concbench.regress;

import dev.concbench.results.Comparison;
import dev.concbench.results.RowComparison;
import dev.concbench.results.Mode;
import java.util.List;
import java.util.stream.Collectors;

/** The columns both renderings (terminal, markdown) show, so that they say the same thing. */
final class TableRows {

    static final List<String> HEADER =
            List.of("status", "scenario", "model", "metric", "baseline", "current", "change", "note");

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
                side(r.current()), change, note);
    }

    private static String side(dev.concbench.results.ResultRow row) {
        return row == null ? "-" : ChangeText.value(row.value(), row.error(), row.unit());
    }

    /** What was compared with what, how, in one line. */
    static String describe(Comparison c) {
        String mode = c.mode() == Mode.RATIOS
                ? "ratios (each model over a reference model of the same run)" : "absolute";
        return "baseline " + c.baselineRunId() + " vs current " + c.currentRunId() + "; mode " + mode
                + "; threshold " + c.thresholdRule() + "; a change counts only beyond both the threshold and"
                + " the combined 99.9% error";
    }

    /** The notes, one per line, each prefixed. */
    static String notes(Comparison c, String prefix) {
        return c.environmentNotes().stream().map(n -> prefix + n).collect(Collectors.joining("\n"));
    }
}
