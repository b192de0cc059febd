package dev.concbench.regress;

import dev.concbench.results.ResultsDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a comparison's files, atomically through {@link ResultsDir#writeAtomically}:
 * {@value #MARKDOWN} (for CI pages) and {@value #JSON} (every row, for tools and the report).
 */
public final class ComparisonFiles {

    public static final String MARKDOWN = "compare.md";
    public static final String JSON = "compare.json";
    /** The default output directory, inside the current results directory. */
    public static final String DEFAULT_DIR = "compare";

    private ComparisonFiles() {
    }

    /** Writes both files into {@code dir} (created if needed) and returns the markdown file's path. */
    public static Path write(Comparison c, Path dir) throws IOException {
        Path markdown = dir.resolve(MARKDOWN);
        ResultsDir.writeAtomically(dir.resolve(JSON), ResultsDir.json().writeValueAsBytes(c));
        ResultsDir.writeAtomically(markdown, MarkdownSummary.render(c).getBytes(StandardCharsets.UTF_8));
        return markdown;
    }
}
