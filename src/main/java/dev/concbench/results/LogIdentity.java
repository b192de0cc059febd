package dev.concbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which benchmark a histogram log ({@code histograms/*.hlog}) belongs to: its scenario, model and
 * parameters, as data in the log's own header (one HdrHistogram comment line, which HdrHistogram's
 * readers skip), never parsed from the file's name.
 *
 * <pre>{@code
 * #concbench-log {"scenario":"preemption","model":"virtual","params":{"carriers":"1","disturbance":"cpu-hog"},"sweep":"disturbance"}
 * }</pre>
 *
 * @param scenario the scenario, e.g. {@code preemption}
 * @param model    the model, e.g. {@code virtual}
 * @param params   the parameters that tell this log from the scenario's other logs, in order
 * @param sweep    the parameter the scenario sweeps (a key of {@code params}): logs that differ only in
 *                 it are one series across its values, e.g. {@code disturbance}
 */
public record LogIdentity(String scenario, String model, Map<String, String> params, String sweep) {

    /** What starts the header comment (after HdrHistogram's {@code #}). */
    public static final String TAG = "concbench-log ";

    /** How many leading lines of a log are searched for the header: it is written before the legend. */
    private static final int HEADER_LINES = 16;

    public LogIdentity {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        if (!params.containsKey(sweep)) {
            throw new IllegalArgumentException("sweep '" + sweep + "' is not a parameter of " + params);
        }
    }

    /** The swept parameter's value, e.g. {@code cpu-hog}. */
    public String variant() {
        return params.get(sweep);
    }

    /** The parameters other than the swept one, e.g. {@code {carriers=1}}. */
    public Map<String, String> fixed() {
        Map<String, String> rest = new LinkedHashMap<>(params);
        rest.remove(sweep);
        return rest;
    }

    /**
     * A file name for people, {@code <scenario>-<model>[-<fixed>]...-<variant>}, a fixed numeric
     * parameter as key and value ({@code carriers1}), another as its value ({@code sleep}), e.g.
     * {@code preemption-virtual-carriers1-cpu-hog}, {@code scalability-eventloop-sleep-1000}; nothing
     * reads it back.
     */
    public String fileStem() {
        String rest = fixed().entrySet().stream()
                .map(e -> "-" + (e.getValue().matches("[0-9.]+") ? e.getKey() + e.getValue() : e.getValue()))
                .collect(Collectors.joining());
        return scenario + "-" + model + rest + "-" + variant();
    }

    /** The header comment, without HdrHistogram's leading {@code #}. */
    public String comment() {
        try {
            return TAG + ResultsDir.json().copy().disable(com.fasterxml.jackson.databind.SerializationFeature
                    .INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a log identity", e);
        }
    }

    /**
     * The identity in a log's header.
     *
     * @return empty when the log has no such header (written before logs carried it)
     * @throws ResultsFormatException when the header is there but malformed, naming the file
     */
    public static Optional<LogIdentity> read(Path log) throws IOException, ResultsFormatException {
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i < HEADER_LINES && (line = in.readLine()) != null; i++) {
                if (line.startsWith("#" + TAG)) {
                    return Optional.of(parse(log, line.substring(1 + TAG.length())));
                }
            }
        }
        return Optional.empty();
    }

    private static LogIdentity parse(Path log, String json) throws ResultsFormatException {
        try {
            LogIdentity id = ResultsDir.json().readValue(json, LogIdentity.class);
            if (id.scenario() == null || id.model() == null) {
                throw new ResultsFormatException(log + ": its " + TAG.strip() + " header has no scenario or model");
            }
            return id;
        } catch (IOException | IllegalArgumentException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new ResultsFormatException(log + ": unreadable " + TAG.strip() + " header (" + why + ")");
        }
    }
}
