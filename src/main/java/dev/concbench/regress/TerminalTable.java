package dev.concbench.regress;

import dev.concbench.results.Comparison;
import java.util.ArrayList;
import java.util.List;

/** The comparison as plain text for a terminal or a CI log: one aligned table, worst rows first. */
public final class TerminalTable {

    private TerminalTable() {
    }

    /** The whole text: what was compared, environment notes, the table, the headline last. */
    public static String render(Comparison c) {
        StringBuilder out = new StringBuilder("compare: ").append(TableRows.describe(c)).append('\n');
        if (!c.environmentNotes().isEmpty()) {
            out.append(TableRows.notes(c, "compare: NOTE: ")).append('\n');
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(TableRows.HEADER);
        TableRows.ordered(c.rows()).forEach(r -> lines.add(TableRows.cells(r)));
        int[] widths = new int[TableRows.HEADER.size()];
        lines.forEach(l -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], l.get(i).length());
            }
        });
        for (List<String> l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = l.get(i);
                line.append(i == widths.length - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.append("compare: ").append(c.headline()).append('\n').toString();
    }
}
