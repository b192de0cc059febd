package dev.concbench.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Temporary folders named for the process that owns them, {@code <prefix><pid>-<random>} (or
 * {@code <prefix><pid>}), so that one left behind by a process that was killed can be told apart
 * from one a live process still uses, and removed by the next run. Stateless; any thread.
 */
public final class PidTempDir {

    private PidTempDir() {
    }

    /**
     * A new folder {@code <tmp>/<prefix><our pid>-<random>}, deleted (with what is in it) when this
     * JVM exits normally or on SIGINT/SIGTERM; stale ones of dead processes are removed first.
     */
    public static Path create(String prefix) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeStale(tmp, prefix);
        Path dir = Files.createTempDirectory(tmp, prefix + ProcessHandle.current().pid() + "-");
        deleteOnExit(dir);
        return dir;
    }

    /**
     * The pid a folder name {@code <prefix><pid>[-...]} carries, if it has that shape.
     */
    static Optional<Long> owner(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = name.substring(prefix.length());
        int dash = rest.indexOf('-');
        String digits = dash < 0 ? rest : rest.substring(0, dash);
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    /**
     * Deletes every {@code <prefix><pid>...} folder in {@code tmp} whose process is gone; folders of
     * live processes and names of another shape are left alone. Failures are ignored (another
     * process may be sweeping the same folder, or it is not ours to delete).
     *
     * @return how many folders were removed
     */
    public static int removeStale(Path tmp, String prefix) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, prefix + "*")) {
            for (Path p : entries) {
                Optional<Long> pid = owner(p.getFileName().toString(), prefix);
                if (pid.isPresent() && ProcessHandle.of(pid.get()).isEmpty() && Files.isDirectory(p)
                        && !Files.isSymbolicLink(p) && deleteTree(p)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            return removed; // an unreadable tmp folder: nothing we may sweep
        }
        return removed;
    }

    /** Deletes {@code dir} and everything under it; true when it is gone. Never follows links out. */
    public static boolean deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            return !Files.exists(dir);
        }
    }

    /** The folders to delete at shutdown; one hook for all of them, registered on first use. */
    private static final java.util.Set<Path> AT_EXIT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicBoolean HOOKED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Deletes {@code dir} (and its contents) when the JVM shuts down, unless {@link #deleted} first. */
    public static void deleteOnExit(Path dir) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> AT_EXIT.forEach(PidTempDir::deleteTree), "concbench-tmp-cleanup"));
        }
        AT_EXIT.add(dir);
    }

    /** Its owner deleted {@code dir} itself: nothing left to do at shutdown. */
    public static void deleted(Path dir) {
        AT_EXIT.remove(dir);
    }
}
