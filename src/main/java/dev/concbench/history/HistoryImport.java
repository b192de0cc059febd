package dev.concbench.history;

import dev.concbench.results.ResultsDir;
import dev.concbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports existing results directories into a history: each path is a run directory (it holds
 * {@code summary.json}, e.g. {@code results/baseline}) or a results root whose subdirectories are
 * runs (e.g. {@code results/}). Idempotent: a run already stored is skipped.
 */
public final class HistoryImport {

    /**
     * What an import did.
     *
     * @param added   runs stored now
     * @param skipped runs that were already stored
     * @param rows    result rows stored now
     */
    public record Outcome(int added, int skipped, int rows) {
    }

    private HistoryImport() {
    }

    /**
     * The run directories under the given paths, each path's runs in name order.
     *
     * @throws ResultsFormatException for a path that is neither a run nor holds any
     */
    public static List<ResultsDir> runs(List<Path> paths) throws ResultsFormatException {
        List<ResultsDir> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isRegularFile(p.resolve(ResultsDir.SUMMARY))) {
                out.add(ResultsDir.open(p));
                continue;
            }
            if (!Files.isDirectory(p)) {
                throw new ResultsFormatException(p + ": no such results directory");
            }
            List<Path> children;
            try (Stream<Path> list = Files.list(p)) {
                children = list.filter(c -> Files.isRegularFile(c.resolve(ResultsDir.SUMMARY))).sorted().toList();
            } catch (IOException e) {
                throw new ResultsFormatException(p + ": unreadable (" + e.getMessage() + ")");
            }
            if (children.isEmpty()) {
                throw new ResultsFormatException(p + ": not a results directory (no " + ResultsDir.SUMMARY
                        + " in it or in its subdirectories)");
            }
            for (Path c : children) {
                out.add(ResultsDir.open(c));
            }
        }
        return out;
    }

    /** Reads and stores every run under {@code paths}; each run is its own transaction. */
    public static Outcome importAll(HistoryStore store, List<Path> paths) throws ResultsFormatException, HistoryException {
        List<StoredRun> read = new ArrayList<>();
        for (ResultsDir dir : runs(paths)) {
            read.add(StoredRun.read(dir, StoredRun.Origin.imported()));
        }
        int added = 0;
        int rows = 0;
        for (StoredRun run : read) {
            if (store.append(run)) {
                added++;
                rows += run.rows().size();
            }
        }
        return new Outcome(added, read.size() - added, rows);
    }
}
