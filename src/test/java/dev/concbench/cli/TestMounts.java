package dev.concbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Small file systems for tests that need a full disk or a read-only folder: a size-limited tmpfs,
 * a read-only bind mount. Mounting needs root (CI runs as root); where it is impossible the test is
 * skipped with a loud line on stderr saying what was not tested. Unmounts everything it mounted.
 */
final class TestMounts implements AutoCloseable {

    private final List<Path> mounted = new ArrayList<>();

    /** Mounts a tmpfs of {@code kib} KiB at {@code dir} (an existing empty folder), or skips the test. */
    Path tmpfs(Path dir, int kib) throws IOException, InterruptedException {
        mountOrSkip(dir, List.of("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0755", "tmpfs", dir.toString()));
        return dir;
    }

    /** Makes {@code dir} read-only for everyone, root included (a read-only bind mount), or skips the test. */
    Path readOnly(Path dir) throws IOException, InterruptedException {
        mountOrSkip(dir, List.of("mount", "--bind", dir.toString(), dir.toString()));
        if (run(List.of("mount", "-o", "remount,ro,bind", dir.toString())) != 0) {
            skip("cannot remount " + dir + " read-only");
        }
        return dir;
    }

    private void mountOrSkip(Path dir, List<String> command) throws IOException, InterruptedException {
        if (run(command) != 0) {
            skip(String.join(" ", command) + " failed (mounting needs root)");
        }
        mounted.add(0, dir);
    }

    private static void skip(String why) {
        String line = "*** SKIPPED: " + why + "; this test was NOT run ***";
        System.err.println(line);
        Assumptions.abort(line);
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Path dir : mounted) {
            if (run(List.of("umount", dir.toString())) != 0) {
                run(List.of("umount", "-l", dir.toString()));
            }
        }
        mounted.clear();
    }
}
