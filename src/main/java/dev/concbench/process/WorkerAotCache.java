package dev.concbench.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where the workers' AOT cache lives and whether one can exist.
 *
 * <p>The JDK's AOT cache (JEP 483, {@code -XX:AOTCache}) maps classes already loaded and linked
 * by a training run, which cut worker start-up by about a quarter here (see the README). A cache
 * is valid only for one JDK, one classpath (jar files, same sizes and times) and compatible JVM
 * flags, so its file name is a hash of all three: a rebuilt jar or other flags get a new cache
 * instead of a silently rejected one. Files live in {@code <java.io.tmpdir>/concbench-aot/}.
 */
final class WorkerAotCache {

    private WorkerAotCache() {
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
        return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "concbench-aot"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK must provide SHA-256", e);
        }
    }
}
