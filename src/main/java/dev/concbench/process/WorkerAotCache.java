package dev.concbench.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the workers' AOT cache lives and whether one can exist.
 *
 * <p>The JDK's AOT cache (JEP 483, {@code -XX:AOTCache}) maps classes already loaded and linked
 * by a training run, which cut worker start-up by about a quarter here (see the README). A cache
 * is valid only for one JDK, one classpath (jar files, same sizes and times) and compatible JVM
 * flags, so its file name is a hash of all three: a rebuilt jar or other flags get a new cache
 * instead of a silently rejected one. Files live in {@code <tmp>/concbench-aot/}, where {@code <tmp>} is
 * {@value #SHARED_TMP_PROPERTY} when set (by run-bench.sh), else {@code java.io.tmpdir}.
 *
 * <p>{@link #prepare} finds the cache or trains it, with the JDK's two-step recipe: a training
 * worker runs with {@code -XX:AOTMode=record} up to its hello and exits on EOF, then
 * {@code -XX:AOTMode=create} assembles the cache, written under a temporary name and renamed, so
 * concurrent pools never see a partial file. A failure leaves the cache off and says why; it never
 * fails the pool.
 */
final class WorkerAotCache {

    /** AOT cache files kept in the temporary directory (one per JDK, jar build and flag set, ~13 MB each). */
    private static final int CACHES_KEPT = 4;

    /** The system property naming the temporary folder shared by every run (where the cache lives). */
    static final String SHARED_TMP_PROPERTY = "concbench.sharedTmp";

    private WorkerAotCache() {
    }

    /**
     * The outcome of {@link #prepare}: the flags to add to every worker (empty when the cache is off)
     * and one status line for the results: {@code used PATH}, {@code created PATH in N ms} or
     * {@code off: REASON}.
     */
    record Prepared(List<String> extraFlags, String status) {
    }

    /**
     * Finds or creates the AOT cache for this JDK ({@code javaCommand}), {@code flags} and
     * {@code classpath}.
     *
     * @param startTimeout how long the training worker may take to say hello and to exit
     */
    static Prepared prepare(String javaCommand, List<String> flags, String classpath, Duration startTimeout,
            WorkerLauncher launcher) throws IOException {
        Optional<String> unusable = unusableBecause(classpath);
        if (unusable.isPresent()) {
            return new Prepared(List.of(), "off: " + unusable.get());
        }
        Path cache = file(javaCommand, flags, classpath);
        List<String> useIt = List.of("-XX:AOTCache=" + cache);
        if (Files.isRegularFile(cache)) {
            return new Prepared(useIt, "used " + cache);
        }
        long start = System.nanoTime();
        String unique = "-" + ProcessHandle.current().pid() + "-" + start;
        Path training = cache.resolveSibling(cache.getFileName() + unique + ".aotconf");
        Path partial = cache.resolveSibling(cache.getFileName() + unique + ".partial");
        try {
            train(launcher, training, startTimeout);
            runToCompletion(launcher.command(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + training,
                    "-XX:AOTCache=" + partial)));
            Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune(CACHES_KEPT);
        } catch (IOException e) {
            return new Prepared(List.of(), "off: creating " + cache + " failed: " + e.getMessage());
        } finally {
            Files.deleteIfExists(training);
            Files.deleteIfExists(partial);
        }
        return new Prepared(useIt, "created " + cache + " in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
    }

    /** Runs one worker in AOT record mode from spawn to hello, then lets it exit and write {@code training}. */
    private static void train(WorkerLauncher launcher, Path training, Duration startTimeout) throws IOException {
        Process trainee = WorkerLauncher.spawn(launcher.command(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + training)));
        try {
            launcher.awaitHello(trainee).channel().close();
            if (!trainee.waitFor(startTimeout.toMillis(), TimeUnit.MILLISECONDS) || trainee.exitValue() != 0) {
                throw new IOException("training worker pid " + trainee.pid() + " did not exit with 0 within "
                        + startTimeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while training worker pid " + trainee.pid() + " ran", e);
        } finally {
            WorkerLauncher.kill(trainee);
        }
    }

    /** Runs a JVM that exits by itself (the AOT assembly step) and fails with its last output line. */
    private static void runToCompletion(List<String> jvm) throws IOException {
        Process process = new ProcessBuilder(jvm).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                throw new IOException("exit code " + process.exitValue() + ": "
                        + output.substring(output.lastIndexOf('\n') + 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the AOT cache was being assembled", e);
        } finally {
            WorkerLauncher.kill(process);
        }
    }

    /** Why no cache can be used with this classpath, or empty when it can. */
    static Optional<String> unusableBecause(String classpath) {
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry.isEmpty() ? "." : entry);
            if (Files.isDirectory(path)) {
                return Optional.of("classpath entry " + path + " is a directory; the JDK's AOT cache needs jar files");
            }
        }
        return Optional.empty();
    }

    /** The cache file for this JDK, classpath and flags (it may not exist yet). */
    static Path file(String javaCommand, List<String> flags, String classpath) throws IOException {
        List<String> key = new ArrayList<>(List.of(javaCommand, System.getProperty("java.runtime.version")));
        key.addAll(flags);
        for (String entry : classpath.split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath();
            key.add(jar + ":" + (Files.exists(jar) ? Files.size(jar) + ":" + Files.getLastModifiedTime(jar) : "missing"));
        }
        return directory().resolve("worker-" + sha256(String.join("\n", key)).substring(0, 24) + ".aot");
    }

    /**
     * Deletes all but the {@code keep} newest cache files, so rebuilding the jar again and again
     * does not fill the temporary directory (a JVM that maps a deleted file keeps its mapping).
     */
    static void prune(int keep) throws IOException {
        List<Path> caches;
        try (var files = Files.list(directory())) {
            caches = files.filter(f -> f.getFileName().toString().matches("worker-[0-9a-f]+\\.aot"))
                    .sorted(Comparator.comparing(WorkerAotCache::modified).reversed()).toList();
        }
        for (Path stale : caches.subList(Math.min(keep, caches.size()), caches.size())) {
            Files.deleteIfExists(stale);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            // Deleted by a concurrent prune: the oldest possible time makes it the first to go.
            return FileTime.fromMillis(0);
        }
    }

    /** The directory cache files live in, created if needed. */
    static Path directory() throws IOException {
        // run-bench.sh gives each run its own java.io.tmpdir (deleted at exit); the cache outlives runs
        return Files.createDirectories(Path.of(System.getProperty(SHARED_TMP_PROPERTY,
                System.getProperty("java.io.tmpdir")), "concbench-aot"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK must provide SHA-256", e);
        }
    }
}
