package dev.concbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concbench.results.Measure;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the regression gate's {@code compare.json} (written by {@code compare} into
 * {@code results/<run-id>/compare/}) into the highlights the report shows: every row whose
 * status is not {@code unchanged}, {@code new} or {@code skipped}, worst first. Read as a JSON tree,
 * so the report depends on the file's documented fields, not on the gate's classes.
 */
public final class CompareFile {

    /** Where {@code compare} writes it, relative to the current results directory. */
    static final Path LOCATION = Path.of("compare", "compare.json");
    private static final List<String> SHOWN = List.of("regressed", "missing", "changed", "improved");

    private CompareFile() {
    }

    /**
     * The comparison beside a results directory, if {@code compare} wrote one.
     *
     * @throws ResultsFormatException when the file is there but unreadable
     */
    public static Optional<BaselineComparison> besides(Path resultsDir) throws ResultsFormatException {
        Path file = resultsDir.resolve(LOCATION);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    static BaselineComparison read(Path file) throws ResultsFormatException {
        JsonNode root;
        try {
            root = ResultsDir.json().readTree(file.toFile());
        } catch (IOException e) {
            throw new ResultsFormatException(file + ": unreadable comparison (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
        if (root == null || !root.path("rows").isArray()) {
            throw new ResultsFormatException(file + ": not a comparison written by 'compare' (no rows)");
        }
        List<BaselineComparison.Highlight> highlights = new ArrayList<>();
        for (JsonNode row : root.path("rows")) {
            String status = row.path("status").asText();
            if (SHOWN.contains(status)) {
                highlights.add(new BaselineComparison.Highlight(what(row), value(row.path("baseline")),
                        value(row.path("current")), row.path("change").asText(""),
                        status + (row.path("failsGate").asBoolean(false) ? " (fails the gate)" : "")));
            }
        }
        highlights.sort(Comparator.comparingInt(h -> SHOWN.indexOf(h.status().split(" ")[0])));
        return new BaselineComparison(root.path("baselineRunId").asText("?"), root.path("currentRunId").asText("?"),
                root.path("headline").asText(""), highlights);
    }

    private static String what(JsonNode row) {
        StringBuilder params = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.append(params.isEmpty() ? " [" : ", ").append(e.getKey()).append('=').append(e.getValue().asText());
        }
        if (!params.isEmpty()) {
            params.append(']');
        }
        return row.path("scenario").asText() + "/" + row.path("model").asText() + params + " "
                + row.path("metric").asText();
    }

    private static String value(JsonNode r) {
        if (r.isMissingNode() || r.isNull() || !r.path("value").isNumber()) {
            return "-";
        }
        double error = r.path("error").isNumber() ? r.path("error").asDouble() : Double.NaN;
        return new Measure(r.path("value").asDouble(), error, r.path("unit").asText("")).format();
    }
}
