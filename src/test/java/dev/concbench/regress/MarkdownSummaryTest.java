package dev.concbench.regress;

import dev.concbench.results.Comparison;
import static dev.concbench.regress.Fixtures.baseline;
import static dev.concbench.regress.Fixtures.only;
import static dev.concbench.regress.Fixtures.scaled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.ResultRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {

    @Test
    void changedRowsComeFirstUnchangedAreFoldedAndCellsAreEscaped() {
        List<ResultRow> rows = scaled(baseline(), only("eventloop", "handoff"), 2).rows().stream()
                .map(r -> r.model().equals("virtual") && r.metric().equals("handoff")
                        ? r.withGuard("pinned: 3 | 4 <events>") : r)
                .toList();
        Comparison c = RunComparator.compare(baseline(), Fixtures.summary("smoke", rows), CompareOptions.defaults());
        String md = MarkdownSummary.render(c);

        assertTrue(md.startsWith("## concbench compare: REGRESSION: 1 regressed"), md);
        int changed = md.indexOf("### Changed");
        int folded = md.indexOf("<details>");
        int regressedRow = md.indexOf("| regressed | context-switch | eventloop | handoff |");
        assertTrue(changed < regressedRow && regressedRow < folded, md);
        assertTrue(md.contains("current: pinned: 3 \\| 4 &lt;events>"), md);
        // every table line has as many cells as the header: no cell broke the table
        md.lines().filter(l -> l.startsWith("| ") && l.contains("context-switch"))
                .forEach(l -> assertEquals(TableRows.HEADER.size() + 1, l.split("(?<!\\\\)\\|").length, l));
    }

    @Test
    void theTerminalTableEndsWithTheHeadlineAndAlignsColumns() {
        Comparison c = RunComparator.compare(baseline(), baseline(), CompareOptions.defaults());
        List<String> lines = TerminalTable.render(c).lines().toList();
        assertEquals("compare: " + c.headline(), lines.getLast());
        String header = lines.get(1);
        int column = header.indexOf("metric");
        lines.subList(2, lines.size() - 1).forEach(l -> assertEquals(' ', l.charAt(column - 1), l));
    }
}
