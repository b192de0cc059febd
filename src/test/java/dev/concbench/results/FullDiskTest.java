package dev.concbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A write that fills the disk names the file the user asked for, and leaves no part of it behind. */
class FullDiskTest {

    @Test
    @Timeout(30)
    void aFullDiskNamesTheFileAndLeavesNoPart(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString()),
                "needs root to mount a 64 KiB tmpfs (CI runs as root); skipped");
        try {
            Path target = small.resolve("summary.json");
            FileSystemException e = assertThrows(FileSystemException.class,
                    () -> ResultsDir.writeAtomically(target, new byte[256 * 1024]));
            assertEquals(target.toString(), e.getFile());
            assertFalse(Files.exists(target));
            try (var files = Files.list(small)) {
                assertEquals(0, files.count(), "no temporary file left");
            }
        } finally {
            run("umount", small.toString());
        }
    }

    private static boolean run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
