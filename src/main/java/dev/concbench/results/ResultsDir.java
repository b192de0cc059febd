package dev.concbench.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code results/<run-id>/} directory: the only class that writes or reads its files.
 *
 * <p>Writes are atomic (temp file + rename). Reads check the format tag and fail with a one-line
 * {@link ResultsFormatException} naming the file and what was wrong.
 */
public final class ResultsDir {

    public static final String ENV = "env.json";
    public static final String JMH = "jmh.json";
    public static final String SUMMARY = "summary.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String CLAIMS = "claims.json";
    public static final String HISTOGRAMS = "histograms";
    /** Where {@code compare} writes by default, inside the current results directory. */
    public static final String COMPARE_DIR = "compare";
    /** The regression gate's comparison, every row ({@link Comparison}). */
    public static final String COMPARE_JSON = "compare.json";
    /** The same comparison as markdown, for CI pages. */
    public static final String COMPARE_MD = "compare.md";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    private ResultsDir(Path dir) {
        this.dir = dir;
    }

    /** A results directory to write into; creates it (and {@code histograms/}) if needed. */
    public static ResultsDir create(Path dir) throws IOException {
        Files.createDirectories(dir.resolve(HISTOGRAMS));
        return new ResultsDir(dir);
    }

    /**
     * A new results directory {@code root/runId} that this process alone owns: created exclusively,
     * with a suffix ({@code runId-2}, ...) when another run already has that id.
     */
    public static ResultsDir claim(Path root, String runId) throws IOException {
        return create(OutputPlace.claim(root, runId));
    }

    /**
     * An existing results directory to read.
     *
     * @throws ResultsFormatException when it is missing or holds no {@code summary.json}
     */
    public static ResultsDir open(Path dir) throws ResultsFormatException {
        if (!Files.isDirectory(dir)) {
            throw new ResultsFormatException(dir + (Files.exists(dir) ? ": not a directory" : ": no such results directory"));
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new ResultsFormatException(dir + ": permission denied (cannot read the results directory)");
        }
        if (Files.exists(dir.resolve(SUMMARY)) && !Files.isReadable(dir.resolve(SUMMARY))) {
            throw new ResultsFormatException(dir.resolve(SUMMARY) + ": permission denied");
        }
        if (!Files.isRegularFile(dir.resolve(SUMMARY))) {
            throw new ResultsFormatException(dir + ": not a concbench results directory (no " + SUMMARY + ")");
        }
        return new ResultsDir(dir);
    }

    /** The directory itself. */
    public Path path() {
        return dir;
    }

    /** The directory's name, which is the run id. */
    public String runId() {
        return dir.getFileName().toString();
    }

    public void writeSummary(RunSummary summary) throws IOException {
        writeAtomically(dir.resolve(SUMMARY), JSON.writeValueAsBytes(summary));
        writeAtomically(dir.resolve(SUMMARY_CSV), csv(summary).getBytes(StandardCharsets.UTF_8));
    }

    public RunSummary readSummary() throws ResultsFormatException {
        com.fasterxml.jackson.databind.JsonNode tree = read(SUMMARY, new TypeReference<com.fasterxml.jackson.databind.JsonNode>() {});
        String where = dir.resolve(SUMMARY).toString();
        if (tree.isObject() && tree.path("format").isTextual()
                && !RunSummary.FORMAT.equals(tree.path("format").asText())) {
            throw new ResultsFormatException(where + ": format '" + tree.path("format").asText()
                    + "' is not supported (expected '" + RunSummary.FORMAT + "')");
        }
        SummaryCheck.check(where, tree);
        RunSummary summary;
        try {
            summary = JSON.treeToValue(tree, RunSummary.class);
        } catch (IOException e) {
            throw new ResultsFormatException(where + ": unreadable (" + OutputPlace.reason(e) + ")");
        }
        if (!RunSummary.FORMAT.equals(summary.format())) {
            throw new ResultsFormatException(dir.resolve(SUMMARY) + ": format '" + summary.format()
                    + "' is not supported (expected '" + RunSummary.FORMAT + "')");
        }
        return summary;
    }

    /** Writes {@code jmh.json}: JMH's own JSON result format, exactly as JMH rendered it. */
    public void writeJmh(byte[] jmhJson) throws IOException {
        writeAtomically(dir.resolve(JMH), jmhJson);
    }

    public void writeEnv(EnvInfo env) throws IOException {
        writeAtomically(dir.resolve(ENV), JSON.writeValueAsBytes(env));
    }

    public EnvInfo readEnv() throws ResultsFormatException {
        return read(ENV, new TypeReference<EnvInfo>() {});
    }

    /**
     * Writes a {@code claims.json} atomically to {@code file}: the run's own
     * ({@code results/<run-id>/claims.json}) or a report's, which never goes into the results it read.
     */
    public static void writeClaims(Path file, List<ClaimResult> claims) throws IOException {
        writeAtomically(file, JSON.writeValueAsBytes(claims));
    }

    public List<ClaimResult> readClaims() throws ResultsFormatException {
        return read(CLAIMS, new TypeReference<List<ClaimResult>>() {});
    }

    /**
     * Writes a comparison into {@code dir} (created if needed): {@value #COMPARE_JSON} and
     * {@value #COMPARE_MD} (the markdown the gate rendered), each atomically.
     *
     * @return the markdown file's path
     */
    public static Path writeComparison(Path dir, Comparison comparison, String markdown) throws IOException {
        Path md = dir.resolve(COMPARE_MD);
        writeAtomically(dir.resolve(COMPARE_JSON), JSON.writeValueAsBytes(comparison));
        writeAtomically(md, markdown.getBytes(StandardCharsets.UTF_8));
        return md;
    }

    /**
     * The comparison {@code compare} wrote into this run's {@value #COMPARE_DIR}/ directory, if any.
     *
     * @throws ResultsFormatException when the file is there but unreadable or not a comparison
     *     (one line naming the file, and the row and field)
     */
    public java.util.Optional<Comparison> readComparison() throws ResultsFormatException {
        String file = COMPARE_DIR + "/" + COMPARE_JSON;
        if (!has(file)) {
            return java.util.Optional.empty();
        }
        com.fasterxml.jackson.databind.JsonNode tree = read(file, new TypeReference<com.fasterxml.jackson.databind.JsonNode>() {});
        String where = dir.resolve(file).toString();
        ComparisonCheck.check(where, tree);
        try {
            return java.util.Optional.of(JSON.treeToValue(tree, Comparison.class));
        } catch (IOException e) {
            throw new ResultsFormatException(where + ": unreadable (" + OutputPlace.reason(e) + ")");
        }
    }

    /** Whether the run wrote the named file (e.g. {@link #JMH}). */
    public boolean has(String file) {
        return Files.isRegularFile(dir.resolve(file));
    }

    private <T> T read(String file, TypeReference<T> type) throws ResultsFormatException {
        Path p = dir.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new ResultsFormatException(p + ": missing");
        }
        try {
            return JSON.readValue(p.toFile(), type);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            // the parser quotes the bad bytes; keep the one line printable
            throw new ResultsFormatException(p + ": unreadable (" + why.replaceAll("[^\\x20-\\x7e]", "?") + ")");
        }
    }

    /**
     * Writes {@code bytes} to {@code target} so that a reader sees the old file or the new one,
     * never a part: a temporary file in the same directory, then an atomic rename.
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // not Files.createTempFile: that makes the file 0600, and results are meant to be shared
        // like any file the user makes, so the new file gets the process umask's mode
        Path tmp = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try {
                Files.write(tmp, bytes, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            } catch (java.nio.file.FileSystemException e) {
                throw e;
            } catch (IOException e) {
                // a failed write (a full disk) names no file: name the one the user asked for
                java.nio.file.FileSystemException named = new java.nio.file.FileSystemException(target.toString(), null,
                        e.getMessage());
                named.initCause(e);
                throw named;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The JSON mapper every results file is written and read with. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** One line of {@code summary.csv}: the row flattened for spreadsheets. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"scenario", "benchmark", "model", "params", "metric",
            "value", "unit", "error", "samples", "better", "guards"})
    private record CsvRow(String scenario, String benchmark, String model, String params, String metric,
            Double value, String unit, Double error, long samples, String better, String guards) {

        static CsvRow of(ResultRow r) {
            String params = r.params().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
            return new CsvRow(r.scenario(), r.benchmark(), r.model(), params, r.metric(), finite(r.value()),
                    r.unit(), finite(r.error()), r.samples(), r.better().json(), String.join("; ", r.guards()));
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    private static String csv(RunSummary summary) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = mapper.schemaFor(CsvRow.class).withHeader();
        return mapper.writer(schema).writeValueAsString(summary.rows().stream().map(CsvRow::of).toList());
    }
}
