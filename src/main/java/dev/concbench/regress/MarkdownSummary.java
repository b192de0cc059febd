package dev.concbench.regress;

import dev.concbench.results.Comparison;
import dev.concbench.results.RowComparison;
import dev.concbench.results.Status;
import java.util.List;
import java.util.stream.Collectors;

/** The comparison as GitHub-flavoured markdown for a CI job summary or page. */
public final class MarkdownSummary {

    private MarkdownSummary() {
    }

    /** The whole document: headline, what was compared, notes, counts, changed rows, the rest folded. */
    public static String render(Comparison c) {
        StringBuilder md = new StringBuilder("## concbench compare: ").append(c.headline()).append("\n\n");
        md.append(TableRows.describe(c)).append(".\n\n");
        if (!c.environmentNotes().isEmpty()) {
            md.append(TableRows.notes(c, "> **Note:** ")).append("\n\n");
        }
        md.append(row(c.counts().keySet().stream().map(Status::label).toList()));
        md.append(row(c.counts().keySet().stream().map(s -> "---").toList()));
        md.append(row(c.counts().values().stream().map(String::valueOf).toList())).append('\n');

        List<RowComparison> ordered = TableRows.ordered(c.rows());
        List<RowComparison> changed = ordered.stream().filter(r -> !quiet(r.status())).toList();
        List<RowComparison> quiet = ordered.stream().filter(r -> quiet(r.status())).toList();
        md.append("### Changed, missing and new rows\n\n");
        md.append(changed.isEmpty() ? "None.\n\n" : table(changed) + "\n");
        if (!quiet.isEmpty()) {
            md.append("<details><summary>").append(quiet.size()).append(" unchanged or skipped rows</summary>\n\n")
                    .append(table(quiet)).append("\n</details>\n");
        }
        return md.toString();
    }

    private static boolean quiet(Status s) {
        return s == Status.UNCHANGED || s == Status.SKIPPED;
    }

    private static String table(List<RowComparison> rows) {
        StringBuilder t = new StringBuilder(row(TableRows.HEADER));
        t.append(row(TableRows.HEADER.stream().map(h -> "---").toList()));
        rows.forEach(r -> t.append(row(TableRows.cells(r))));
        return t.toString();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(MarkdownSummary::escape).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    private static String escape(String cell) {
        return cell.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
    }
}
