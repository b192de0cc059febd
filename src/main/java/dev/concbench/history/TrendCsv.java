package dev.concbench.history;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.concbench.results.ResultsDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A trend as CSV, one line per (run, series): for spreadsheets and other plotting tools. */
public final class TrendCsv {

    private TrendCsv() {
    }

    @JsonPropertyOrder({"runId", "started", "gitCommit", "model", "params", "value", "error", "unit", "samples",
            "guards"})
    private record Line(String runId, String started, String gitCommit, String model, String params, Double value,
            Double error, String unit, long samples, String guards) {

        static Line of(TrendPoint p) {
            return new Line(p.runId(), p.started(), p.gitCommit(), p.model(), RowCodec.params(p.params()),
                    RowCodec.finite(p.measure().value()), RowCodec.finite(p.measure().error()), p.measure().unit(),
                    p.measure().samples(), String.join("; ", p.guards()));
        }
    }

    /** Writes {@code points} to {@code file} atomically, with a header line. */
    public static void write(List<TrendPoint> points, Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = mapper.schemaFor(Line.class).withHeader();
        String text = mapper.writer(schema).writeValueAsString(points.stream().map(Line::of).toList());
        ResultsDir.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
