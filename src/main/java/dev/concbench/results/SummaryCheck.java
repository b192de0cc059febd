package dev.concbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Validates a {@code summary.json} tree before it becomes a {@link RunSummary}, so that a
 * hand-edited or damaged file is one line naming the row and the field
 * ({@code results/x/summary.json:row 12: model is missing}) instead of a NullPointerException
 * somewhere in {@code compare} or {@code report}. Stateless.
 */
final class SummaryCheck {

    private static final List<String> TEXT_FIELDS = List.of("scenario", "benchmark", "model", "metric", "unit");

    private SummaryCheck() {
    }

    /**
     * @param file how the message names the file
     * @param root the parsed file
     * @throws ResultsFormatException on the first problem, naming the row (1-based) and the field
     */
    static void check(String file, JsonNode root) throws ResultsFormatException {
        JsonChecks.rows(file, root, List.of("format", "runId", "profile"), SummaryCheck::rowProblem);
    }

    /** The first problem of one row, or null when it is well-formed. */
    private static String rowProblem(JsonNode row) {
        if (!row.isObject()) {
            return "expected an object, found " + kind(row);
        }
        for (String field : TEXT_FIELDS) {
            JsonNode v = row.get(field);
            if (v == null || v.isNull()) {
                return field + " is missing";
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                return field + " must be non-empty text, found " + v;
            }
        }
        String model = row.get("model").asText();
        if (dev.concbench.vocab.ModelKind.of(model).isEmpty()) {
            return "model '" + model + "' is not a model (expected one of "
                    + String.join(", ", dev.concbench.vocab.ModelKind.ids()) + ")";
        }
        JsonNode better = row.get("better");
        if (better == null || better.isNull()) {
            return "better is missing";
        }
        if (java.util.Arrays.stream(Direction.values()).noneMatch(d -> d.json().equals(better.asText()))) {
            return "better must be lower, higher or neutral, found " + better;
        }
        JsonNode value = row.get("value");
        if (value == null || value.isNull()) {
            return "value is missing";
        }
        if (!isNumber(value)) {
            return "value must be a number, found " + value;
        }
        if (value.isNumber() && !Double.isFinite(value.asDouble())) {
            return "value " + value.asText() + " is beyond a double's range";
        }
        JsonNode error = row.get("error");
        if (error != null && !error.isNull()) {
            if (!isNumber(error)) {
                return "error must be a number or \"NaN\", found " + error;
            }
            if (error.isNumber() && error.asDouble() < 0) {
                return "error must be >= 0 (a half-width), found " + error.asText();
            }
        }
        JsonNode samples = row.get("samples");
        if (samples == null || samples.isNull()) {
            return "samples is missing";
        }
        if (!samples.canConvertToLong() || !samples.isIntegralNumber() || samples.asLong() < 0) {
            return "samples must be a whole number >= 0, found " + samples;
        }
        JsonNode params = row.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            return "params must be an object, found " + kind(params);
        }
        JsonNode guards = row.get("guards");
        if (guards != null && !guards.isNull() && !guards.isArray()) {
            return "guards must be a list, found " + kind(guards);
        }
        return null;
    }

    /** A JSON number, or one of the strings Jackson writes for non-finite doubles. */
    private static boolean isNumber(JsonNode v) {
        return v.isNumber() || (v.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(v.asText()));
    }

    private static String kind(JsonNode n) {
        return JsonChecks.kind(n);
    }
}
