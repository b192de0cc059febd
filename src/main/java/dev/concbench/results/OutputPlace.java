package dev.concbench.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a command writes: checked before any work (a writable folder, or one that can be made),
 * and run or report folders claimed atomically so that two commands never share one.
 *
 * <p>Every method may be called from any thread; {@link #claim} is safe across processes because
 * it relies on the file system's exclusive {@code mkdir}.
 */
public final class OutputPlace {

    /** How many suffixes {@link #claim} tries before it gives up. */
    static final int MAX_SUFFIX = 1000;

    private OutputPlace() {
    }

    /**
     * Checks that {@code dir} is (or can become) a folder this process can write into, by making
     * it and writing and deleting a one-byte probe file in it. Folders it had to make for the probe
     * are removed again: checking writes nothing.
     *
     * @param dir the folder
     * @return {@code dir}
     * @throws UnwritableException with a one-line reason: a file is in the way, the file system is
     *                             read-only or full, permission is denied
     */
    public static Path checkWritable(Path dir) throws UnwritableException {
        // another process checking the same missing folder removes what it made when its own check
        // ends, maybe while this one is between making the folder and writing its probe: try again
        for (int attempt = 1; ; attempt++) {
            try {
                return checkWritableOnce(dir);
            } catch (RaceLost e) {
                if (attempt == RACE_ATTEMPTS) {
                    throw new UnwritableException(dir + " is not a writable folder (" + reason(e.cause) + ")");
                }
            }
        }
    }

    private static final int RACE_ATTEMPTS = 5;

    /** A folder this check made vanished under it (another process's check removed it). */
    private static final class RaceLost extends Exception {
        final IOException cause;

        RaceLost(IOException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    private static Path checkWritableOnce(Path dir) throws UnwritableException, RaceLost {
        Path fileInTheWay = firstNonDirectory(dir.toAbsolutePath().normalize());
        if (fileInTheWay != null) {
            throw new UnwritableException(fileInTheWay.equals(dir.toAbsolutePath().normalize())
                    ? dir + " is a file (expected a folder)"
                    : dir + " is under a file (" + fileInTheWay + "), expected a folder");
        }
        Path firstMissing = null;
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            firstMissing = p;
        }
        try {
            Files.createDirectories(dir);
            Path probe = dir.resolve(".concbench-probe-" + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try (OutputStream out = Files.newOutputStream(probe, StandardOpenOption.CREATE_NEW)) {
                out.write('\n');
                out.flush();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RaceLost(e);
        } catch (IOException e) {
            throw new UnwritableException(dir + " is not a writable folder (" + reason(e) + ")");
        } finally {
            if (firstMissing != null) {
                removeMade(dir.toAbsolutePath().normalize(), firstMissing);
            }
        }
        return dir;
    }

    /**
     * Creates {@code root/id}, or {@code root/id-2}, {@code root/id-3}... when it exists: exclusive
     * creation, so two processes claiming the same id in the same instant get two folders.
     *
     * @return the folder this caller now owns
     * @throws IOException when {@code root} cannot be made or every suffix is taken
     */
    public static Path claim(Path root, String id) throws IOException {
        Files.createDirectories(root);
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            Path dir = root.resolve(n == 1 ? id : id + "-" + n);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // someone else owns this one: try the next suffix
            }
        }
        throw new FileSystemException(root.resolve(id).toString(), null,
                "this id and " + (MAX_SUFFIX - 1) + " suffixed ones are all taken");
    }

    /**
     * Like {@link #claim}, for a folder that its owner may write again: {@code root/id} (or the first
     * suffixed one) that is new, or that already belongs to {@code owner}. The owner is recorded in
     * the folder's {@value #OWNER_FILE} file; a folder of another owner is never reused.
     *
     * @param owner what the folder is for, e.g. the absolute path of the results a report shows
     */
    public static Path claimFor(Path root, String id, String owner) throws IOException {
        Files.createDirectories(root);
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            Path dir = root.resolve(n == 1 ? id : id + "-" + n);
            try {
                Files.createDirectory(dir);
                Files.writeString(dir.resolve(OWNER_FILE), owner + "\n", StandardOpenOption.CREATE_NEW);
                return dir;
            } catch (FileAlreadyExistsException e) {
                Path mark = dir.resolve(OWNER_FILE);
                if (Files.isRegularFile(mark) && Files.readString(mark).strip().equals(owner)) {
                    return dir;
                }
            }
        }
        throw new FileSystemException(root.resolve(id).toString(), null,
                "this id and " + (MAX_SUFFIX - 1) + " suffixed ones all belong to others");
    }

    /** The file in a {@link #claimFor claimed} folder that names its owner. */
    public static final String OWNER_FILE = ".concbench-owner";

    /**
     * The short reason of a file-system failure, e.g. {@code No space left on device},
     * {@code Read-only file system}, {@code permission denied}.
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    /** Deletes the empty folders from {@code deepest} up to and including {@code top}. */
    private static void removeMade(Path deepest, Path top) {
        for (Path p = deepest; p != null && p.startsWith(top); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty (someone else wrote into it meanwhile) or already gone: leave it
            }
        }
    }

    private static Path firstNonDirectory(Path abs) {
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    /** The output place cannot be written: the message is the whole one-line report. */
    public static final class UnwritableException extends Exception {
        public UnwritableException(String message) {
            super(message);
        }
    }
}
